package org.safeguarding.backbone.referrals.request.query;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestViews extends JpaRepository<RequestView, String> {

    List<RequestView> findByHolderAgencyOrderByRequestedAtDesc(String holderAgency, Limit limit);

    List<RequestView> findByRequestingAgencyOrderByRequestedAtDesc(String requestingAgency, Limit limit);
}
