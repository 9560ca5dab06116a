package org.safeguarding.backbone.chronology.webhook;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on the production store: the queue, its order per child and the delivery log on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresWebhookDeliveryTest extends WebhookDeliveryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("chronology", properties);
    }
}
