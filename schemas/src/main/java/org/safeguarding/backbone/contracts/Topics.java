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

    /**
     * Requests from agency systems that integrate by Kafka rather than HTTP (e.g. ShareInformation), keyed by the
     * child's id. Each is answered by an event on {@link #REFERRALS}: the share, or ShareRejected.
     */
    public static final String REFERRALS_INBOUND = "safeguarding.referrals.inbound.v1";

    /** Feedback owed and given between recipient and referrer (the feedback service). */
    public static final String FEEDBACK = "safeguarding.feedback.events.v1";

    /** A child's moves between agencies (the transitions service). */
    public static final String TRANSITIONS = "safeguarding.transitions.events.v1";

    /** Reviews of a child's case opened and closed by a safeguarding partnership (the chronology service). */
    public static final String REVIEWS = "safeguarding.reviews.events.v1";

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
            CONTRACTS + "referrals.inbound.v1", REFERRALS_INBOUND,
            CONTRACTS + "feedback.v1", FEEDBACK,
            CONTRACTS + "transitions.v1", TRANSITIONS,
            CONTRACTS + "reviews.v1", REVIEWS,
            CONTRACTS + "access.v1", ACCESS);

    private Topics() {
    }

    /**
     * The topic that records of an Avro namespace are sent to (e.g. every {@code ...contracts.referrals.v1} event
     * goes to {@link #REFERRALS}); empty for a namespace whose records travel only inside others (the envelope).
     */
    public static Optional<String> forNamespace(String namespace) {
        return Optional.ofNullable(TOPIC_BY_NAMESPACE.get(namespace));
    }
}
