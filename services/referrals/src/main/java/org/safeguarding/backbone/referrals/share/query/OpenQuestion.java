package org.safeguarding.backbone.referrals.share.query;

import java.time.Instant;

/** A question a recipient asked about one of an agency's shares, still waiting for that agency's answer. */
public record OpenQuestion(String shareId, String childId, String questionId, String askedBy, String question,
                           Instant askedAt) {
}
