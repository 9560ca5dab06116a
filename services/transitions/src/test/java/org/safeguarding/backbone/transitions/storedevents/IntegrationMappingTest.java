package org.safeguarding.backbone.transitions.storedevents;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.StoredEventChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every event this service stores is either published (one of its integration mappers turns it into an Avro
 * integration event) or deliberately kept inside the service (a mapper lists it as internal). A new event that
 * nobody maps fails here, before it silently never reaches another service.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
class IntegrationMappingTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired List<IntegrationEventMapper> mappers;

    static List<Object> samples() {
        return Stream.of(StoredEventSamples.transfer(), StoredEventSamples.proposedTransfer(),
                StoredEventSamples.consultation(), StoredEventSamples.transferPackage()).flatMap(List::stream).toList();
    }

    @Test
    void everyEventIsPublished_orMarkedInternal() {
        StoredEventChecks.everyEventIsPublishedOrInternal(mappers, samples(), "org.safeguarding.backbone.transitions");
    }
}
