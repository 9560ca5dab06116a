package org.safeguarding.backbone.transitions.transfer.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildInvolvementRepository extends JpaRepository<ChildInvolvement, ChildInvolvement.Key> {

    List<ChildInvolvement> findByChildIdAndLastActAtGreaterThanEqualOrderByAgency(String childId, Instant since);
}
