package org.safeguarding.backbone.chronology.webhook.process;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WebhookDeliveries extends JpaRepository<WebhookDelivery, Long> {

    boolean existsByAgencyAndEventId(String agency, String eventId);

    /**
     * The agency's acts due to be tried: for each child only the oldest not yet delivered (in order per child: a later
     * act waits while an earlier one is failing), once its retry time has come.
     */
    @Query("""
            select d from WebhookDelivery d
            where d.agency = :agency and d.status = :pending and d.nextAttemptAt <= :now
              and d.id = (select min(e.id) from WebhookDelivery e
                          where e.agency = d.agency and e.childId = d.childId and e.status = :pending)
            order by d.id""")
    List<WebhookDelivery> due(@Param("agency") String agency, @Param("pending") WebhookDelivery.Status pending,
                              @Param("now") Instant now, Limit limit);

    List<WebhookDelivery> findByAgencyOrderByIdDesc(String agency, Limit limit);

    List<WebhookDelivery> findByAgencyAndStatusOrderByIdDesc(String agency, WebhookDelivery.Status status, Limit limit);

    @Modifying
    @Query("update WebhookDelivery d set d.status = :cancelled where d.agency = :agency and d.status = :pending")
    int cancel(@Param("agency") String agency, @Param("pending") WebhookDelivery.Status pending,
               @Param("cancelled") WebhookDelivery.Status cancelled);
}
