package db.chronology;

import org.safeguarding.backbone.web.idempotency.IdempotentRequestsMigration;

/** V11: the table of Idempotency-Key requests and answers, as platform/web defines it. */
public class V11__idempotent_requests extends IdempotentRequestsMigration {
}
