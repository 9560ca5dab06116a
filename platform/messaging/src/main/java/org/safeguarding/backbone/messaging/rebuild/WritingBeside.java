package org.safeguarding.backbone.messaging.rebuild;

import java.util.Collection;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Lets a projection's own code build it beside the live one: while a thread works {@link #on} a set of tables, every
 * statement Hibernate sends for it names their twins ({@link TablesBeside#twinOf}) instead, so the same entities,
 * repositories and event handlers that keep the live view write the rebuilt one. Every other thread, and every other
 * table, is untouched. Installed in each service's Hibernate configuration (EventStoreAutoConfiguration).
 */
public final class WritingBeside implements StatementInspector {

    private static final ThreadLocal<Pattern> TABLES = new ThreadLocal<>();
    private static volatile boolean installed;

    public WritingBeside() {
        installed = true;
    }

    /** Whether Hibernate was given this inspector: without it, a rebuild would write to the live tables. */
    public static boolean installed() {
        return installed;
    }

    /** Runs {@code work} on this thread with Hibernate's statements naming the twins of {@code tables}. */
    public static <T> T on(Collection<String> tables, Supplier<T> work) {
        Pattern before = TABLES.get();
        TABLES.set(Pattern.compile(tables.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "\\b(", ")\\b")), Pattern.CASE_INSENSITIVE));
        try {
            return work.get();
        } finally {
            TABLES.set(before);
        }
    }

    @Override
    public String inspect(String sql) {
        Pattern tables = TABLES.get();
        if (tables == null) {
            return sql;
        }
        return tables.matcher(sql).replaceAll(match -> Matcher.quoteReplacement(TablesBeside.twinOf(match.group(1))));
    }
}
