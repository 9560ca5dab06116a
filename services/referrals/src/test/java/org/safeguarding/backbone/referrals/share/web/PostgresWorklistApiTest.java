package org.safeguarding.backbone.referrals.share.web;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The worklists' filters and ordering on PostgreSQL (nulls ordered last, optional filters typed strictly). */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresWorklistApiTest extends WorklistApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
    }
}
