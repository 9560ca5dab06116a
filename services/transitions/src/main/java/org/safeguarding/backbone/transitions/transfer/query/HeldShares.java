package org.safeguarding.backbone.transitions.transfer.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HeldShares extends JpaRepository<HeldShare, String> {

    /** The shares about the child that the agency sent or received, the oldest first. */
    @Query("select s from HeldShare s join s.holders h where s.childId = :childId and h = :agency "
            + "order by s.sharedAt, s.shareId")
    List<HeldShare> heldBy(@Param("childId") String childId, @Param("agency") String agency);
}
