package org.safeguarding.backbone.kernel.plainlanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlainLanguageCheckerTest {

    private final PlainLanguageChecker checker = PlainLanguageChecker.fromGlossary(
            getClass().getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary",
            Set.of("NHS", "GP"));

    @Test
    void glossaryTermsAreFlaggedWithPlainWording() {
        assertThat(checker.check("purpose", "Referral to MASH after a DV incident; NFA by police"))
                .containsExactly(
                        new PlainLanguageWarning("purpose", "MASH", "multi-agency safeguarding hub"),
                        new PlainLanguageWarning("purpose", "DV", "domestic violence"),
                        new PlainLanguageWarning("purpose", "NFA", "no further action"));
    }

    @Test
    void unknownAcronymsAreFlaggedWithoutASuggestion_commonOnesAreNot() {
        assertThat(checker.check("statements[0].text", "Seen by the GP and the NHS walk-in centre; XYZ team informed"))
                .containsExactly(new PlainLanguageWarning("statements[0].text", "XYZ", null));
    }

    @Test
    void lowerCaseTermsMatchInAnyCase_capitalTermsOfLettersOnlyInCapitals() {
        assertThat(checker.check("purpose", "Strat held today")).extracting(PlainLanguageWarning::term)
                .containsExactly("Strat");
        assertThat(checker.check("purpose", "a pa system; the cp was broken; a pinch of salt")).isEmpty();
    }

    @Test
    void statutoryReferencesMatchInAnyCase_andHyphenatedTermsWhole() {
        // feedback as practitioners write it (issue 9): none of it was checked, and "s47" was not flagged
        assertThat(checker.check("outcome", "s47 enquiry started, CP-IS flag set, ICPC booked"))
                .containsExactly(
                        new PlainLanguageWarning("outcome", "s47", "section 47 enquiry (a child protection investigation)"),
                        new PlainLanguageWarning("outcome", "CP-IS", "child protection information sharing (the NHS "
                                + "flag that a child has a child protection plan or is looked after)"),
                        new PlainLanguageWarning("outcome", "ICPC", "initial child protection conference"));
        assertThat(checker.check("outcome", "Support under S17, then s20 agreed")).extracting(PlainLanguageWarning::term)
                .containsExactly("S17", "s20");
        assertThat(checker.check("outcome", "a CP-plan and a multi-agency meeting"))
                .extracting(PlainLanguageWarning::term).containsExactly("CP");
    }

    @Test
    void theShippedGlossaryHasTheTermsPractitionersUse() {
        for (String term : List.of("s17", "s20", "s47", "CP", "CIN", "ICPC", "RCPC", "MASH", "LADO", "EHCP", "CP-IS")) {
            assertThat(checker.check("text", "Noted: " + term + ".")).as(term).singleElement()
                    .satisfies(warning -> assertThat(warning.suggestion()).as(term).isNotBlank());
        }
    }

    @Test
    void plainTextHasNoWarnings_andATermIsReportedOnce() {
        assertThat(checker.check("purpose", "The child said they are frightened at home")).isEmpty();
        assertThat(checker.check("purpose", "CP plan; CP conference")).hasSize(1);
    }

    @Test
    void severalFieldsAreCheckedEachNamed() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("purpose", "Concern raised with the DSL");
        fields.put("childVoice.whatTheChildSaid", "I don't want to go home");
        assertThat(checker.check(fields)).containsExactly(
                new PlainLanguageWarning("purpose", "DSL", "designated safeguarding lead"));
    }

    @Test
    void aBrokenGlossaryLineIsAnErrorNamingIt() {
        assertThatThrownBy(() -> PlainLanguageChecker.fromGlossary(new ByteArrayInputStream(
                "term,plain\nMASH\n".getBytes(StandardCharsets.UTF_8)), "test.csv", Set.of()))
                .hasMessageContaining("test.csv line 2");
    }
}
