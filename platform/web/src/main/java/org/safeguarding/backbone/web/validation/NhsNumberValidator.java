package org.safeguarding.backbone.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NhsNumber}; null is left to {@code @NotNull}/{@code @NotBlank}. */
public class NhsNumberValidator implements ConstraintValidator<NhsNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValid(value);
    }

    /** Ten digits, no spaces; the check digit is 11 minus the weighted sum (weights 10..2) modulo 11. */
    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (value.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == value.charAt(9) - '0';
    }
}
