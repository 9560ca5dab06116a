package org.safeguarding.backbone.feedback.owed.integration;

import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on the production store: a share arriving on Kafka opens feedback on PostgreSQL. */
@ActiveProfiles({"local", "test", "postgres"})
class PostgresFeedbackFlowTest extends FeedbackFlowTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("feedback", properties);
    }
}
