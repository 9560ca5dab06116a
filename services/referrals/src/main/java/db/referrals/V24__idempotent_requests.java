package db.referrals;

import org.safeguarding.backbone.web.idempotency.IdempotentRequestsMigration;

/** V24: the table of Idempotency-Key requests and answers, as platform/web defines it. */
public class V24__idempotent_requests extends IdempotentRequestsMigration {
}
