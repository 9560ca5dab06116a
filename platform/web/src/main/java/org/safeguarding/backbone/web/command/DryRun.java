package org.safeguarding.backbone.web.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code POST} endpoint that records nothing: it checks what a command would do (a draft share's problems and
 * warnings) and answers. Not a command, so it takes no {@code X-Correlation-Id} (ArchitectureRules).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DryRun {
}
