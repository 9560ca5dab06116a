package org.safeguarding.backbone.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.web.validation.NhsNumberValidator;

/**
 * Synthetic NHS numbers for tests and benchmarks: the 999 range, never issued to a person, each with a valid check
 * digit, as the backbone's own check ({@link NhsNumberValidator}) requires.
 */
public final class SyntheticNhsNumbers {

    private SyntheticNhsNumbers() {
    }

    /** The number whose first nine digits are {@code firstNine}, or null where no check digit fits (it would be 10). */
    public static String of(long firstNine) {
        String digits = Long.toString(firstNine);
        if (digits.length() != 9 || !digits.startsWith("999")) {
            throw new IllegalArgumentException("the first nine digits of a synthetic NHS number (999...), not "
                    + digits);
        }
        for (char check = '0'; check <= '9'; check++) {
            if (NhsNumberValidator.isValid(digits + check)) {
                return digits + check;
            }
        }
        return null;
    }

    /** The first {@code count} numbers whose first nine digits are {@code firstNine} or after it. */
    public static List<String> from(long firstNine, int count) {
        List<String> numbers = new ArrayList<>(count);
        for (long nine = firstNine; numbers.size() < count; nine++) {
            String number = of(nine);
            if (number != null) {
                numbers.add(number);
            }
        }
        return numbers;
    }
}
