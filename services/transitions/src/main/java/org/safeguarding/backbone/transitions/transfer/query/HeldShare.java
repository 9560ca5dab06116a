package org.safeguarding.backbone.transitions.transfer.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;

/**
 * A share about a child, as the referrals service published it: who holds it (its sender and recipients) and what a
 * transfer package says of it (provenance, purpose, consent, lawful basis). Not its content: that stays with the
 * referrals service.
 */
@Entity
@Table(name = "held_share")
public class HeldShare {

    @Id
    private String shareId;
    private String childId;
    private String senderAgency;
    private Instant sharedAt;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> purpose;
    private String consentStatus;
    @Column(length = 2000)
    private String lawfulBasis;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "held_share_holder", joinColumns = @JoinColumn(name = "share_id"))
    @Column(name = "agency")
    private Set<String> holders = new HashSet<>();

    protected HeldShare() {
    }

    public HeldShare(String shareId, String childId, String senderAgency, Instant sharedAt, String purpose,
                     String consentStatus, String lawfulBasis, Set<String> holders) {
        this.shareId = shareId;
        this.childId = childId;
        this.senderAgency = senderAgency;
        this.sharedAt = sharedAt;
        this.purpose = ChildContent.of(childId, purpose);
        this.consentStatus = consentStatus;
        this.lawfulBasis = lawfulBasis;
        this.holders = new HashSet<>(holders);
    }

    public String getShareId() { return shareId; }
    public String getChildId() { return childId; }
    public String getSenderAgency() { return senderAgency; }
    public Instant getSharedAt() { return sharedAt; }
    public String getPurpose() { return ChildContent.valueOf(purpose); }
    public String getConsentStatus() { return consentStatus; }
    public String getLawfulBasis() { return lawfulBasis; }
}
