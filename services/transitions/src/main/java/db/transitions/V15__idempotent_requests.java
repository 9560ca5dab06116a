package db.transitions;

import org.safeguarding.backbone.web.idempotency.IdempotentRequestsMigration;

/** V15: the table of Idempotency-Key requests and answers, as platform/web defines it. */
public class V15__idempotent_requests extends IdempotentRequestsMigration {
}
