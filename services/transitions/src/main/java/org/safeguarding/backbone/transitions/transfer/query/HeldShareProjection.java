package org.safeguarding.backbone.transitions.transfer.query;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shares each agency holds about each child (from the referrals service's events): what a transfer package lists.
 * Recording a share twice changes nothing, so redelivered events are harmless.
 */
@Component
public class HeldShareProjection {

    private final HeldShares shares;
    private final ObjectProvider<ChildKeys> keys;

    HeldShareProjection(HeldShares shares, ObjectProvider<ChildKeys> keys) {
        this.shares = shares;
        this.keys = keys;
    }

    /**
     * @param at         when it was shared
     * @param recordedAt when the referrals service recorded it: a share recorded before the child's records were
     *                   erased, arriving after, is held with its purpose erased (R18)
     */
    @Transactional
    public void shared(String shareId, String childId, String senderAgency, List<String> recipients, Instant at,
                       Instant recordedAt, String purpose, String consentStatus, String lawfulBasis) {
        if (!shares.existsById(shareId)) {
            Set<String> holders = new HashSet<>(recipients);
            holders.add(senderAgency);
            ChildKeys childKeys = keys.getIfAvailable();
            ChildKeys.Erased erased = childKeys == null ? null : childKeys.lastErasures(List.of(childId)).get(childId);
            String held = erased != null && !recordedAt.isAfter(erased.erasedAt()) ? Sealing.erasedText(erased)
                    : purpose;
            shares.save(new HeldShare(shareId, childId, senderAgency, at, held, consentStatus, lawfulBasis,
                    holders));
        }
    }

    /**
     * A share its sender withdrew, or whose consent was withdrawn with no justification for sharing on without it, is
     * not passed on with a transfer package: no agency holds it for that.
     */
    @Transactional
    public void noLongerPassedOn(String shareId) {
        shares.findById(shareId).ifPresent(shares::delete);
    }

    /** The shares about the child that {@code agency} sent or received, the oldest first. */
    @Transactional(readOnly = true)
    public List<HeldShare> heldBy(String childId, String agency) {
        return shares.heldBy(childId, agency);
    }
}
