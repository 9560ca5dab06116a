package org.safeguarding.backbone.messaging.childkeys;

import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A value a view keeps about a child (free text, personal data), with the child it is about, so that it is sealed
 * under that child's key where it is stored ({@link SealedColumn}, R18) and readable as a plain value in the view.
 * The view's entity holds it in a field mapped by a {@link SealedColumn}, and gives callers the value.
 *
 * @param childId the child whose key seals it; null only for a value read from a column written before views were
 *                sealed, which is written again as it was (in clear) until the view gives it its child
 * @param erased  whether the child's key was erased: {@code value} then reads {@code [erased on <date>: <reason>]}
 *                where the child's text was (the whole of a text; each personal text of a structure)
 *
 * <p>{@link Immutable} to Hibernate: a view replaces it, never changes it in place, so Hibernate may keep the value
 * it loaded as its snapshot rather than copy it through the converter (sealing and opening it again).
 */
@Immutable
public record ChildContent<T>(String childId, T value, boolean erased) {

    /** {@code value} about {@code childId}, or null when there is no value (an empty column). */
    public static <T> ChildContent<T> of(String childId, T value) {
        return value == null ? null : new ChildContent<>(Objects.requireNonNull(childId, "childId"), value, false);
    }

    /** The value {@code content} holds, or null when there is none. */
    public static <T> T valueOf(ChildContent<T> content) {
        return content == null ? null : content.value();
    }

    @Override
    public String toString() {
        // neither the value nor the child (an NHS number) in anything that may be logged
        return "ChildContent[erased=" + erased + "]";
    }
}
