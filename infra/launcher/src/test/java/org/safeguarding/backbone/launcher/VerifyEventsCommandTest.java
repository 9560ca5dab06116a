package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyEventsCommandTest {

    @Test
    void anIntactStore_andABrokenOne_areOneLineEach() {
        assertThat(VerifyEventsCommand.line("""
                {"intact":true,"events":1234,"checkpoints":5,"broken":0,"firstBroken":null,\
                "checkedAt":"2026-11-26T09:00:00Z"}"""))
                .isEqualTo("intact: 1234 events, 5 signed checkpoints");
        assertThat(VerifyEventsCommand.line("""
                {"intact":false,"events":1234,"checkpoints":5,"broken":2,"firstBroken":{"globalIndex":17,\
                "eventId":"e-17","aggregateId":"share-1","sequence":0,"problem":"its stored form no longer gives \
                its link: it, or its link, was changed"},"checkedAt":"2026-11-26T09:00:00Z"}"""))
                .isEqualTo("BROKEN: 2 links did not hold (1234 events, 5 signed checkpoints checked); the first is event 17 "
                        + "(aggregate share-1, sequence 0): its stored form no longer gives its link: it, or its "
                        + "link, was changed");
    }

    @Test
    void aServiceThatIsNotThere_orAUrlWithoutItsService_isAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(run(errors, "verify-events", "everything")).isEqualTo(2);
        assertThat(run(errors, "verify-events", "--url=http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("one of [referrals, feedback, transitions, chronology]").contains("name the service");
    }

    @Test
    void aServiceNotRunning_isSaidSo_withItsOwnExitCode() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(new PrintStream(err, true, StandardCharsets.UTF_8), "verify-events", "chronology",
                "--url=http://127.0.0.1:1");
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("chronology: not checked: could not reach it");
    }

    private static int run(PrintStream err, String... args) {
        try {
            return VerifyEventsCommand.run(args, System.out, err);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
