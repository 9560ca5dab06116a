package org.safeguarding.backbone.referrals;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on the production store: the views rebuilt beside the live ones and switched in, on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresViewRebuildTest extends ViewRebuildTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
    }
}
