package org.safeguarding.backbone.transitions.closure.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationViews extends JpaRepository<ConsultationView, String> {
}
