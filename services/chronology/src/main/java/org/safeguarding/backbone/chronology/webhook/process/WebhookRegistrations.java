package org.safeguarding.backbone.chronology.webhook.process;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WebhookRegistrations extends JpaRepository<WebhookRegistration, String> {

    List<WebhookRegistration> findByAgencyIn(Collection<String> agencies);

    List<WebhookRegistration> findByStatus(WebhookRegistration.Status status);

    /** The agencies with a webhook registered, whatever its state. */
    @Query("select w.agency from WebhookRegistration w")
    List<String> agencies();
}
