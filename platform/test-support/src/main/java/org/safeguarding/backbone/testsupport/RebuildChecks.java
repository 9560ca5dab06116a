package org.safeguarding.backbone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A projection dropped and rebuilt from the log by an operator, as {@code ./run rebuild} does: the same rows, every
 * one (issue 8, part 1).
 */
public final class RebuildChecks {

    private static final Pattern STAGE = Pattern.compile("\"stage\"\\s*:\\s*\"([A-Z_]+)\"");

    private RebuildChecks() {
    }

    /** The local development operator (local profile only). */
    public static RequestPostProcessor operator() {
        return httpBasic("operator", "dev-only-operator");
    }

    /**
     * Empties {@code tables} (the projection's, a table before those whose foreign keys refer to it), rebuilds
     * {@code projection} through the operator's endpoint, and checks every table has again the rows it had.
     */
    public static void droppedAndRebuiltAsItWas(MockMvc mvc, JdbcTemplate jdbc, Sealing sealing, String projection,
                                                List<String> tables) throws Exception {
        Map<String, List<String>> before = rows(jdbc, sealing, tables);
        assertThat(before.values()).as("something to rebuild").anyMatch(rows -> !rows.isEmpty());
        List<String> backwards = new ArrayList<>(tables);
        Collections.reverse(backwards);
        backwards.forEach(table -> jdbc.update("delete from " + table));
        assertThat(rows(jdbc, sealing, tables).values()).allMatch(List::isEmpty);

        String done = rebuild(mvc, projection);
        assertThat(rows(jdbc, sealing, tables)).as("the " + projection + " rebuilt from the log: " + done).isEqualTo(before);
    }

    /** Starts a rebuild as the operator, and follows it until it is done; its last progress. */
    public static String rebuild(MockMvc mvc, String projection) throws Exception {
        int started = mvc.perform(post("/operator/rebuilds/{p}", projection).with(operator()))
                .andReturn().getResponse().getStatus();
        assertThat(started).as("rebuild of the " + projection + " started").isEqualTo(202);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            String progress = mvc.perform(get("/operator/rebuilds/{p}", projection).with(operator()))
                    .andReturn().getResponse().getContentAsString();
            Matcher stage = STAGE.matcher(progress);
            assertThat(stage.find()).as(progress).isTrue();
            if (stage.group(1).equals("DONE")) {
                return progress;
            }
            assertThat(stage.group(1)).as(progress).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("rebuilt within 120 s: " + progress).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Every row of each table, each as its columns' values by name, sorted; a value sealed under a child's key (a
     * view's text, or each personal text of a view's JSON, R18) as it opens, since it is sealed afresh each time it
     * is written.
     */
    public static Map<String, List<String>> rows(JdbcTemplate jdbc, Sealing sealing, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, new ArrayList<>(new TreeSet<>(jdbc.queryForList("select * from " + table).stream()
                    .map(row -> {
                        Map<String, Object> opened = new TreeMap<>();
                        row.forEach((column, value) -> opened.put(column, opened(sealing, value)));
                        return opened.toString();
                    }).toList())));
        }
        return rows;
    }

    private static final Pattern SEALED_IN_JSON = Pattern.compile("\\{\"\\$sealed\":\"([^\"]+)\"}");

    /**
     * {@code value} as it opens: a view's text sealed under a child's key, or each personal text sealed within a
     * view's JSON, opened (marked {@code opened:}); anything else as it is.
     */
    public static Object opened(Sealing sealing, Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        if (text.startsWith(SealedColumn.PREFIX)) {
            return "opened:" + sealing.open(text.substring(SealedColumn.PREFIX.length()));
        }
        Matcher sealed = SEALED_IN_JSON.matcher(text);
        StringBuilder opened = new StringBuilder();
        while (sealed.find()) {
            sealed.appendReplacement(opened, Matcher.quoteReplacement("opened:" + sealing.open(sealed.group(1))));
        }
        sealed.appendTail(opened);
        return opened.toString();
    }
}
