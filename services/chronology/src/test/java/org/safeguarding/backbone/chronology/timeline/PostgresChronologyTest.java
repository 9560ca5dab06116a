package org.safeguarding.backbone.chronology.timeline;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on the production store: the chronology is built, deduplicated and guarded on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresChronologyTest extends ChronologyTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("chronology", properties);
    }
}
