package org.safeguarding.backbone.referrals.storedevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.AxonTimeLimits;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.DeclineRequest;
import org.safeguarding.backbone.referrals.request.command.InformationRequest;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordInformationUse;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.StoredEventChecks;
import org.safeguarding.backbone.testsupport.StoredEventFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stored events outlive the code that wrote them. Every event this service stores has a pinned name; the names are
 * the ones listed here, which include every name version 0.1 stored; and the events 0.1 stored still load, as the
 * same values, into aggregates that go on working. Its own event store: the fixture needs an empty one.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:referrals-stored-events-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoredEventNamesTest {

    private static final String FIXTURE_0_1 = "/stored-events/referrals-0.1.json";

    /** Every name this service has ever stored an event under. A name is never removed from this list. */
    private static final List<String> PINNED = List.of(
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$InformationShared",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$ShareAcknowledged",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$ShareRead",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$UnderstandingConfirmed",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$ClarificationRequested",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$ClarificationAnswered",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$InformationUseRecorded",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$AcknowledgementOverdue",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$WrittenFollowUpRecorded",
            "org.safeguarding.backbone.referrals.share.api.ShareEvents$WrittenFollowUpOverdue",
            "org.safeguarding.backbone.referrals.request.api.RequestEvents$InformationRequested",
            "org.safeguarding.backbone.referrals.request.api.RequestEvents$SharingDeclined",
            "org.safeguarding.backbone.referrals.request.api.RequestEvents$InformationRequestAnswered",
            "org.safeguarding.backbone.referrals.decision.api.DecisionEvents$DecidedNotToShare",
            "referrals.InformationRequestOverdue",
            "referrals.ShareForwarded",
            "referrals.InformationRequestEscalated",
            "referrals.ShareCorrected",
            "referrals.ShareWithdrawn",
            "referrals.CorrectionAcknowledged",
            "referrals.CorrectionAcknowledgementOverdue",
            "referrals.StatementVerified",
            "referrals.FamilyInformed",
            "referrals.FamilyInformedReviewDue",
            "referrals.ConsentWithdrawn");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired StoredEventNames names;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("eventSerializer") Serializer serializer;
    @Autowired EventStore events;
    @Autowired CommandGateway commands;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyEventTheServiceStoresHasAPinnedName() {
        StoredEventChecks.everyEventHasAPinnedName(names, "org.safeguarding.backbone.referrals");
    }

    @Test
    void theNamesArePinned_andIncludeEveryNameStoredBefore() {
        StoredEventChecks.namesArePinned(names, serializer, PINNED, FIXTURE_0_1);
    }

    @Test
    void eventsStoredByVersion0_1LoadAsTheSameValues_andTheirAggregatesGoOn() {
        StoredEventFixture.insert(jdbc, StoredEventFixture.read(FIXTURE_0_1));

        Map<String, List<Object>> histories = Map.of(
                StoredEventSamples.SHARE, StoredEventSamples.share(),
                StoredEventSamples.ANSWERED_REQUEST, StoredEventSamples.answeredRequest(),
                StoredEventSamples.DECLINED_REQUEST, StoredEventSamples.declinedRequest(),
                StoredEventSamples.DECISION, StoredEventSamples.decision());
        histories.forEach((aggregate, history) -> assertThat(payloads(aggregate)).as(aggregate)
                .containsExactlyElementsOf(history));

        // the share is rebuilt from its 0.1 history, and takes a new act
        CorrelatedCommands.sendAndWait(commands, new RecordInformationUse(StoredEventSamples.SHARE, "csc-a",
                "Shared with the strategy discussion", Instant.now()), Map.of("correlationId", "stored-0.1-test"));
        assertThat(payloads(StoredEventSamples.SHARE)).hasSize(StoredEventSamples.share().size() + 1);
        // the answered request knows, from its 0.1 history, that it was answered
        assertThatThrownBy(() -> CorrelatedCommands.sendAndWait(commands, new DeclineRequest(
                StoredEventSamples.ANSWERED_REQUEST, "school-a", "Head (synthetic)", "Changed our mind",
                Instant.now()), Map.of("correlationId", "stored-0.1-test")))
                .isInstanceOf(InformationRequest.AlreadyDecided.class);
    }

    private List<Object> payloads(String aggregate) {
        return StoredEventChecks.payloads(events, aggregate);
    }

    /** Issue 11: a time limit on each unit of work, none again on each handler within it (application.yml). */
    @Test
    void eachUnitOfWorkIsLimitedInTime_andTheHandlersWithinItAreNotLimitedAgain() {
        AxonTimeLimits.assertLimitedPerUnitOfWorkOnly(context);
    }
}
