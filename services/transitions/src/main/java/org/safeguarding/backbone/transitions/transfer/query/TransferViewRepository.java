package org.safeguarding.backbone.transitions.transfer.query;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TransferViewRepository extends JpaRepository<TransferView, String> {

    List<TransferView> findByChildIdAndFromAgencyAndToAgencyAndMovedOn(String childId, String fromAgency,
                                                                     String toAgency, LocalDate movedOn);
}
