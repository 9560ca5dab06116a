package org.safeguarding.backbone.chronology.timeline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ActKindsTest {

    /** Where the chronology names the kind of each act it records (run from the module's directory, as Maven does). */
    private static final Path MADE_IN = Path.of("src/main/java/org/safeguarding/backbone/chronology/timeline/"
            + "integration/ChronologyEvent.java");

    @Test
    void theKindsAreEveryKindTheChronologyMakesOfARecord_noMoreNoFewer() throws IOException {
        String source = Files.readString(MADE_IN);
        Matcher made = Pattern.compile("new ChronologyEvent\\(\\s*e\\.getEnvelope\\(\\),\\s*\"(\\w+)\"")
                .matcher(source);
        Set<String> kinds = new TreeSet<>();
        while (made.find()) {
            kinds.add(made.group(1));
        }
        // every act is made the same way (a kind named anywhere else would escape this test)
        assertThat(Pattern.compile("new ChronologyEvent\\(").matcher(source).results().count())
                .isEqualTo(kinds.size());
        assertThat(kinds).hasSizeGreaterThan(40);
        assertThat(ActKinds.ALL).containsExactlyElementsOf(kinds);
    }

    @Test
    void aNameThatIsNotAKindIsRefused_namingItAndTheField() {
        ActKinds.require("kind", List.of("InformationShared", "PatternDetected"));
        assertThatThrownBy(() -> ActKinds.require("kind", List.of("InformationShared", "informationShared")))
                .isInstanceOfSatisfying(ActKinds.UnknownKind.class, refused -> {
                    assertThat(refused.type()).isEqualTo("unknown-kind-of-act");
                    assertThat(refused.field()).isEqualTo("kind");
                    assertThat(refused.getMessage()).contains("'informationShared'");
                });
    }
}
