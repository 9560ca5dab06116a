package org.safeguarding.backbone.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
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

    @Test
    void aRuleRefused_isTitledByItsOwnType_notByTheStatusAlone() {
        ResponseEntity<ProblemDetail> refused = new ProblemExceptionHandler().ruleViolation(
                new Invalid("request-to-self", "An agency cannot request information from itself.", "holderAgency"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().getTitle()).isEqualTo("Request to self");
        assertThat(refused.getBody().getType().toString())
                .isEqualTo("urn:safeguarding-backbone:problem:request-to-self");
        assertThat(ProblemResponses.titleOf("webhook-url-not-accepted")).isEqualTo("Webhook URL not accepted");
        assertThat(ProblemResponses.titleOf("feedback-challenge-not-open")).isEqualTo("Feedback challenge not open");
    }

    enum Answer { AGREE, CONCERN }

    record AnswerBody(Answer answer, LocalDate movedOn) {
    }

    /** A body Jackson cannot read as {@code type}, as Spring MVC reports it. */
    private static HttpMessageNotReadableException unreadable(String body) {
        try {
            JsonMapper.builder().build().readValue(body, AnswerBody.class);
            throw new AssertionError("read: " + body);
        } catch (JacksonException e) {
            return new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(new byte[0]));
        }
    }

    @Test
    void aBodyValueOutsideItsList_orNotADate_saysWhatTheFieldTakes() {
        ProblemExceptionHandler handler = new ProblemExceptionHandler();
        ProblemDetail answer = (ProblemDetail) handler.handleHttpMessageNotReadable(unreadable(
                "{\"answer\": \"MAYBE\"}"), new HttpHeaders(), HttpStatus.BAD_REQUEST, null).getBody();
        assertThat(answer.getType().toString()).isEqualTo("urn:safeguarding-backbone:problem:malformed-request");
        assertThat(answer.getDetail()).isEqualTo("The request body's 'answer' takes one of [AGREE, CONCERN], not "
                + "'MAYBE'.");
        assertThat(answer.getProperties().get("errors").toString()).contains("field=answer",
                "message='MAYBE' is not one of [AGREE, CONCERN]");

        ProblemDetail date = (ProblemDetail) handler.handleHttpMessageNotReadable(unreadable(
                "{\"movedOn\": \"27/11/2026\"}"), new HttpHeaders(), HttpStatus.BAD_REQUEST, null).getBody();
        assertThat(date.getDetail()).isEqualTo("The request body's 'movedOn' takes a date, such as 2026-11-27, not "
                + "'27/11/2026'.");

        ProblemDetail number = (ProblemDetail) handler.handleHttpMessageNotReadable(unreadable(
                "{\"answer\": [1]}"), new HttpHeaders(), HttpStatus.BAD_REQUEST, null).getBody();
        assertThat(number.getDetail()).isEqualTo("The request body has a value of the wrong type or format at "
                + "'answer'.");
    }
}
