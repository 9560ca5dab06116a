package org.safeguarding.backbone.chronology.timeline.query;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * Every kind of act the chronology records (an entry's {@code eventType}), so that a reader filtering by kind can be
 * told when a name is not one: a slip (a kind misspelt) would otherwise read as "no such act happened". The list
 * follows what the chronology makes of each record (ActKindsTest holds the two together).
 */
public final class ActKinds {

    public static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            "InformationShared", "ShareAcknowledged", "ShareForwarded", "ShareRead", "UnderstandingConfirmed",
            "ClarificationRequested", "ClarificationAnswered", "InformationUseRecorded", "DecidedNotToShare",
            "InformationRequested", "SharingDeclined", "InformationRequestAnswered", "ShareRejected", "ShareCorrected",
            "ShareWithdrawn", "CorrectionAcknowledged", "CorrectionAcknowledgementOverdue", "StatementVerified",
            "FamilyInformed", "FamilyInformedReviewDue", "ConsentWithdrawn", "AcknowledgementOverdue",
            "WrittenFollowUpRecorded", "WrittenFollowUpOverdue", "InformationRequestOverdue",
            "InformationRequestEscalated", "FeedbackRequested", "FeedbackGiven", "FeedbackOverdue",
            "FeedbackEscalated", "FeedbackChallenged", "FeedbackChallengeAnswered", "FeedbackChallengeOverdue",
            "FeedbackChallengeEscalated", "FeedbackChallengeResolved", "ClosureConsultationOpened",
            "ClosureConsultationAnswered", "ClosureConsultationNoReply", "ClosureConcernAnswered",
            "ClosureConcernOverridden", "CaseClosed", "TransferPackageSent", "TransferPackageAcknowledged",
            "TransferPackageOverdue", "ChildTransferred", "TransferProposed", "PatternDetected", "ReviewOpened",
            "ReviewClosed")));

    private ActKinds() {
    }

    /** Refuses the first of {@code kinds}, named in the request at {@code field}, that is not a kind of act. */
    public static void require(String field, Collection<String> kinds) {
        for (String kind : kinds) {
            if (!ALL.contains(kind)) {
                throw new UnknownKind(field, kind);
            }
        }
    }

    public static final class UnknownKind extends RuleViolation {
        UnknownKind(String field, String kind) {
            super(Kind.INVALID, "unknown-kind-of-act", "'" + kind + "' is not a kind of act the chronology records "
                    + "(the kinds are the event types in docs/events.md, e.g. InformationShared).", field);
        }
    }
}
