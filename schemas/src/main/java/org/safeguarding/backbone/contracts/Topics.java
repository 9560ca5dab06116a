package org.safeguarding.backbone.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * The Kafka topics that carry the integration events, part of the contract like the schemas themselves.
 * Every record is keyed by the child's id, so all events about one child stay in order on one partition.
 */
public final class Topics {

    /** Information shares, referrals, requests and their acknowledgements (the referrals service). */
    public static final String REFERRALS = "safeguarding.referrals.events.v1";

    /** The prefix of every agency's inbound topic ({@link #inboundFrom}). */
    public static final String INBOUND_PREFIX = "safeguarding.inbound.";

    /** The prefix of every agency's feed ({@link #feedOf}). */
    public static final String FEED_PREFIX = "safeguarding.feed.";

    private static final String AGENCY_TOPIC_VERSION = ".v1";

    /** Agency ids become topic names: lower-case letters, digits and hyphens, starting with a letter. */
    private static final String AGENCY_ID = "[a-z][a-z0-9-]{0,99}";

    /** Feedback owed and given between recipient and referrer (the feedback service). */
    public static final String FEEDBACK = "safeguarding.feedback.events.v1";

    /** A child's moves between agencies (the transitions service). */
    public static final String TRANSITIONS = "safeguarding.transitions.events.v1";

    /** Reviews of a child's case opened and closed by a safeguarding partnership (the chronology service). */
    public static final String REVIEWS = "safeguarding.reviews.events.v1";

    /**
     * What the chronology concludes about each child from every topic (its lead agencies), for the other services.
     * Internal to the backbone.
     */
    public static final String CHRONOLOGY = "safeguarding.chronology.events.v1";

    /**
     * Patterns the chronology found in a child's acts (R14), each addressed to the child's lead agency: the chronology
     * writes them and lists them, and passes each to the feeds of the agencies it is addressed to. Internal to the
     * backbone.
     */
    public static final String PATTERNS = "safeguarding.patterns.events.v1";

    /**
     * Every read of a child's data on the services, granted or refused (R10): the chronology keeps them in each
     * child's access log. Internal to the backbone.
     */
    public static final String ACCESS = "safeguarding.access.events.v1";

    /** Suffix of the dead-letter topic beside each topic: records that could not be processed, with the reason. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final String CONTRACTS = "org.safeguarding.backbone.contracts.";

    /** Each area's records travel on one topic: the namespace of a record says which. */
    private static final Map<String, String> TOPIC_BY_NAMESPACE = Map.of(
            CONTRACTS + "referrals.v1", REFERRALS,
            CONTRACTS + "feedback.v1", FEEDBACK,
            CONTRACTS + "transitions.v1", TRANSITIONS,
            CONTRACTS + "reviews.v1", REVIEWS,
            CONTRACTS + "chronology.v1", CHRONOLOGY,
            CONTRACTS + "patterns.v1", PATTERNS,
            CONTRACTS + "access.v1", ACCESS);

    private Topics() {
    }

    /**
     * Requests from one agency's system (e.g. ShareInformation), keyed by the child's id: writable by that agency
     * alone, so the topic, not a field of the record, says who is sending. Each is answered on the agency's feed:
     * the share it became, or ShareRejected.
     */
    public static String inboundFrom(String agency) {
        return INBOUND_PREFIX + checked(agency) + AGENCY_TOPIC_VERSION;
    }

    /** The agency whose inbound topic {@code topic} is; empty for any other topic. */
    public static Optional<String> agencyOfInbound(String topic) {
        if (topic == null || !topic.startsWith(INBOUND_PREFIX) || !topic.endsWith(AGENCY_TOPIC_VERSION)) {
            return Optional.empty();
        }
        String agency = topic.substring(INBOUND_PREFIX.length(), topic.length() - AGENCY_TOPIC_VERSION.length());
        return agency.matches(AGENCY_ID) ? Optional.of(agency) : Optional.empty();
    }

    /**
     * One agency's feed: every act it is party to (the events of the services' topics, as they are), readable by that
     * agency alone. The chronology service publishes it, by the same need-to-know rule as its HTTP reads.
     */
    public static String feedOf(String agency) {
        return FEED_PREFIX + checked(agency) + AGENCY_TOPIC_VERSION;
    }

    private static String checked(String agency) {
        if (agency == null || !agency.matches(AGENCY_ID)) {
            throw new IllegalArgumentException("'" + agency + "' cannot name an agency's topic: an agency id is "
                    + "lower-case letters, digits and hyphens, starting with a letter");
        }
        return agency;
    }

    /**
     * The topic that records of an Avro namespace are sent to (e.g. every {@code ...contracts.referrals.v1} event
     * goes to {@link #REFERRALS}); empty for a namespace whose records travel only inside others (the envelope).
     */
    public static Optional<String> forNamespace(String namespace) {
        return Optional.ofNullable(TOPIC_BY_NAMESPACE.get(namespace));
    }
}
