package org.safeguarding.backbone.kernel.childkeys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component holding free text or personal data about a child (what was said, who was involved, why), stored
 * only sealed under the child's key ({@link Sealing}), so that erasing the key erases it (R18). Text only: a
 * {@code String}, or a list or map of them; records holding such text are followed into, and are not marked
 * themselves ({@link PersonalPaths}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Personal {
}
