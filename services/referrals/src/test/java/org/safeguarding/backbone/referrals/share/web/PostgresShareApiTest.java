package org.safeguarding.backbone.referrals.share.web;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on the production store: shares are visible, acknowledged, published and validated on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresShareApiTest extends ShareApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
    }
}
