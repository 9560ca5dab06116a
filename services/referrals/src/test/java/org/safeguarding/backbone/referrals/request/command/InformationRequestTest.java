package org.safeguarding.backbone.referrals.request.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.AnswerRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.DeclineRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.RequestInformation;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestAnswered;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequested;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.SharingDeclined;

/** R1 and R2: a request says why and what the concern is; it is answered with a share or declined with reasons. */
class InformationRequestTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate BY = LocalDate.parse("2026-11-27");
    private static final InformationRequested REQUESTED = new InformationRequested("r-1", "9990000018", "school-a",
            "A. Teacher (synthetic)", "gp-a", "To understand the child's recent weight loss",
            "The child says they are often not given meals", BY, AT);

    private AggregateTestFixture<InformationRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationRequest.class);
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
    }

    @Test
    void aRequestThatSaysWhyAndWhatTheConcernIsIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A. Teacher (synthetic)", "gp-a",
                        "To understand the child's recent weight loss", "The child says they are often not given meals",
                        BY, AT))
                .expectEvents(REQUESTED);
    }

    @Test
    void aRequestWithoutWhyOrConcernIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A", "gp-a", " ", "concern", BY, AT))
                .expectException(Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A", "gp-a", "why", null, BY, AT))
                .expectException(Invalid.class).expectNoEvents();
    }

    @Test
    void theHolderDeclinesWithReasons_whoDecidedIsOnTheRecord() {
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", "No records of concern held", AT))
                .expectEvents(new SharingDeclined("r-1", "9990000018", "gp-a", "school-a", "Dr Example (synthetic)",
                        "No records of concern held", AT, List.of()));
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", " ", AT))
                .expectException(Invalid.class);
    }

    @Test
    void reasonsInShorthandAreRecordedAsWritten_withAWarningForEachTerm() {
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", "NFA after the s47", AT))
                .expectEvents(new SharingDeclined("r-1", "9990000018", "gp-a", "school-a", "Dr Example (synthetic)",
                        "NFA after the s47", AT, List.of(
                        new PlainLanguageWarning("reasons", "NFA", "no further action"),
                        new PlainLanguageWarning("reasons", "s47", "section 47 enquiry (a child protection "
                                + "investigation)"))));
    }

    @Test
    void onlyTheHolderAnswersOrDeclines_once() {
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "school-a", "A", "reasons", AT))
                .expectException(InformationRequest.NotTheHolder.class);
        fixture.given(REQUESTED, new InformationRequestAnswered("r-1", "9990000018", "gp-a", "school-a", "s-1", AT))
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", "changed my mind", AT))
                .expectException(InformationRequest.AlreadyDecided.class);
        fixture.given(REQUESTED)
                .when(new AnswerRequest("r-1", "gp-a", "s-1", AT))
                .expectEvents(new InformationRequestAnswered("r-1", "9990000018", "gp-a", "school-a", "s-1", AT));
    }
}
