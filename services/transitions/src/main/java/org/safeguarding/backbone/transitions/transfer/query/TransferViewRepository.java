package org.safeguarding.backbone.transitions.transfer.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TransferViewRepository extends JpaRepository<TransferView, String> {
}
