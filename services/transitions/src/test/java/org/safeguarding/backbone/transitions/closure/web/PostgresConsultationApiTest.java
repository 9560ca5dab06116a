package org.safeguarding.backbone.transitions.closure.web;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on the production store. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresConsultationApiTest extends ConsultationApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("transitions", properties);
    }
}
