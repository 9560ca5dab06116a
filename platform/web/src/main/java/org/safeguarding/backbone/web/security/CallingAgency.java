package org.safeguarding.backbone.web.security;

import java.security.Principal;

/** The agency making the current call: the authenticated principal's name is the agency id. */
public final class CallingAgency {

    private CallingAgency() {
    }

    public static String of(Principal principal) {
        if (principal == null) {
            throw new IllegalStateException("no authenticated agency on this call");
        }
        return principal.getName();
    }
}
