package org.safeguarding.backbone.kernel.agency;

import java.util.Optional;

/**
 * The practitioner acting for the calling agency on the current request, where the agency's identity provider names
 * one in the token (platform/web sets it for the request's duration). Every act the request causes records it, so
 * "who decided" is not free text alone.
 */
public final class ActingPractitioner {

    /** The metadata key the practitioner travels under, from command to stored event to integration event. */
    public static final String METADATA = "actingPractitioner";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ActingPractitioner() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Until the returned scope is closed, {@code practitioner} (or nobody, when null) acts. */
    public static Scope actingAs(String practitioner) {
        String before = CURRENT.get();
        CURRENT.set(practitioner);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** The time a practitioner acts: close it, in a try-with-resources. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
