package org.safeguarding.backbone.web.publish;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.safeguarding.backbone.kernel.publish.Publication;
import org.safeguarding.backbone.kernel.publish.Publication.Parked;
import org.safeguarding.backbone.kernel.publish.Publication.Stuck;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's way out when this service's publisher is stuck on an event it can never publish
 * ({@link Publication}): see what it is stuck on, park that event so the publisher goes on, and republish it once
 * the cause is fixed. Operators only (security: {@code /operator/**}); ids and types, no child's data.
 */
@RestController
public class PublisherController {

    private final ObjectProvider<Publication> publication;

    /** @param publication absent in a service that publishes nothing: then every call is 404 */
    public PublisherController(ObjectProvider<Publication> publication) {
        this.publication = publication;
    }

    private Publication publication() {
        Publication present = publication.getIfAvailable();
        if (present == null) {
            throw new NoPublisher();
        }
        return present;
    }

    /** This service publishes no events. */
    static final class NoPublisher extends RuleViolation {
        NoPublisher() {
            super(Kind.NOT_FOUND, "no-publisher", "This service publishes no events to Kafka.", null);
        }
    }

    /** What the publisher is stuck on (null when it is not), and the events parked. */
    public record PublisherResponse(Stuck stuck, List<Parked> parked) {
    }

    /** The event to park: the one {@code GET /operator/publisher} names as stuck. */
    public record ParkRequest(@NotBlank @Size(max = 100) String eventId) {
    }

    @GetMapping("/operator/publisher")
    PublisherResponse publisher() {
        return new PublisherResponse(publication().stuck().orElse(null), publication().parked());
    }

    @PostMapping("/operator/publisher/parked")
    ResponseEntity<Parked> park(@Valid @RequestBody ParkRequest request, Principal operator,
                                RequestedCorrelation correlation) {
        Parked parked = publication().park(request.eventId(), operator.getName());
        return ResponseEntity.created(URI.create("/operator/publisher/parked/" + parked.eventId())).body(parked);
    }

    @PostMapping("/operator/publisher/parked/{eventId}/republish")
    Parked republish(@PathVariable String eventId, Principal operator, RequestedCorrelation correlation) {
        return publication().republish(eventId, operator.getName());
    }
}
