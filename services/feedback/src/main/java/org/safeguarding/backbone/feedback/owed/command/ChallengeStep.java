package org.safeguarding.backbone.feedback.owed.command;

/** The deadline payload of a challenge's level: which challenge, at which level (stored with the deadline). */
public record ChallengeStep(int challenge, int level) {
}
