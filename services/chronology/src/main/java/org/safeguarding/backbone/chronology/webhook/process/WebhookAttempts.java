package org.safeguarding.backbone.chronology.webhook.process;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookAttempts extends JpaRepository<WebhookAttempt, Long> {

    List<WebhookAttempt> findByDeliveryIdInOrderByDeliveryIdAscAttemptAsc(Collection<Long> deliveryIds);
}
