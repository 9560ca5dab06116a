package org.safeguarding.backbone.chronology.timeline.integration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeAnswered;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeOverdue;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeResolved;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallenged;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackOverdue;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.patterns.v1.PatternDetected;
import org.safeguarding.backbone.contracts.referrals.v1.AcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.Channel;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus;
import org.safeguarding.backbone.contracts.referrals.v1.InformationUseRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformed;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformedReviewDue;
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.ShareCorrected;
import org.safeguarding.backbone.contracts.referrals.v1.ShareForwarded;
import org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.StatementVerified;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRejected;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.contracts.referrals.v1.DecidedNotToShare;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestEscalated;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.SharingDeclined;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.reviews.v1.ReviewClosed;
import org.safeguarding.backbone.contracts.reviews.v1.ReviewOpened;
import org.safeguarding.backbone.contracts.transitions.v1.CaseClosed;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConcernAnswered;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConcernOverridden;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationAnswered;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationNoReply;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationOpened;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageAcknowledged;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageOverdue;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageSent;
import org.safeguarding.backbone.contracts.transitions.v1.TransferProposed;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;

/**
 * What the chronology takes from an integration event: its envelope, a one-line summary a reviewer can read, the
 * record the act concerns ({@code subject}: {@code share:<id>}, {@code request:<id>}, ...) and the agencies the
 * record names as party to the act. The listener widens the parties to every party of the subject (an
 * acknowledgement names only its recipient, but is an act on a share its sender and other recipients are party
 * to). The anti-corruption layer on the way in.
 *
 * <p>A summary is whole: the free text it quotes is bounded by the contracts' own limits, and a list (agencies,
 * problems) longer than {@value #LISTED} says how many more it holds, so a summary stays well within
 * {@code ChronologyEntry.MAX_SUMMARY} and nothing is cut without saying so.
 */
record ChronologyEvent(Envelope envelope, String type, String summary, String subject, Set<String> parties) {

    /** How many items of a list a summary names before it counts the rest. */
    static final int LISTED = 20;

    /**
     * An act the chronology could not store as it is (a value longer than its column) is refused here, as a record
     * that can never be processed, rather than failing at the database and being tried again for ever.
     */
    ChronologyEvent {
        fits("envelope.childId", envelope.getChildId(), 20);
        fits("envelope.eventId", envelope.getEventId(), 100);
        fits("envelope.correlationId", envelope.getCorrelationId(), 100);
        fits("envelope.actingAgency", envelope.getActingAgency(), 100);
        fits("subject", subject, 200);
        for (String party : parties) {
            fits("a party", party, 100);
        }
    }

    private static void fits(String field, String value, int length) {
        if (value != null && value.length() > length) {
            throw new UnprocessableRecord("The chronology cannot file this act: " + field + " is "
                    + value.length() + " characters long, more than the " + length + " it holds.");
        }
    }

