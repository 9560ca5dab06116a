package org.safeguarding.backbone.transitions.transfer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.backbone.messaging.ConversationDeadlines.inThisConversation;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.AcknowledgePackage;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ConfirmTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ProposeTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.TransferPackage;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageAcknowledged;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageOverdue;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageSent;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferProposed;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;

/**
 * A child's move from one agency to another (R12). The agency the child leaves records it; the agency it joins may
 * propose it, and the move happens only when the agency it left confirms. With the move goes the transfer package,
 * acknowledged by the joining agency by its deadline, and tracked until it is complete.
 */
@Aggregate
public class ChildTransfer {

    @AggregateIdentifier
    private String transferId;
    private String childId;
    private String fromAgency;
    private String toAgency;
    private String reason;
    private LocalDate movedOn;
    private boolean confirmed;
    private boolean packageSent;
    private boolean packageComplete;
    private boolean packageIncomplete;
    private Instant packageAcknowledgeBy;

    /** The package's deadline: not acknowledged complete by then, it is overdue. */
    static final String PACKAGE_DUE = "transfer-package-due";

    protected ChildTransfer() {
    }

    @CommandHandler
    public ChildTransfer(RecordTransfer command, DeadlineManager deadlines, PlainLanguageChecker plainLanguage) {
        requireTwoAgencies(command.fromAgency(), command.toAgency());
        if (!command.recordedBy().equals(command.fromAgency())) {
            throw new NotPartyToTransfer(command.recordedBy());
        }
        requireWorkedWithChild(command.childId(), command.recordedBy(), command.recorderWorkedWithChild());
        apply(new ChildTransferred(command.transferId(), command.childId(), command.fromAgency(), command.toAgency(),
                command.reason(), command.movedOn(), command.recordedBy(), command.occurredAt(),
                plainLanguage.check("reason", command.reason())));
        sendPackage(command.transferId(), command.childId(), command.fromAgency(), command.toAgency(),
                command.transferPackage(), command.occurredAt(), deadlines);
    }

    @CommandHandler
    public ChildTransfer(ProposeTransfer command, PlainLanguageChecker plainLanguage) {
        requireTwoAgencies(command.fromAgency(), command.toAgency());
        if (!command.proposedBy().equals(command.toAgency())) {
            throw new NotPartyToTransfer(command.proposedBy());
        }
        apply(new TransferProposed(command.transferId(), command.childId(), command.fromAgency(), command.toAgency(),
                command.reason(), command.movedOn(), command.proposedBy(), command.occurredAt(),
                plainLanguage.check("reason", command.reason())));
    }

    /** Confirming again changes nothing. */
    @CommandHandler
    public void handle(ConfirmTransfer command, DeadlineManager deadlines, PlainLanguageChecker plainLanguage) {
        if (!fromAgency.equals(command.confirmedBy())) {
            throw new NotTheLeavingAgency(transferId, command.confirmedBy());
        }
        if (confirmed) {
            return;
        }
        requireWorkedWithChild(childId, command.confirmedBy(), command.confirmerWorkedWithChild());
        apply(new ChildTransferred(transferId, childId, fromAgency, toAgency, reason, movedOn,
                command.confirmedBy(), command.occurredAt(), plainLanguage.check("reason", reason)));
        sendPackage(transferId, childId, fromAgency, toAgency, command.transferPackage(), command.occurredAt(),
                deadlines);
    }

    /**
     * R12: the package goes with the move, to be acknowledged by its deadline. Given its transfer's facts: in the
     * constructor, the aggregate's state is set only once the constructor has returned.
     */
    private static void sendPackage(String transferId, String childId, String fromAgency, String toAgency,
                                    TransferPackage transferPackage, Instant at, DeadlineManager deadlines) {
        if (transferPackage == null) {
            return;
        }
        apply(new TransferPackageSent(transferId, childId, fromAgency, toAgency, transferPackage.items(),
                transferPackage.acknowledgeBy(), at));
        deadlines.schedule(transferPackage.acknowledgeBy(), PACKAGE_DUE,
                inThisConversation(transferPackage.acknowledgeBy().toEpochMilli()));
    }

