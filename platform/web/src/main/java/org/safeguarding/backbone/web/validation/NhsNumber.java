package org.safeguarding.backbone.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A child's NHS number: ten digits whose last is the modulus 11 check digit of the first nine. Test data uses the
 * 999 range, which is never issued to a real person.
 */
@Documented
@Constraint(validatedBy = NhsNumberValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NhsNumber {

    String message() default "must be a valid NHS number: 10 digits with a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
