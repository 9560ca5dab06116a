package org.safeguarding.backbone.referrals.decision.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A decision not to share, for the agency that made it (and, later, reviewers with a recorded reason). */
@Entity
@Table(name = "decision_view")
public class DecisionView {

    @Id
    private String decisionId;
    private String childId;
    private String decidingAgency;
    private String decidedBy;
    /** Comma-separated agency ids. */
    @Column(length = 2000)
    private String consideredAgencies;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> reasons;
    /** Jargon found in the reasons (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "reasons_warnings")
    private List<PlainLanguageWarning> plainLanguageWarnings = List.of();
    private Instant decidedAt;

    protected DecisionView() {
    }

    DecisionView(String decisionId, String childId, String decidingAgency, String decidedBy,
                 List<String> consideredAgencies, String reasons, List<PlainLanguageWarning> plainLanguageWarnings,
                 Instant decidedAt) {
        this.decisionId = decisionId;
        this.childId = childId;
        this.decidingAgency = decidingAgency;
        this.decidedBy = decidedBy;
        this.consideredAgencies = String.join(",", consideredAgencies);
        this.reasons = ChildContent.of(childId, reasons);
        this.plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        this.decidedAt = decidedAt;
    }

    public String getDecisionId() { return decisionId; }
    public String getChildId() { return childId; }
    public String getDecidingAgency() { return decidingAgency; }
    public String getDecidedBy() { return decidedBy; }
    public List<String> getConsideredAgencies() {
        return consideredAgencies.isEmpty() ? List.of() : Arrays.asList(consideredAgencies.split(","));
    }
    public String getReasons() { return ChildContent.valueOf(reasons); }
    public List<PlainLanguageWarning> getPlainLanguageWarnings() { return plainLanguageWarnings; }
    public Instant getDecidedAt() { return decidedAt; }
}
