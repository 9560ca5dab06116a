package org.safeguarding.backbone.referrals;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on the production store: the chain, its check and its checkpoints on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresEventChainTest extends EventChainTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
    }
}
