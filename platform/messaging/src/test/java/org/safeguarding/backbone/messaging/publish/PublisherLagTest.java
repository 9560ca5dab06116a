package org.safeguarding.backbone.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PublisherLagTest {

    @Test
    void behindIsTheHeadLessTheFurthestBehindSegment() {
        assertThat(PublisherLag.behind(OptionalLong.of(120), List.of(OptionalLong.of(100), OptionalLong.of(115))))
                .isEqualTo(20);
        assertThat(PublisherLag.behind(OptionalLong.of(120), List.of(OptionalLong.of(120)))).isZero();
    }

    @Test
    void aPositionNotYetKnown_isNotReportedAsCaughtUp() {
        assertThat(PublisherLag.behind(OptionalLong.of(120), List.of())).isNaN();
        assertThat(PublisherLag.behind(OptionalLong.of(120), List.of(OptionalLong.empty()))).isNaN();
        assertThat(PublisherLag.behind(OptionalLong.empty(), List.of(OptionalLong.of(3)))).isNaN();
    }
}
