package org.safeguarding.backbone.referrals.storedevents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.api.ShareEvents;
import java.util.Map;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents.DecidedNotToShare;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestAnswered;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestEscalated;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestOverdue;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequested;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.SharingDeclined;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationAnswered;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationRequested;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationUseRecorded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.UnderstandingConfirmed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpRecorded;

/**
 * One stored event of every kind the referrals service records, with fixed values (synthetic), as the aggregates'
 * histories they belong to. {@code src/test/resources/stored-events/referrals-0.1.json} holds these events as the
 * event store of version 0.1 wrote them; {@code StoredEventNamesTest} checks they still load as these values.
 */
public final class StoredEventSamples {

    public static final String SHARE = "0b7c6d1e-5f1a-4c53-9a27-000000000001";
    public static final String ANSWERED_REQUEST = "0b7c6d1e-5f1a-4c53-9a27-000000000002";
    public static final String DECLINED_REQUEST = "0b7c6d1e-5f1a-4c53-9a27-000000000003";
    public static final String DECISION = "0b7c6d1e-5f1a-4c53-9a27-000000000004";
    static final String CHILD = ShareFixtures.CHILD;
    static final Instant AT = ShareFixtures.FRIDAY;

    private StoredEventSamples() {
    }

    /** A verbal share, and everything its recipients and the backbone did with it. */
    public static List<Object> share() {
        Instant due = AT.plusSeconds(3 * 24 * 3600);
        return List.of(
                new InformationShared(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"),
                        "Concern about repeated unexplained absences",
                        List.of(ShareFixtures.fact("Absent 6 of the last 10 school days")),
                        ShareFixtures.details(ShareFixtures.consentGiven(), ShareFixtures.allPrinciplesAttested(),
                                ShareFixtures.childVoice(), Urgency.URGENT, Channel.PHONE),
                        AT, due, due, List.of(new PlainLanguageWarning("purpose", "LADO", "the council's officer")),
                        // version 0.1 stored no per-recipient deadlines: every recipient was due at acknowledgeBy
                        Map.of()),
                new ShareAcknowledged(SHARE, CHILD, "csc-a", AT.plusSeconds(60)),
                new ShareRead(SHARE, CHILD, "csc-a", "school-a", AT.plusSeconds(120)),
                new ClarificationRequested(SHARE, CHILD, "csc-a", "school-a", "q-1", "Who collects the child?",
                        AT.plusSeconds(180), List.of()),
                new ClarificationAnswered(SHARE, CHILD, "school-a", "csc-a", "q-1", "An older sibling",
                        AT.plusSeconds(240), List.of()),
                new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a", "Strategy discussion today",
                        AT.plusSeconds(300), List.of()),
                new InformationUseRecorded(SHARE, CHILD, "csc-a", "school-a", "Informed the assessment plan",
                        AT.plusSeconds(360), List.of()),
                new WrittenFollowUpRecorded(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"),
                        "Written record of the call", AT.plusSeconds(420), List.of()),
                new AcknowledgementOverdue(SHARE, CHILD, "school-a", List.of("gp-a"), due, due),
                new WrittenFollowUpOverdue(SHARE, CHILD, "school-a", due, due));
    }

    public static List<Object> answeredRequest() {
        return List.of(
                new InformationRequested(ANSWERED_REQUEST, CHILD, "csc-a", "Social worker (synthetic)", "school-a",
                        "Assessment under way", "Unexplained absences", LocalDate.of(2026, 11, 27), AT, List.of()),
                new InformationRequestAnswered(ANSWERED_REQUEST, CHILD, "school-a", "csc-a", SHARE,
                        AT.plusSeconds(600)));
    }

    public static List<Object> declinedRequest() {
        return List.of(
                new InformationRequested(DECLINED_REQUEST, CHILD, "police-a", "Officer (synthetic)", "gp-a",
                        "Enquiry after an incident", "Child present at an incident", LocalDate.of(2026, 11, 30), AT,
                        List.of()),
                new SharingDeclined(DECLINED_REQUEST, CHILD, "gp-a", "police-a", "Practice lead (synthetic)",
                        "Not necessary for the enquiry as described", AT.plusSeconds(900), List.of()));
    }

    /** The events added since 0.1: not in its fixture. */
    public static List<Object> since0_1() {
        return List.of(
                new InformationRequestOverdue(DECLINED_REQUEST, CHILD, "gp-a", "police-a", LocalDate.of(2026, 11, 30),
                        Instant.parse("2026-12-01T00:00:00Z")),
                new InformationRequestEscalated(DECLINED_REQUEST, CHILD, "gp-a", "police-a", 2,
                        "SAFEGUARDING_PARTNERSHIP", "partnership-a", Instant.parse("2026-12-08T00:00:00Z")),
                new ShareForwarded(SHARE, CHILD, "school-a", "school-a", "school-b",
                        "7a6b5c4d-3e2f-4a1b-9c8d-000000000001", Instant.parse("2026-12-01T10:00:00Z")),
                new ShareEvents.ShareCorrected(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), 1, 0,
                        new ShareContent.Statement("Absent 5 of the last 10 school days", ShareContent.StatementKind.FACT,
                                ShareContent.StatementCurrency.CURRENT, null, "School attendance register",
                                ShareContent.Verification.VERIFIED, "Attendance officer"),
                        "One absence was an authorised medical appointment", Instant.parse("2026-12-02T10:00:00Z"),
                        Map.of(), List.of(), Instant.parse("2026-12-01T10:00:00Z")),
                new ShareEvents.CorrectionAcknowledged(SHARE, CHILD, "csc-a", "school-a", 1,
                        Instant.parse("2026-12-01T11:00:00Z")),
                new ShareEvents.CorrectionAcknowledgementOverdue(SHARE, CHILD, "school-a", 1, List.of("gp-a"),
                        Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z")),
                new ShareEvents.StatementVerified(SHARE, CHILD, "csc-a", "school-a", 0,
                        ShareContent.Verification.CORROBORATED, "Social worker, home visit (synthetic)",
                        Instant.parse("2026-12-03T10:00:00Z")),
                new ShareEvents.FamilyInformed(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"),
                        Instant.parse("2026-12-02T16:00:00Z"), "Told the mother in person at the school gate",
                        Instant.parse("2026-12-02T17:00:00Z"), List.of()),
                new ShareEvents.FamilyInformedReviewDue(SHARE, CHILD, "school-a", LocalDate.of(2026, 12, 4),
                        Instant.parse("2026-12-05T00:00:00Z")),
                new ShareEvents.ConsentWithdrawn(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"),
                        Instant.parse("2026-12-03T09:00:00Z"), "The mother withdrew consent by phone", null,
                        Instant.parse("2026-12-03T09:30:00Z"), List.of()),
                new ShareEvents.ShareWithdrawn(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), 2,
                        "Shared with the wrong family's details", Instant.parse("2026-12-05T10:00:00Z"), Map.of(),
                        Instant.parse("2026-12-04T10:00:00Z"), List.of()));
    }

    public static List<Object> decision() {
        return List.of(new DecidedNotToShare(DECISION, CHILD, "gp-a", "Practice lead (synthetic)",
                List.of("school-a"), "Not relevant to the school's work with the child", AT, List.of()));
    }
}
