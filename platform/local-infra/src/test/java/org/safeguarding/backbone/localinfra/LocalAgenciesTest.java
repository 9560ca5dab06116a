package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalAgenciesTest {

    private static ByteArrayInputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theAgencyIdsAreTheKeysUnderBackboneSecurityAgencies() {
        assertThat(LocalAgencies.ids(yaml("""
                backbone:
                  security:
                    agencies:
                      school-a: {kind: SCHOOL, area: area-a}
                      gp-a: {kind: GP, area: area-a}
                """))).containsExactly("school-a", "gp-a");
        assertThatThrownBy(() -> LocalAgencies.ids(yaml("backbone: {}")))
                .hasMessageContaining("backbone.security.agencies");
    }

    @Test
    void theRepositorysFileNamesTheLocalAgencies() {
        Path repoRoot = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        assertThat(LocalAgencies.fromRepository(repoRoot)).contains("school-a", "csc-a", "partnership-a");
    }
}
