package org.safeguarding.backbone.kernel.plainlanguage;

/**
 * A word in a share that a practitioner in another agency may not understand (R16): where it is, and plain wording
 * to consider instead (null for an acronym the glossary does not know). A warning only: the text is never changed.
 */
public record PlainLanguageWarning(String field, String term, String suggestion) {
}
