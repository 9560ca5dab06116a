package org.safeguarding.backbone.chronology.webhook.process;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookRegistrations extends JpaRepository<WebhookRegistration, String> {

    List<WebhookRegistration> findByAgencyIn(Collection<String> agencies);

    List<WebhookRegistration> findByStatus(WebhookRegistration.Status status);
}
