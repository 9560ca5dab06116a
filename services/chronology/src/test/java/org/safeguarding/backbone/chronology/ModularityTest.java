package org.safeguarding.backbone.chronology;

import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.architecture.ArchitectureRules;

/** The shape of this service, checked (ArchitectureRules): one way in per role, decisions free of HTTP. */
class ModularityTest {

    @Test
    void theServiceKeepsItsShape() {
        ArchitectureRules.check("chronology");
    }
}
