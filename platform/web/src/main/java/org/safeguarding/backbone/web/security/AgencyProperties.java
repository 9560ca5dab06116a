package org.safeguarding.backbone.web.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backbone.security.agencies.<agency-id>.*}: the agencies allowed to call this service. The agency id is
 * what appears in events as sender, recipient or acting agency.
 *
 * <p>A password is in Spring Security's encoded form: {@code {bcrypt}...} for real credentials (supplied from the
 * environment, never committed); {@code {noop}...} only for the clearly marked development credentials of the
 * {@code local} profile, and refused under any other profile.
 */
@ConfigurationProperties("backbone.security")
public record AgencyProperties(Map<String, Agency> agencies) {

    public AgencyProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    public record Agency(String name, String password) {
    }
}
