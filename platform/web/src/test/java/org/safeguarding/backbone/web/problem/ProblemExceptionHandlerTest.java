package org.safeguarding.backbone.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

class ProblemExceptionHandlerTest {

    @Test
    void anUnexpectedError_isA500Problem_withAnIncidentId_andNoInternals() {
        ResponseEntity<ProblemDetail> response = new ProblemExceptionHandler()
                .unexpected(new IllegalStateException("value too long for column \"content_json\""));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getType().toString()).isEqualTo("urn:safeguarding-backbone:problem:internal-error");
        assertThat(problem.getProperties()).containsKey("incident");
        assertThat(problem.getDetail()).contains(problem.getProperties().get("incident").toString())
                .doesNotContain("content_json");
    }

    @Test
    void aParameterOfTheWrongType_saysWhatItTakes_withAnExample() throws Exception {
        MethodParameter asKnownAt = new MethodParameter(Parameters.class.getDeclaredMethod("read", Instant.class,
                int.class, HttpStatus.class), 0);
        ResponseEntity<Object> response = new ProblemExceptionHandler().handleTypeMismatch(
                new MethodArgumentTypeMismatchException("yesterday", Instant.class, "asKnownAt", asKnownAt, null),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getType().toString()).isEqualTo("urn:safeguarding-backbone:problem:invalid-request");
        assertThat(problem.getProperties().get("errors").toString()).contains("field=asKnownAt",
                "'yesterday' is not an instant: a date and time in UTC, such as 2026-11-27T09:30:00Z");

        assertThat(ProblemExceptionHandler.expected(LocalDate.class)).isEqualTo("a date, such as 2026-11-27");
        assertThat(ProblemExceptionHandler.expected(int.class)).isEqualTo("a whole number");
        assertThat(ProblemExceptionHandler.expected(HttpStatus.Series.class))
                .isEqualTo("one of [INFORMATIONAL, SUCCESSFUL, REDIRECTION, CLIENT_ERROR, SERVER_ERROR]");
    }

    /** A controller's parameters, for the exceptions above to name. */
    interface Parameters {
        void read(Instant asKnownAt, int limit, HttpStatus status);
    }

    @Test
    void errorsKnownOnlyByTheirStatus_haveAProblemTypeToo() {
        assertThat(ProblemResponses.typeOf(HttpStatus.NOT_FOUND)).isEqualTo("not-found");
        assertThat(ProblemResponses.typeOf(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("method-not-allowed");
        assertThat(ProblemResponses.typeOf(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .isEqualTo("unsupported-media-type");
        assertThat(ProblemResponses.typeOf(HttpStatus.CONTENT_TOO_LARGE)).isEqualTo("request-too-large");
        assertThat(ProblemResponses.typeOf(HttpStatus.I_AM_A_TEAPOT)).isEqualTo("http-418");
    }
}
