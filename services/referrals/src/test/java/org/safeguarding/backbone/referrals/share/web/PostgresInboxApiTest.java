package org.safeguarding.backbone.referrals.share.web;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inbox's optional filters on PostgreSQL, which types a null parameter more strictly than H2. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresInboxApiTest extends InboxApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
    }
}