    /**
     * The joining agency acknowledges the package: complete, or incomplete saying what is missing (then tracked until
     * it is acknowledged complete).
     */
    @CommandHandler
    public void handle(AcknowledgePackage command, PlainLanguageChecker plainLanguage) {
        if (!toAgency.equals(command.agency())) {
            throw new NotTheJoiningAgency(transferId, command.agency());
        }
        if (!packageSent) {
            throw new NoPackage(transferId);
        }
        if (packageComplete) {
            throw new PackageAlreadyComplete(transferId);
        }
        if (!command.complete() && (command.missing() == null || command.missing().isBlank())) {
            throw new Invalid("package-incomplete-without-what-is-missing",
                    "Say what is missing from the package.", "missing");
        }
        apply(new TransferPackageAcknowledged(transferId, childId, fromAgency, toAgency, command.complete(),
                command.complete() ? null : command.missing(), command.occurredAt(),
                command.complete() ? List.of() : plainLanguage.check("missing", command.missing())));
    }

    @DeadlineHandler(deadlineName = PACKAGE_DUE)
    void packageDue() {
        if (packageSent && !packageComplete) {
            apply(new TransferPackageOverdue(transferId, childId, fromAgency, toAgency, packageAcknowledgeBy,
                    packageIncomplete, packageAcknowledgeBy));
        }
    }

    @EventSourcingHandler
    void on(TransferPackageSent event) {
        packageSent = true;
        packageAcknowledgeBy = event.acknowledgeBy();
    }

    @EventSourcingHandler
    void on(TransferPackageAcknowledged event) {
        packageComplete = event.complete();
        packageIncomplete = !event.complete();
    }

    /** Nobody makes themselves party to a child's history by recording the child moving away from them. */
    private static void requireWorkedWithChild(String childId, String agency, boolean workedWithChild) {
        if (!workedWithChild) {
            throw new NotWorkedWithChild(childId, agency);
        }
    }

    private static void requireTwoAgencies(String from, String to) {
        if (from.equals(to)) {
            throw new SameAgency(from);
        }
    }

    @EventSourcingHandler
    void on(TransferProposed event) {
        transferId = event.transferId();
        childId = event.childId();
        fromAgency = event.fromAgency();
        toAgency = event.toAgency();
        reason = event.reason();
        movedOn = event.movedOn();
    }

    @EventSourcingHandler
    void on(ChildTransferred event) {
        transferId = event.transferId();
        childId = event.childId();
        fromAgency = event.fromAgency();
        toAgency = event.toAgency();
        reason = event.reason();
        movedOn = event.movedOn();
        confirmed = true;
    }

    public static final class NotTheJoiningAgency extends RuleViolation {
        NotTheJoiningAgency(String transferId, String agency) {
            super(Kind.FORBIDDEN, "not-the-joining-agency", "Only the agency the child joined acknowledges the "
                    + "package of transfer " + transferId + ", not " + agency + ".", null);
        }
    }

    public static final class NoPackage extends RuleViolation {
        NoPackage(String transferId) {
            super("no-transfer-package", "Transfer " + transferId + " has no package to acknowledge: it is only "
                    + "proposed, or was recorded before packages were built.");
        }
    }

    public static final class PackageAlreadyComplete extends RuleViolation {
        PackageAlreadyComplete(String transferId) {
            super("transfer-package-complete", "The package of transfer " + transferId
                    + " is already acknowledged complete.");
        }
    }

    public static final class SameAgency extends RuleViolation {
        SameAgency(String agency) {
            super(Kind.INVALID, "same-agency", "A child cannot move from " + agency + " to itself.", "toAgency");
        }
    }

    /** The agency the child leaves records the move; the agency it joins may propose it; nobody else does either. */
    public static final class NotPartyToTransfer extends RuleViolation {
        public NotPartyToTransfer(String agency) {
            super(Kind.FORBIDDEN, "not-party-to-transfer", "Agency " + agency + " is neither the agency the child "
                    + "leaves (which records the move) nor the one it joins (which may propose it).", null);
        }
    }

    /** A move away from an agency is recorded only by an agency that has worked with the child. */
    public static final class NotWorkedWithChild extends RuleViolation {
        NotWorkedWithChild(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-involved-with-child", "Agency " + agency + " has not worked with child "
                    + childId + " as far as the backbone knows (no share, request, feedback or move about the child "
                    + "names it), so cannot record the child moving away from it. If it has only just shared about "
                    + "the child, try again in a few seconds.", null);
        }
    }

    /** Only the agency the child left confirms the move. */
    public static final class NotTheLeavingAgency extends RuleViolation {
        NotTheLeavingAgency(String transferId, String agency) {
            super(Kind.FORBIDDEN, "not-the-leaving-agency", "Only the agency the child left can confirm transfer "
                    + transferId + ", not " + agency + ".", null);
        }
    }
}
