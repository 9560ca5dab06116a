package org.safeguarding.backbone.chronology.webhook.process;

import java.time.Instant;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queues an act for the webhook of each agency party to it (the same agencies as its feed), in the order the
 * chronology records acts; once per act and agency, however often the act arrives. Acts from before an agency
 * registered its webhook are not queued for it: its feed has them.
 */
@Component
public class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRegistrations registrations;
    private final WebhookDeliveries deliveries;
    private final WebhookAgencies agencies;

    WebhookOutbox(WebhookRegistrations registrations, WebhookDeliveries deliveries, WebhookAgencies agencies) {
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.agencies = agencies;
    }

    @Transactional
    public void enqueue(String topic, Envelope envelope, String eventType, SpecificRecord act, Set<String> parties) {
        if (!agencies.anyMayHave(parties)) {
            return;
        }
        String body = null;
        for (WebhookRegistration webhook : registrations.findByAgencyIn(parties)) {
            if (deliveries.existsByAgencyAndEventId(webhook.getAgency(), envelope.getEventId())) {
                continue;
            }
            if (body == null) {
                body = body(topic, envelope, eventType, act);
            }
            deliveries.save(new WebhookDelivery(webhook.getAgency(), envelope.getEventId(), eventType, topic,
                    envelope.getChildId(), body, Instant.now()));
        }
    }

    /** What is POSTed: the act's id, type, topic and child, and the act itself as plain JSON. */
    static String body(String topic, Envelope envelope, String eventType, SpecificRecord act) {
        ObjectNode body = JSON.createObjectNode();
        body.put("eventId", envelope.getEventId());
        body.put("eventType", eventType);
        body.put("topic", topic);
        body.put("childId", envelope.getChildId());
        body.set("event", AvroJson.of((SpecificRecordBase) act));
        return JSON.writeValueAsString(body);
    }
}
