package org.safeguarding.backbone.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberValidatorTest {

    /** Synthetic numbers in the 999 test range, each with its correct modulus 11 check digit. */
    @ParameterizedTest
    @ValueSource(strings = {"9990000018", "9990000026", "9990000034", "9990000042", "9990001200"})
    void acceptsTenDigitsWithTheRightCheckDigit(String nhsNumber) {
        assertThat(NhsNumberValidator.isValid(nhsNumber)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9990000019", "999000001", "99900000188", "999 000 0018", "999000001X", "", "9990000010"})
    void rejectsAWrongCheckDigitLengthOrCharacters(String nhsNumber) {
        assertThat(NhsNumberValidator.isValid(nhsNumber)).isFalse();
    }
}
