package org.safeguarding.backbone.web.chain;

import java.util.Optional;
import org.safeguarding.backbone.kernel.chain.EventChainCheck;
import org.safeguarding.backbone.kernel.chain.EventChainCheck.Checkpoint;
import org.safeguarding.backbone.kernel.chain.EventChainCheck.Report;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event store's tamper evidence, for operators ({@code /operator/**}; {@code ./run verify-events}): check every
 * link and signed checkpoint now, or sign a checkpoint now. Ids and positions, never a child's data.
 */
@RestController
public class EventChainController {

    private final ObjectProvider<EventChainCheck> chain;

    /** @param chain absent in a service without an event store: then every call is 404 */
    public EventChainController(ObjectProvider<EventChainCheck> chain) {
        this.chain = chain;
    }

    private EventChainCheck chain() {
        EventChainCheck present = chain.getIfAvailable();
        if (present == null) {
            throw new NoEventStore();
        }
        return present;
    }

    /** This service keeps no events of its own. */
    static final class NoEventStore extends RuleViolation {
        NoEventStore() {
            super(Kind.NOT_FOUND, "no-event-store", "This service keeps no event store to check.", null);
        }
    }

    /** Checks the whole store: 200 with the report whether it held or not ({@code intact}, {@code firstBroken}). */
    @GetMapping("/operator/event-chain")
    Report verify() {
        return chain().verify();
    }

    /** Signs a checkpoint now: 201 with it, or 204 when nothing was stored since the last one. */
    @PostMapping("/operator/event-chain/checkpoints")
    ResponseEntity<Checkpoint> checkpoint() {
        Optional<Checkpoint> signed = chain().checkpoint();
        return signed.map(checkpoint -> ResponseEntity.status(201).body(checkpoint))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
