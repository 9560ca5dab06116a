package org.safeguarding.backbone.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the NHS-number check (issue 12), over every nine-digit start rather than a few examples: it
 * catches every single wrong digit and every swap of two neighbouring digits, the two mistakes people make copying a
 * number, so a child is never filed under another child's number for want of a check.
 */
class NhsNumberPropertiesTest {

    @Provide
    Arbitrary<String> nineDigits() {
        return Arbitraries.strings().numeric().ofLength(9);
    }

    /** A valid number: nine digits and the one digit that completes them (a start whose check would be 10 has none). */
    @Provide
    Arbitrary<String> validNumbers() {
        return nineDigits().map(start -> "0123456789".chars().mapToObj(d -> start + (char) d)
                .filter(NhsNumberValidator::isValid).findFirst().orElse(null)).filter(number -> number != null);
    }

    @Property(tries = 2000)
    void everyStartHasAtMostOneCheckDigit(@ForAll("nineDigits") String start) {
        long valid = "0123456789".chars().filter(d -> NhsNumberValidator.isValid(start + (char) d)).count();
        assertThat(valid).isLessThanOrEqualTo(1);
    }

    @Property(tries = 2000)
    void oneWrongDigitIsAlwaysCaught(@ForAll("validNumbers") String number, @ForAll @IntRange(max = 9) int position,
                                     @ForAll @IntRange(min = 1, max = 9) int shift) {
        assertThat(NhsNumberValidator.isValid(number)).isTrue();
        char wrong = (char) ('0' + (number.charAt(position) - '0' + shift) % 10);
        String mistyped = number.substring(0, position) + wrong + number.substring(position + 1);

        assertThat(NhsNumberValidator.isValid(mistyped)).as(mistyped).isFalse();
    }

    @Property(tries = 2000)
    void twoNeighboursSwappedAreAlwaysCaught(@ForAll("validNumbers") String number,
                                             @ForAll @IntRange(max = 8) int position) {
        Assume.that(number.charAt(position) != number.charAt(position + 1));
        String swapped = number.substring(0, position) + number.charAt(position + 1) + number.charAt(position)
                + number.substring(position + 2);

        assertThat(NhsNumberValidator.isValid(swapped)).as(swapped).isFalse();
    }

    @Property(tries = 1000)
    void anythingButTenDigitsIsRefused(@ForAll String anything) {
        Assume.that(!anything.matches("\\d{10}"));
        assertThat(NhsNumberValidator.isValid(anything)).isFalse();
    }
}
