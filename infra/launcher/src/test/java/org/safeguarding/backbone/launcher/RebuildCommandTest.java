package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RebuildCommandTest {

    private static final String PROGRESS = """
            {"projection":"chronology","stage":"READING","done":1234,"total":5678,"skipped":2,"perSecond":2345.5,\
            "secondsLeft":2,"startedAt":"2026-11-25T18:00:00Z","endedAt":null,"problem":null}""";

    @Test
    void progressIsOneLine_doneOfTotal_rate_timeLeft() {
        assertThat(RebuildCommand.line(PROGRESS))
                .isEqualTo("  READING     1234 / 5678 records (21%), 2345.5/s, about 2 s left");
        assertThat(RebuildCommand.field(PROGRESS, "endedAt")).isNull();
        assertThat(RebuildCommand.field("{\"problem\": \"the broker is down\", \"done\": 3}", "problem"))
                .isEqualTo("the broker is down");
    }

    @Test
    void aProjectionThatIsNotThereIsNamedInTheError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RebuildCommand.run(new String[] {"rebuild", "everything"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("one of [chronology, consultation-view, decision-view, "
                + "feedback-view, request-view, review-view, share-view, transfer-view]");
    }

    @Test
    void aServiceNotRunningIsSaidSo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RebuildCommand.run(new String[] {"rebuild", "chronology", "--url=http://127.0.0.1:1"},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Could not reach the chronology service");
    }
}
