package org.safeguarding.backbone.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

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
    void errorsKnownOnlyByTheirStatus_haveAProblemTypeToo() {
        assertThat(ProblemResponses.typeOf(HttpStatus.NOT_FOUND)).isEqualTo("not-found");
        assertThat(ProblemResponses.typeOf(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("method-not-allowed");
        assertThat(ProblemResponses.typeOf(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .isEqualTo("unsupported-media-type");
        assertThat(ProblemResponses.typeOf(HttpStatus.CONTENT_TOO_LARGE)).isEqualTo("request-too-large");
        assertThat(ProblemResponses.typeOf(HttpStatus.I_AM_A_TEAPOT)).isEqualTo("http-418");
    }
}
