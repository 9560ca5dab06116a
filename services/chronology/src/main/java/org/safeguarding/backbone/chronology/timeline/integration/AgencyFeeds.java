package org.safeguarding.backbone.chronology.timeline.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Each agency's feed ({@link Topics#feedOf}): every act it is party to, by the chronology's need-to-know rule (the
 * parties of the act and of the record it concerns), as the owning service published it. An agency system consumes
 * its feed instead of the services' topics, which it cannot read. At least once: an act sent again (after a
 * redelivery) carries the same event id.
 */
@Component
class AgencyFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyFeeds.class);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final KnownAgencies agencies;

    AgencyFeeds(KafkaTemplate<String, SpecificRecord> kafka, KnownAgencies agencies) {
        this.kafka = kafka;
        this.agencies = agencies;
    }

    /**
     * Sends {@code act} to the feed of each of its parties; what it returns completes once the broker has every copy
     * (the listener waits for it after its other work on the act, instead of before).
     */
    CompletableFuture<Void> send(String childId, SpecificRecord act, Set<String> parties) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (String agency : parties) {
            if (agencies.isKnown(agency)) {
                sent.add(kafka.send(Topics.feedOf(agency), childId, act));
            } else {
                LOG.warn("{} is party to an act about a child but is not a known agency: it has no feed", agency);
            }
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }
}
