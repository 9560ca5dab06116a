package org.safeguarding.backbone.web.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates {@code idempotent_request} ({@link IdempotentRequests}) from its one definition
 * ({@code db/idempotency/idempotent_request.sql}, vendor-neutral). Each service's migrations hold a subclass named
 * for its place in that service's versions ({@code db.referrals.V24__idempotent_requests}).
 */
public abstract class IdempotentRequestsMigration extends BaseJavaMigration {

    private static final String DEFINITION = "/db/idempotency/idempotent_request.sql";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (String statement : definition().split(";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement.strip());
                }
            }
        }
    }

    private static String definition() {
        try (InputStream in = IdempotentRequestsMigration.class.getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
