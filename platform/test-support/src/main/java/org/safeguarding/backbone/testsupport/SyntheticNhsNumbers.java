package org.safeguarding.backbone.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic NHS numbers for tests and benchmarks: the 999 range, never issued to a person, each with a valid check
 * digit (modulus 11). Worked out here, not with the backbone's own check (platform/web), which the launcher's tests
 * do not have; every test posting these numbers has them checked by it (a wrong digit would be a 400).
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
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? null : digits + check;
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
