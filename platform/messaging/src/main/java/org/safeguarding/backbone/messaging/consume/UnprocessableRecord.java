package org.safeguarding.backbone.messaging.consume;

/**
 * A record that can never be processed as it is (not a type this consumer knows, a request refused by the rules):
 * retrying would fail the same way. Thrown by a listener, it sends the record straight to the topic's dead-letter
 * topic with this message as the reason, and the consumer moves on. Anything else a listener throws is retried.
 */
public class UnprocessableRecord extends RuntimeException {

    public UnprocessableRecord(String reason) {
        super(reason);
    }
}
