package org.safeguarding.backbone.web.input;

import java.io.IOException;

/** A request body longer than {@code backbone.web.max-request-size}: refused with 413, nothing read further. */
public class RequestTooLarge extends IOException {

    private final long limit;

    public RequestTooLarge(long limit) {
        super("The request body is larger than this service accepts (" + limit + " bytes).");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
