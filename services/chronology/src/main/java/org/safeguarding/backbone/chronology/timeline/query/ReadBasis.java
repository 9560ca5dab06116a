package org.safeguarding.backbone.chronology.timeline.query;

/** Why an agency may read what it reads of a child's chronology (R10: need to know). */
public enum ReadBasis {
    /** It reads, in full, the acts it was party to; of the rest, only which agencies are involved. */
    PARTY,
    /** Children's social care of the child's area, involved with the child: it reads every act. */
    LEAD_AGENCY,
    /** The reviewer of an open review of the child's case: every act in the period the review covers. */
    REVIEW
}
