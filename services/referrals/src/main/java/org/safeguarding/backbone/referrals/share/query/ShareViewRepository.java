package org.safeguarding.backbone.referrals.share.query;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ShareViewRepository extends JpaRepository<ShareView, String> {

    /** Shares addressed to an agency, optionally only those where it is at {@code status}, newest first. */
    @Query(value = """
            select s from ShareView s join s.recipients r
            where r.agency = :agency and (:status is null or r.status = :status)
              and (:childId is null or s.childId = :childId)
            order by s.sharedAt desc, s.shareId""",
            countQuery = """
            select count(s) from ShareView s join s.recipients r
            where r.agency = :agency and (:status is null or r.status = :status)
              and (:childId is null or s.childId = :childId)""")
    Page<ShareView> inbox(@Param("agency") String agency, @Param("status") ShareView.RecipientStatus status,
                          @Param("childId") String childId, Pageable page);
}
