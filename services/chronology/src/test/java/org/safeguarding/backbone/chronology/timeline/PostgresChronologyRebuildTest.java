package org.safeguarding.backbone.chronology.timeline;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same rebuild on the production store: tables renamed in one transaction, keys and indexes by their names. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresChronologyRebuildTest extends ChronologyRebuildTest {

    @Override
    String child() {
        return "9990001480";
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("chronology", properties);
    }
}
