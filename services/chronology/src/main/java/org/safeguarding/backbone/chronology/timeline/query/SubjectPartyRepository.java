package org.safeguarding.backbone.chronology.timeline.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubjectPartyRepository extends JpaRepository<SubjectParty, SubjectParty.Key> {

    List<SubjectParty> findBySubject(String subject);
}
