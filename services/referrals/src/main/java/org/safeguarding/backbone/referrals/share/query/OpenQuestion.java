package org.safeguarding.backbone.referrals.share.query;

import java.time.Instant;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;

/** A question a recipient asked about one of an agency's shares, still waiting for that agency's answer. */
public record OpenQuestion(String shareId, String childId, String questionId, String askedBy, String question,
                           Instant askedAt) {

    /** As the JPQL query makes it: the question as the view keeps it, sealed under the child's key at rest. */
    public OpenQuestion(String shareId, String childId, String questionId, String askedBy,
                        ChildContent<String> question, Instant askedAt) {
        this(shareId, childId, questionId, askedBy, ChildContent.valueOf(question), askedAt);
    }
}
