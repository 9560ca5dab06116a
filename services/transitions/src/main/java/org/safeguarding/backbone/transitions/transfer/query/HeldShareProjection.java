package org.safeguarding.backbone.transitions.transfer.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shares each agency holds about each child (from the referrals service's events): what a transfer package lists.
 * Recording a share twice changes nothing, so redelivered events are harmless.
 */
@Component
public class HeldShareProjection implements ErasedChildren {

    private final HeldShares shares;
    private final ChildKeys keys;
    private final JdbcTemplate jdbc;

    HeldShareProjection(HeldShares shares, ChildKeys keys, JdbcTemplate jdbc) {
        this.shares = shares;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** A child's records erased (R18): the purposes of the shares held about the child read as erased. */
    @Override
    @Transactional
    public void erased(String childId, Instant erasedAt, String reason) {
        jdbc.update("update held_share set purpose = ? where child_id = ? and shared_at <= ?",
                Sealing.erasedText(new ChildKeys.Erased(null, childId, erasedAt, reason)), childId,
                erasedAt.atOffset(ZoneOffset.UTC));
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
            ChildKeys.Erased erased = keys.lastErasures(List.of(childId)).get(childId);
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