    static ChronologyEvent of(SpecificRecord record) {
        if (record instanceof InformationShared e) {
            return new ChronologyEvent(e.getEnvelope(), "InformationShared",
                    e.getSenderAgency() + " shared information with " + listed(e.getRecipientAgencies())
                            + how(e) + ". Purpose: " + e.getPurpose() + consent(e),
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getRecipientAgencies()));
        }
        if (record instanceof ShareAcknowledged e) {
            return new ChronologyEvent(e.getEnvelope(), "ShareAcknowledged",
                    e.getRecipientAgency() + " acknowledged receiving share " + shortId(e.getShareId()) + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency()));
        }
        if (record instanceof ShareForwarded e) {
            return new ChronologyEvent(e.getEnvelope(), "ShareForwarded",
                    e.getForwardedBy() + " passed share " + shortId(e.getShareId()) + " (made by "
                            + e.getSenderAgency() + ") to " + e.getForwardedTo() + " with the child's transfer.",
                    "share:" + e.getShareId(),
                    agencies(e.getForwardedBy(), e.getForwardedTo()));
        }
        if (record instanceof ShareRead e) {
            return new ChronologyEvent(e.getEnvelope(), "ShareRead",
                    e.getRecipientAgency() + " read share " + shortId(e.getShareId()) + " from " + e.getSenderAgency() + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency(), e.getSenderAgency()));
        }
        if (record instanceof UnderstandingConfirmed e) {
            return new ChronologyEvent(e.getEnvelope(), "UnderstandingConfirmed",
                    e.getRecipientAgency() + " confirmed it understood share " + shortId(e.getShareId()) + " from "
                            + e.getSenderAgency() + (e.getNote() == null ? "." : ": " + e.getNote()),
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency(), e.getSenderAgency()));
        }
        if (record instanceof ClarificationRequested e) {
            return new ChronologyEvent(e.getEnvelope(), "ClarificationRequested",
                    e.getRecipientAgency() + " asked " + e.getSenderAgency() + " about share " + shortId(e.getShareId())
                            + ": " + e.getQuestion(),
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency(), e.getSenderAgency()));
        }
        if (record instanceof ClarificationAnswered e) {
            return new ChronologyEvent(e.getEnvelope(), "ClarificationAnswered",
                    e.getSenderAgency() + " answered " + e.getRecipientAgency() + " about share "
                            + shortId(e.getShareId()) + ": " + e.getAnswer(),
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency(), e.getSenderAgency()));
        }
        if (record instanceof InformationUseRecorded e) {
            return new ChronologyEvent(e.getEnvelope(), "InformationUseRecorded",
                    e.getRecipientAgency() + " recorded how share " + shortId(e.getShareId()) + " from "
                            + e.getSenderAgency() + " informed its work: " + e.getHowUsed(),
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency(), e.getSenderAgency()));
        }
        if (record instanceof DecidedNotToShare e) {
            return new ChronologyEvent(e.getEnvelope(), "DecidedNotToShare",
                    e.getDecidingAgency() + " decided not to share"
                            + (e.getConsideredAgencies().isEmpty() ? "" : " with " + listed(e.getConsideredAgencies()))
                            + " (decided by " + e.getDecidedBy() + "). Reasons: " + e.getReasons(),
                    "decision:" + e.getDecisionId(),
                    agencies(e.getDecidingAgency()));
        }
        if (record instanceof InformationRequested e) {
            return new ChronologyEvent(e.getEnvelope(), "InformationRequested",
                    e.getRequestingAgency() + " asked " + e.getHolderAgency() + " for information by " + e.getRespondBy()
                            + ". Why: " + e.getWhyNeeded() + ". Concern: " + e.getConcern(),
                    "request:" + e.getRequestId(),
                    agencies(e.getRequestingAgency(), e.getHolderAgency()));
        }
        if (record instanceof SharingDeclined e) {
            return new ChronologyEvent(e.getEnvelope(), "SharingDeclined",
                    e.getHolderAgency() + " decided not to share with " + e.getRequestingAgency() + " (decided by "
                            + e.getDecidedBy() + "). Reasons: " + e.getReasons(),
                    "request:" + e.getRequestId(),
                    agencies(e.getRequestingAgency(), e.getHolderAgency()));
        }
        if (record instanceof InformationRequestAnswered e) {
            return new ChronologyEvent(e.getEnvelope(), "InformationRequestAnswered",
                    e.getHolderAgency() + " answered " + e.getRequestingAgency() + "'s request with share "
                            + shortId(e.getShareId()) + ".",
                    "request:" + e.getRequestId(),
                    agencies(e.getRequestingAgency(), e.getHolderAgency()));
        }
        if (record instanceof ShareRejected e) {
            return new ChronologyEvent(e.getEnvelope(), "ShareRejected",
                    e.getSendingAgency() + " sent a share that the backbone refused: " + listed(e.getProblems().stream()
                            .map(p -> (p.getField() == null ? "" : p.getField() + ": ") + p.getMessage()).toList(),
                            "; "),
                    "rejection:" + e.getSendingAgency() + "/" + e.getRequestId(),
                    agencies(e.getSendingAgency()));
        }
        if (record instanceof ShareCorrected e) {
            return new ChronologyEvent(e.getEnvelope(), "ShareCorrected",
                    e.getSenderAgency() + " corrected statement " + (e.getStatementIndex() + 1) + " of share "
                            + shortId(e.getShareId()) + " to read: " + e.getCorrected().getText() + " Reason: "
                            + e.getReason() + " (correction " + e.getCorrection() + ", to be acknowledged by "
                            + listed(e.getRecipientAgencies()) + ").",
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getRecipientAgencies()));
        }
        if (record instanceof ShareWithdrawn e) {
            return new ChronologyEvent(e.getEnvelope(), "ShareWithdrawn",
                    e.getSenderAgency() + " withdrew share " + shortId(e.getShareId()) + ". Reason: " + e.getReason()
                            + " (to be acknowledged by " + listed(e.getRecipientAgencies()) + ").",
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getRecipientAgencies()));
        }
        if (record instanceof CorrectionAcknowledged e) {
            return new ChronologyEvent(e.getEnvelope(), "CorrectionAcknowledged",
                    e.getRecipientAgency() + " acknowledged correction " + e.getCorrection() + " of share "
                            + shortId(e.getShareId()) + " from " + e.getSenderAgency() + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getRecipientAgency(), e.getSenderAgency()));
        }
        if (record instanceof CorrectionAcknowledgementOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "CorrectionAcknowledgementOverdue",
                    "Correction " + e.getCorrection() + " of share " + shortId(e.getShareId()) + " from "
                            + e.getSenderAgency() + " not acknowledged by its deadline (" + e.getDueAt() + ") by "
                            + listed(e.getOverdueAgencies()) + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getOverdueAgencies()));
        }
        if (record instanceof StatementVerified e) {
            return new ChronologyEvent(e.getEnvelope(), "StatementVerified",
                    e.getEnvelope().getActingAgency() + " recorded statement " + (e.getStatementIndex() + 1)
                            + " of share " + shortId(e.getShareId()) + " as "
                            + e.getVerification().name().toLowerCase() + " by " + e.getVerifiedBy() + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getEnvelope().getActingAgency(), e.getSenderAgency()));
        }
        if (record instanceof FamilyInformed e) {
            return new ChronologyEvent(e.getEnvelope(), "FamilyInformed",
                    e.getSenderAgency() + " told the child's family about share " + shortId(e.getShareId()) + " at "
                            + e.getInformedAt() + ": " + e.getHow(),
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getRecipientAgencies()));
        }
        if (record instanceof FamilyInformedReviewDue e) {
            return new ChronologyEvent(e.getEnvelope(), "FamilyInformedReviewDue",
                    "Review due: " + e.getSenderAgency() + " set " + e.getReviewBy() + " to review telling the "
                            + "family about share " + shortId(e.getShareId()) + ", and the family has not been told.",
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency()));
        }
        if (record instanceof ConsentWithdrawn e) {
            return new ChronologyEvent(e.getEnvelope(), "ConsentWithdrawn",
                    "Consent to share " + shortId(e.getShareId()) + " from " + e.getSenderAgency()
                            + " was withdrawn at " + e.getWithdrawnAt() + ": " + e.getReason()
                            + (e.getSafeguardingJustification() == null
                                    ? " Sharing under it has stopped."
                                    : " Sharing goes on without consent: " + e.getSafeguardingJustification()),
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getRecipientAgencies()));
        }
        if (record instanceof AcknowledgementOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "AcknowledgementOverdue",
                    "Not acknowledged by its deadline (" + e.getDueAt() + "): share " + shortId(e.getShareId())
                            + " from " + e.getSenderAgency() + " to " + listed(e.getOverdueAgencies()) + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency(), e.getOverdueAgencies()));
        }
        if (record instanceof WrittenFollowUpRecorded e) {
            return new ChronologyEvent(e.getEnvelope(), "WrittenFollowUpRecorded",
                    e.getEnvelope().getActingAgency() + " followed up share " + shortId(e.getShareId())
                            + " in writing.",
                    "share:" + e.getShareId(),
                    agencies(e.getEnvelope().getActingAgency(), e.getRecipientAgencies()));
        }
        if (record instanceof WrittenFollowUpOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "WrittenFollowUpOverdue",
                    e.getSenderAgency() + " shared information verbally (share " + shortId(e.getShareId())
                            + ") and had not followed it up in writing by " + e.getDueAt() + ".",
                    "share:" + e.getShareId(),
                    agencies(e.getSenderAgency()));
        }
        if (record instanceof InformationRequestOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "InformationRequestOverdue",
                    e.getHolderAgency() + " has not answered " + e.getRequestingAgency() + "'s request for information "
                            + shortId(e.getRequestId()) + ", due by " + e.getRespondBy() + ".",
                    "request:" + e.getRequestId(),
                    agencies(e.getHolderAgency(), e.getRequestingAgency()));
        }
        if (record instanceof InformationRequestEscalated e) {
            return new ChronologyEvent(e.getEnvelope(), "InformationRequestEscalated",
                    e.getRequestingAgency() + "'s request for information " + shortId(e.getRequestId())
                            + " to " + e.getHolderAgency() + " is still not answered: escalated (step " + e.getLevel()
                            + ") to " + addressee(e.getTo(), e.getEscalatedTo()) + ".",
                    "request:" + e.getRequestId(),
                    agencies(e.getHolderAgency(), e.getRequestingAgency(), e.getEscalatedTo()));
        }
        if (record instanceof FeedbackRequested e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackRequested",
                    e.getOwedBy() + " owes " + e.getOwedTo() + " feedback on share " + shortId(e.getShareId())
                            + " by " + e.getDueBy() + ".",
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getOwedBy(), e.getOwedTo()));
        }
        if (record instanceof FeedbackGiven e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackGiven",
                    e.getGivenBy() + " gave " + e.getGivenTo() + " feedback. Action taken: " + e.getActionTaken()
                            + ". Outcome: " + e.getOutcome(),
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getGivenBy(), e.getGivenTo()));
        }
        if (record instanceof FeedbackOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackOverdue",
                    e.getOwedBy() + " has not given " + e.getOwedTo() + " feedback on share " + shortId(e.getShareId())
                            + ", due by " + e.getDueBy() + ".",
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getOwedBy(), e.getOwedTo()));
        }
        if (record instanceof FeedbackEscalated e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackEscalated",
                    "Feedback " + e.getOwedBy() + " owes " + e.getOwedTo() + " on share " + shortId(e.getShareId())
                            + " is still not given: escalated (step " + e.getLevel() + ") to "
                            + addressee(e.getTo(), e.getEscalatedTo()) + ".",
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getOwedBy(), e.getOwedTo(), e.getEscalatedTo()));
        }
        if (record instanceof FeedbackChallenged e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackChallenged",
                    e.getChallengedBy() + " challenged the feedback " + e.getChallengedTo() + " gave on share "
                            + shortId(e.getShareId()) + " (challenge " + e.getChallenge() + ", level 1, to "
                            + addressee(e.getTo(), e.getAddressedTo()) + ", answer due by " + e.getAnswerDueBy()
                            + "). Reasons: " + e.getReasons(),
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getChallengedBy(), e.getChallengedTo(), e.getAddressedTo()));
        }
        if (record instanceof FeedbackChallengeAnswered e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackChallengeAnswered",
                    e.getAnsweredBy() + " answered " + e.getAnsweredTo() + "'s challenge " + e.getChallenge()
                            + " at level " + e.getLevel() + ": " + e.getAnswer(),
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getAnsweredBy(), e.getAnsweredTo()));
        }
        if (record instanceof FeedbackChallengeOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackChallengeOverdue",
                    e.getAddressedTo() + " did not answer challenge " + e.getChallenge() + " at level "
                            + e.getLevel() + ", due by " + e.getAnswerDueBy() + ".",
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getAddressedTo()));
        }
        if (record instanceof FeedbackChallengeEscalated e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackChallengeEscalated",
                    "Challenge " + e.getChallenge() + " to feedback on share " + shortId(e.getShareId())
                            + (e.getReason().equals("NOT_ANSWERED_IN_TIME") ? " was not answered in time"
                            : " was not resolved by the answer") + ": taken to level " + e.getLevel() + ", "
                            + addressee(e.getTo(), e.getAddressedTo()) + ", answer due by " + e.getAnswerDueBy()
                            + (e.getReasons() == null ? "." : ". Reasons: " + e.getReasons()),
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getAddressedTo()));
        }
        if (record instanceof FeedbackChallengeResolved e) {
            return new ChronologyEvent(e.getEnvelope(), "FeedbackChallengeResolved",
                    e.getResolvedBy() + " resolved challenge " + e.getChallenge() + " to feedback on share "
                            + shortId(e.getShareId()) + " at level " + e.getLevel() + ": " + e.getResolution(),
                    "feedback:" + e.getFeedbackId(),
                    agencies(e.getResolvedBy()));
        }
        if (record instanceof ClosureConsultationOpened e) {
            return new ChronologyEvent(e.getEnvelope(), "ClosureConsultationOpened",
                    e.getClosingAgency() + " proposes to close its work with the child and consulted "
                            + (e.getConsultees().isEmpty() ? "no other agency (none involved lately)"
                            : listed(e.getConsultees())) + ", answers due by " + e.getAnswerBy() + ". Reason: "
                            + e.getReason(),
                    "consultation:" + e.getConsultationId(),
                    agencies(e.getClosingAgency(), e.getConsultees()));
        }
        if (record instanceof ClosureConsultationAnswered e) {
            return new ChronologyEvent(e.getEnvelope(), "ClosureConsultationAnswered",
                    e.getAgency() + (e.getAnswer().equals("AGREE") ? " agreed with " : " raised a concern about ")
                            + e.getClosingAgency() + " closing its work with the child"
                            + (e.getReasons() == null ? "." : ": " + e.getReasons()),
                    "consultation:" + e.getConsultationId(),
                    agencies(e.getAgency(), e.getClosingAgency()));
        }
        if (record instanceof ClosureConsultationNoReply e) {
            return new ChronologyEvent(e.getEnvelope(), "ClosureConsultationNoReply",
                    listed(e.getAgencies()) + " did not reply by " + e.getAnswerBy() + " when " + e.getClosingAgency()
                            + " consulted on closing its work with the child.",
                    "consultation:" + e.getConsultationId(),
                    agencies(e.getClosingAgency(), e.getAgencies()));
        }
        if (record instanceof ClosureConcernAnswered e) {
            return new ChronologyEvent(e.getEnvelope(), "ClosureConcernAnswered",
                    e.getClosingAgency() + " answered " + e.getConcernOf() + "'s concern about closing: "
                            + e.getResponse(),
                    "consultation:" + e.getConsultationId(),
                    agencies(e.getClosingAgency(), e.getConcernOf()));
        }
        if (record instanceof ClosureConcernOverridden e) {
            return new ChronologyEvent(e.getEnvelope(), "ClosureConcernOverridden",
                    e.getClosingAgency() + " went ahead despite " + e.getConcernOf() + "'s concern about closing. "
                            + "Reason: " + e.getReason(),
                    "consultation:" + e.getConsultationId(),
                    agencies(e.getClosingAgency(), e.getConcernOf()));
        }
        if (record instanceof CaseClosed e) {
            List<String> said = new ArrayList<>();
            if (!e.getAgreed().isEmpty()) {
                said.add("agreed: " + listed(e.getAgreed()));
            }
            if (!e.getConcernsAnswered().isEmpty()) {
                said.add("concerns answered: " + listed(e.getConcernsAnswered()));
            }
            if (!e.getConcernsOverridden().isEmpty()) {
                said.add("concerns overridden: " + listed(e.getConcernsOverridden()));
            }
            if (!e.getNoReply().isEmpty()) {
                said.add("no reply: " + listed(e.getNoReply()));
            }
            return new ChronologyEvent(e.getEnvelope(), "CaseClosed",
                    e.getClosingAgency() + " closed its work with the child" + (said.isEmpty()
                            ? ", no other agency having been involved lately."
                            : " after consulting (" + String.join("; ", said) + ")."),
                    "consultation:" + e.getConsultationId(),
                    agencies(e.getClosingAgency()));
        }
        if (record instanceof TransferPackageSent e) {
            return new ChronologyEvent(e.getEnvelope(), "TransferPackageSent",
                    e.getFromAgency() + " sent " + e.getToAgency() + " the transfer package: " + e.getItems().size()
                            + (e.getItems().size() == 1 ? " share" : " shares") + " about the child, to be "
                            + "acknowledged by " + e.getAcknowledgeBy() + ".",
                    "transfer:" + e.getTransferId(),
                    agencies(e.getFromAgency(), e.getToAgency()));
        }
        if (record instanceof TransferPackageAcknowledged e) {
            return new ChronologyEvent(e.getEnvelope(), "TransferPackageAcknowledged",
                    e.getToAgency() + " acknowledged the transfer package from " + e.getFromAgency()
                            + (e.getComplete() ? " as complete." : " as incomplete. Missing: " + e.getMissing()),
                    "transfer:" + e.getTransferId(),
                    agencies(e.getFromAgency(), e.getToAgency()));
        }
        if (record instanceof TransferPackageOverdue e) {
            return new ChronologyEvent(e.getEnvelope(), "TransferPackageOverdue",
                    "The transfer package from " + e.getFromAgency() + " was not acknowledged complete by "
                            + e.getToAgency() + " by " + e.getAcknowledgeBy()
                            + (e.getAcknowledgedIncomplete() ? " (acknowledged as incomplete)." : "."),
                    "transfer:" + e.getTransferId(),
                    agencies(e.getFromAgency(), e.getToAgency()));
        }
        if (record instanceof ChildTransferred e) {
            return new ChronologyEvent(e.getEnvelope(), "ChildTransferred",
                    "Child moved from " + e.getFromAgency() + " to " + e.getToAgency() + " on " + e.getMovedOn()
                            + ". Reason: " + e.getReason(),
                    "transfer:" + e.getTransferId(),
                    agencies(e.getFromAgency(), e.getToAgency()));
        }
        if (record instanceof TransferProposed e) {
            return new ChronologyEvent(e.getEnvelope(), "TransferProposed",
                    e.getToAgency() + " says the child moved to it from " + e.getFromAgency() + " on "
                            + e.getMovedOn() + " (not a move until " + e.getFromAgency() + " confirms). Reason: "
                            + e.getReason(),
                    "transfer:" + e.getTransferId(),
                    agencies(e.getFromAgency(), e.getToAgency()));
        }
        if (record instanceof PatternDetected e) {
            return new ChronologyEvent(e.getEnvelope(), "PatternDetected",
                    "Pattern found (" + e.getRule() + "): " + e.getDescription() + " From " + e.getWindowFrom()
                            + " to " + e.getWindowTo() + ", in " + e.getContributingEventIds().size() + " acts.",
                    "pattern:" + e.getEnvelope().getEventId(),
                    Set.copyOf(e.getAddressedTo()));
        }
        if (record instanceof ReviewOpened e) {
            return new ChronologyEvent(e.getEnvelope(), "ReviewOpened",
                    e.getOpenedBy() + " opened a review of the child's case by " + e.getReviewerAgency() + " ("
                            + e.getReviewerPerson() + "), covering " + e.getPeriodFrom() + " to " + e.getPeriodTo()
                            + ", until " + e.getExpiresAt() + ". Reason: " + e.getReason() + ". Legal basis: "
                            + e.getLegalBasis(),
                    "review:" + e.getReviewId(),
                    agencies(e.getOpenedBy(), e.getReviewerAgency()));
        }
        if (record instanceof ReviewClosed e) {
            return new ChronologyEvent(e.getEnvelope(), "ReviewClosed",
                    e.getClosedBy() + (e.getRevoked() ? " revoked" : " closed") + " the review by "
                            + e.getReviewerAgency() + (e.getReason() == null ? "." : ": " + e.getReason()),
                    "review:" + e.getReviewId(),
                    agencies(e.getClosedBy(), e.getReviewerAgency()));
        }
        // not retried: goes to the dead-letter topic with this reason, and the consumer moves on
        throw new UnprocessableRecord("The chronology does not know the event type "
                + (record == null ? "null" : record.getSchema().getFullName()));
    }

    /** "(urgent, by phone)": what a reviewer needs to judge the share's timeliness; nothing for older events. */
    private static String how(InformationShared e) {
        List<String> parts = new ArrayList<>();
        if (e.getUrgency() != null) {
            parts.add(e.getUrgency().name().toLowerCase());
        }
        if (e.getChannel() != null && e.getChannel() != Channel.WRITTEN) {
            parts.add("by " + e.getChannel().name().toLowerCase().replace('_', ' '));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** Sharing without consent is a decision a reviewer looks for: say so, with its justification. */
    private static String consent(InformationShared e) {
        if (e.getConsent() == null || e.getConsent().getStatus() == ConsentStatus.GIVEN) {
            return "";
        }
        return ". Consent " + e.getConsent().getStatus().name().toLowerCase().replace('_', ' ')
                + "; justification: " + e.getConsent().getSafeguardingJustification();
    }

    /** "a, b, c", or the first {@value #LISTED} and how many more: "a, b, ... and 3 more". */
    static String listed(Collection<String> items) {
        return listed(items, ", ");
    }

    static String listed(Collection<String> items, String separator) {
        if (items.size() <= LISTED) {
            return String.join(separator, items);
        }
        return items.stream().limit(LISTED).collect(Collectors.joining(separator)) + separator + "and "
                + (items.size() - LISTED) + " more";
    }

    /** The agencies an event involves, each once, whatever the record repeats. */
    private static Set<String> agencies(String... named) {
        return new LinkedHashSet<>(Arrays.asList(named));
    }

    private static Set<String> agencies(String one, List<String> others) {
        Set<String> all = new LinkedHashSet<>(others);
        all.add(one);
        return all;
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** Whom a level of a ladder is addressed to, in words. */
    private static String addressee(String to, String agency) {
        return switch (to) {
            case "PRACTITIONER" -> "the practitioner at " + agency;
            case "DESIGNATED_LEAD" -> "the designated safeguarding lead of " + agency;
            case "SAFEGUARDING_PARTNERSHIP" -> "the safeguarding partnership, " + agency;
            default -> to + " (" + agency + ")";
        };
    }
}
