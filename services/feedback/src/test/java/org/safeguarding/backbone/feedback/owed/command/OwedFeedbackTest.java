package org.safeguarding.backbone.feedback.owed.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;

class OwedFeedbackTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-11-30");
    private static final FeedbackRequested REQUESTED = new FeedbackRequested("fb-1", "share-1", "9990000018",
            "csc-a", "school-a", DUE, AT);

    private AggregateTestFixture<OwedFeedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OwedFeedback.class);
        fixture.registerInjectableResource(PlainLanguageChecker.fromGlossary(
                getClass().getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary", Set.of()));
    }

    @Test
    void aShareOpensFeedbackOwedByTheRecipientToTheReferrer() {
        fixture.givenNoPriorActivity()
                .when(new RequestFeedback("fb-1", "share-1", "9990000018", "csc-a", "school-a", DUE, AT))
                .expectEvents(REQUESTED);
    }

    @Test
    void requestingTheSameFeedbackAgainRecordsNothingNew() {
        fixture.given(REQUESTED)
                .when(new RequestFeedback("fb-1", "share-1", "9990000018", "csc-a", "school-a", DUE, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRecipientGivesFeedback_andMayGiveMoreAsTheDialogueGoesOn() {
        fixture.given(REQUESTED, new FeedbackGiven("fb-1", "share-1", "9990000018", "csc-a", "school-a",
                        "Strategy discussion held", "Section 47 enquiry opened", AT.plusSeconds(3600), List.of()))
                .when(new GiveFeedback("fb-1", "csc-a", "Home visit completed", "Child seen alone", AT.plusSeconds(7200)))
                .expectEvents(new FeedbackGiven("fb-1", "share-1", "9990000018", "csc-a", "school-a",
                        "Home visit completed", "Child seen alone", AT.plusSeconds(7200), List.of()));
    }

    @Test
    void feedbackWrittenInShorthand_isGivenWithAWarningForEachTerm_theTextAsWritten() {
        fixture.given(REQUESTED)
                .when(new GiveFeedback("fb-1", "csc-a", "s47 enquiry started, CP-IS flag set", "ICPC booked", AT))
                .expectEvents(new FeedbackGiven("fb-1", "share-1", "9990000018", "csc-a", "school-a",
                        "s47 enquiry started, CP-IS flag set", "ICPC booked", AT, List.of(
                        new PlainLanguageWarning("actionTaken", "s47",
                                "section 47 enquiry (a child protection investigation)"),
                        new PlainLanguageWarning("actionTaken", "CP-IS", "child protection information sharing "
                                + "(the NHS flag that a child has a child protection plan or is looked after)"),
                        new PlainLanguageWarning("outcome", "ICPC", "initial child protection conference"))));
    }

    @Test
    void onlyTheRecipientThatOwesFeedbackCanGiveIt() {
        fixture.given(REQUESTED)
                .when(new GiveFeedback("fb-1", "school-a", "action", "outcome", AT))
                .expectException(OwedFeedback.NotOwedBy.class)
                .expectNoEvents();
    }
}
