package org.safeguarding.backbone.web.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

class RequestedCorrelationTest {

    @Test
    void noHeader_orABlankOne_namesNoConversation() {
        assertThat(RequestedCorrelation.fromHeader(null).id()).isNull();
        assertThat(RequestedCorrelation.fromHeader("  ").id()).isNull();
    }

    @Test
    void anIdIsTakenAsSent() {
        assertThat(RequestedCorrelation.fromHeader("case-conference:42_b.7").id()).isEqualTo("case-conference:42_b.7");
        assertThat(RequestedCorrelation.fromHeader("x".repeat(100)).id()).hasSize(100);
    }

    @Test
    void aHeaderThatIsNotAnId_isRefusedAsInvalid_namingTheHeader() {
        for (String bad : new String[] {"x".repeat(101), "two words", "semi;colon", "ünïcode"}) {
            assertThatThrownBy(() -> RequestedCorrelation.fromHeader(bad)).as(bad)
                    .isInstanceOf(Invalid.class)
                    .satisfies(e -> {
                        RuleViolation violation = (RuleViolation) e;
                        assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
                        assertThat(violation.field()).isEqualTo("X-Correlation-Id");
                        assertThat(violation.type()).isEqualTo("invalid-request");
                    });
        }
    }
}
