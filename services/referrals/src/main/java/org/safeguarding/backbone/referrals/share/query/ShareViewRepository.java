package org.safeguarding.backbone.referrals.share.query;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ShareViewRepository extends JpaRepository<ShareView, String> {

    /**
     * Shares addressed to an agency, optionally only those where it is at {@code status}, about one child, overdue
     * for its acknowledgement (of the share or of a correction), or due before a time; the most pressing first:
     * those it has not acknowledged, or whose correction it has not, by its own deadline (so the overdue lead) and
     * then urgency; then the rest by urgency, newest first.
     */
    @Query(value = """
            select s from ShareView s join s.recipients r
            where r.agency = :agency and (:status is null or r.status = :status)
              and (:childId is null or s.childId = :childId)
              and (:overdue = false or (r.acknowledgementOverdue = true and r.acknowledgedAt is null)
                   or (r.correctionOverdue = true and r.correctionDueBy is not null))
              and (:byDue = false or (r.acknowledgedAt is null and r.forwardedBy is null
                   and coalesce(r.acknowledgeBy, s.acknowledgeBy) < :dueBefore) or r.correctionDueBy < :dueBefore)
            order by case when r.acknowledgedAt is null or r.correctionDueBy is not null then 0 else 1 end,
                     case when r.acknowledgedAt is null and r.forwardedBy is null
                          then coalesce(r.acknowledgeBy, s.acknowledgeBy)
                          else r.correctionDueBy end asc nulls last,
                     case s.urgency when 'IMMEDIATE' then 0 when 'URGENT' then 1 else 2 end,
                     s.sharedAt desc, s.shareId""",
            countQuery = """
            select count(s) from ShareView s join s.recipients r
            where r.agency = :agency and (:status is null or r.status = :status)
              and (:childId is null or s.childId = :childId)
              and (:overdue = false or (r.acknowledgementOverdue = true and r.acknowledgedAt is null)
                   or (r.correctionOverdue = true and r.correctionDueBy is not null))
              and (:byDue = false or (r.acknowledgedAt is null and r.forwardedBy is null
                   and coalesce(r.acknowledgeBy, s.acknowledgeBy) < :dueBefore) or r.correctionDueBy < :dueBefore)""")
    Page<ShareView> inbox(@Param("agency") String agency, @Param("status") ShareView.RecipientStatus status,
                          @Param("childId") String childId, @Param("overdue") boolean overdue,
                          @Param("byDue") boolean byDue, @Param("dueBefore") Instant dueBefore, Pageable page);

    /**
     * Shares an agency sent, optionally only those with a recipient at {@code status}, about one child, waiting on
     * the sender (a question to answer, a verbal share to write up), or with something overdue; those waiting on the
     * sender first, then newest first.
     */
    @Query(value = """
            select s from ShareView s
            where s.senderAgency = :agency and (:childId is null or s.childId = :childId)
              and (:status is null or exists (select 1 from ShareView s2 join s2.recipients r
                                              where s2 = s and r.status = :status))
              and (:waiting = false or s.openQuestions > 0
                   or (s.writtenFollowUpBy is not null and s.writtenFollowUpAt is null))
              and (:overdue = false or (s.writtenFollowUpOverdue = true and s.writtenFollowUpAt is null)
                   or exists (select 1 from ShareView s3 join s3.recipients o
                              where s3 = s and ((o.acknowledgementOverdue = true and o.acknowledgedAt is null)
                                    or (o.correctionOverdue = true and o.correctionDueBy is not null))))
            order by case when s.openQuestions > 0 or (s.writtenFollowUpBy is not null and s.writtenFollowUpAt is null)
                          then 0 else 1 end,
                     s.sharedAt desc, s.shareId""",
            countQuery = """
            select count(s) from ShareView s
            where s.senderAgency = :agency and (:childId is null or s.childId = :childId)
              and (:status is null or exists (select 1 from ShareView s2 join s2.recipients r
                                              where s2 = s and r.status = :status))
              and (:waiting = false or s.openQuestions > 0
                   or (s.writtenFollowUpBy is not null and s.writtenFollowUpAt is null))
              and (:overdue = false or (s.writtenFollowUpOverdue = true and s.writtenFollowUpAt is null)
                   or exists (select 1 from ShareView s3 join s3.recipients o
                              where s3 = s and ((o.acknowledgementOverdue = true and o.acknowledgedAt is null)
                                    or (o.correctionOverdue = true and o.correctionDueBy is not null))))""")
    Page<ShareView> sentBy(@Param("agency") String agency, @Param("status") ShareView.RecipientStatus status,
                           @Param("childId") String childId, @Param("waiting") boolean waitingOnSender,
                           @Param("overdue") boolean overdue, Pageable page);

    /** The questions waiting for {@code agency}'s answer, on the shares it sent, the longest waiting first. */
    @Query(value = """
            select new org.safeguarding.backbone.referrals.share.query.OpenQuestion(s.shareId, s.childId, q.questionId,
                   q.agency, q.text, q.writtenAt)
            from ShareView s join s.thread q
            where s.senderAgency = :agency and s.openQuestions > 0 and q.kind = :question
              and (:childId is null or s.childId = :childId)
              and not exists (select 1 from ShareView s2 join s2.thread a
                              where s2 = s and a.kind = :answer and a.questionId = q.questionId)
            order by q.writtenAt, s.shareId""",
            countQuery = """
            select count(q) from ShareView s join s.thread q
            where s.senderAgency = :agency and s.openQuestions > 0 and q.kind = :question
              and (:childId is null or s.childId = :childId)
              and not exists (select 1 from ShareView s2 join s2.thread a
                              where s2 = s and a.kind = :answer and a.questionId = q.questionId)""")
    Page<OpenQuestion> openQuestionsFor(@Param("agency") String agency, @Param("childId") String childId,
                                        @Param("question") ShareView.ThreadEntry.Kind question,
                                        @Param("answer") ShareView.ThreadEntry.Kind answer, Pageable page);
}
