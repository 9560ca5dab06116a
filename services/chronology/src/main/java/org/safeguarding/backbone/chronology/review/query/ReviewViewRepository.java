package org.safeguarding.backbone.chronology.review.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewViewRepository extends JpaRepository<ReviewView, String> {

    List<ReviewView> findByChildId(String childId);
}
