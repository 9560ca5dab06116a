package org.safeguarding.backbone.transitions.closure.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;

/** A consultation before closure as it stands: for the closing agency and each agency consulted. */
@Entity
@Table(name = "consultation_view")
public class ConsultationView {

    public enum Status { OPEN, CLOSED }

    @Id
    private String consultationId;
    private String childId;
    private String closingAgency;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> reason;
    private LocalDate answerBy;
    private Instant openedAt;
    private String status;
    private Instant closedAt;
    private String correlationId;
    /** Jargon found in everything written in the consultation (R16), kept as JSON. */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "plain_language_warnings")
    private List<PlainLanguageWarning> plainLanguageWarnings = List.of();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consultation_view_consultee", joinColumns = @JoinColumn(name = "consultation_id"))
    @OrderColumn(name = "position")
    private List<Consultee> consultees = new ArrayList<>();

    protected ConsultationView() {
    }

    ConsultationView(String consultationId, String childId, String closingAgency, String reason, LocalDate answerBy,
                     Instant openedAt, String correlationId, List<String> consulted,
                     List<PlainLanguageWarning> warnings) {
        this.consultationId = consultationId;
        this.childId = childId;
        this.closingAgency = closingAgency;
        this.reason = ChildContent.of(childId, reason);
        this.answerBy = answerBy;
        this.openedAt = openedAt;
        this.correlationId = correlationId;
        this.status = Status.OPEN.name();
        this.plainLanguageWarnings = List.copyOf(warnings);
        consulted.forEach(agency -> consultees.add(new Consultee(agency)));
    }

    void answered(String agency, String answer, String reasons, Instant at, List<PlainLanguageWarning> warnings) {
        consultee(agency).ifPresent(c -> {
            c.answer = answer;
            c.reasons = ChildContent.of(childId, reasons);
            c.answeredAt = at;
        });
        warned(warnings);
    }

    void noReply(List<String> agencies) {
        consultees.stream().filter(c -> agencies.contains(c.agency)).forEach(c -> c.noReply = true);
    }

    void settled(String agency, String how, String text, Instant at, List<PlainLanguageWarning> warnings) {
        consultee(agency).ifPresent(c -> {
            c.settledHow = how;
            c.settlement = ChildContent.of(childId, text);
            c.settledAt = at;
        });
        warned(warnings);
    }

    void closed(Instant at) {
        this.status = Status.CLOSED.name();
        this.closedAt = at;
    }

    private Optional<Consultee> consultee(String agency) {
        return consultees.stream().filter(c -> c.agency.equals(agency)).findFirst();
    }

    private void warned(List<PlainLanguageWarning> warnings) {
        List<PlainLanguageWarning> all = new ArrayList<>(plainLanguageWarnings);
        all.addAll(warnings);
        plainLanguageWarnings = List.copyOf(all);
    }

    /** The closing agency and the agencies consulted; nobody else. */
    public boolean isVisibleTo(String agency) {
        return closingAgency.equals(agency) || consultees.stream().anyMatch(c -> c.agency.equals(agency));
    }

    public String getConsultationId() { return consultationId; }
    public String getChildId() { return childId; }
    public String getClosingAgency() { return closingAgency; }
    public String getReason() { return ChildContent.valueOf(reason); }
    public LocalDate getAnswerBy() { return answerBy; }
    public Instant getOpenedAt() { return openedAt; }
    public String getStatus() { return status; }
    public Instant getClosedAt() { return closedAt; }
    public String getCorrelationId() { return correlationId; }
    public List<PlainLanguageWarning> getPlainLanguageWarnings() { return plainLanguageWarnings; }
    public List<Consultee> getConsultees() { return List.copyOf(consultees); }

    /**
     * An agency consulted: its answer ({@code AGREE}, {@code CONCERN}) and reasons, or that it did not reply by the
     * date; a concern's settlement ({@code ANSWERED} or {@code OVERRIDDEN}, with the closing agency's words).
     */
    @Embeddable
    public static class Consultee {
        private String agency;
        private String answer;
        @Convert(converter = SealedColumn.Text.class)
        @Column(length = SealedColumn.LENGTH_4000)
        private ChildContent<String> reasons;
        private Instant answeredAt;
        private boolean noReply;
        private String settledHow;
        @Convert(converter = SealedColumn.Text.class)
        @Column(length = SealedColumn.LENGTH_4000)
        private ChildContent<String> settlement;
        private Instant settledAt;

        protected Consultee() {
        }

        Consultee(String agency) {
            this.agency = agency;
        }

        public String getAgency() { return agency; }
        public String getAnswer() { return answer; }
        public String getReasons() { return ChildContent.valueOf(reasons); }
        public Instant getAnsweredAt() { return answeredAt; }
        public boolean isNoReply() { return noReply; }
        public String getSettledHow() { return settledHow; }
        public String getSettlement() { return ChildContent.valueOf(settlement); }
        public Instant getSettledAt() { return settledAt; }
    }
}
