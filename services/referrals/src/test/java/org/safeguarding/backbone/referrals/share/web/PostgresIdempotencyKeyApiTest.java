package org.safeguarding.backbone.referrals.share.web;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Idempotency keys on PostgreSQL: a key taken is a unique violation there too, and times keep to the microsecond. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresIdempotencyKeyApiTest extends IdempotencyKeyApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
    }
}
