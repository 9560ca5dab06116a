package org.safeguarding.backbone.referrals.request.query;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RequestViews extends JpaRepository<RequestView, String> {

    /**
     * The requests made to {@code agency} ({@code asked}) or by it, the newest first: in one state, or any
     * ({@code status} null); only those open past their reply date with {@code overdueOnly}.
     */
    @Query("""
            select r from RequestView r
            where ((:asked = true and r.holderAgency = :agency) or (:asked = false and r.requestingAgency = :agency))
              and (:status is null or r.status = :status)
              and (:overdueOnly = false or (r.overdue = true and r.status = 'OPEN'))
            order by r.requestedAt desc""")
    List<RequestView> involving(@Param("agency") String agency, @Param("asked") boolean asked,
                                @Param("status") String status, @Param("overdueOnly") boolean overdueOnly,
                                Limit limit);
}
