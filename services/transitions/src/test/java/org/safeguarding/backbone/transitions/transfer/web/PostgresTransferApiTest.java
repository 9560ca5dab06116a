package org.safeguarding.backbone.transitions.transfer.web;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on the production store: transfers are recorded and refused on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresTransferApiTest extends TransferApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("transitions", properties);
    }
}
