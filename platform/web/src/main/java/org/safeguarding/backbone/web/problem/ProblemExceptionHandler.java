package org.safeguarding.backbone.web.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.web.input.RequestTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem response that says what was wrong and, for bad input, which field:
 * {@code errors: [{field, message}]}. Spring's own exceptions (unsupported media type, wrong method, no such path, ...)
 * keep their status and get the project's problem type too; anything unexpected is a 500 problem with an incident id
 * that is logged with the cause, never a bare error page.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(fieldError(error.getField(), error.getDefaultMessage())));
            } else {
                String name = parameterName(result);
                result.getResolvableErrors().forEach(error -> errors.add(fieldError(name, error.getDefaultMessage())));
            }
        });
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLarge tooLarge = causeOfType(ex, RequestTooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemResponses.problem(
                    HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large", tooLarge.getMessage()));
        }
        UnrecognizedPropertyException unknown = causeOfType(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String field = path(unknown);
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "unknown-field",
                    "Unknown field", "The request has a field this endpoint does not know: '" + field
                            + "'. Check its spelling; nothing was recorded.");
            problem.setProperty("errors", List.of(fieldError(field, "is not a field of this request")));
            return ResponseEntity.badRequest().body(problem);
        }
        String field = null;
        String message = "wrong type or format";
        String detail = "The request body is not valid JSON for this endpoint.";
        DatabindException databind = causeOfType(ex, DatabindException.class);
        JacksonException jackson = causeOfType(ex, JacksonException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            field = path(databind);
            detail = "The request body has a value of the wrong type or format at '" + field + "'.";
            if (databind instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && (invalid.getTargetType().isEnum() || invalid.getTargetType() == Instant.class
                    || invalid.getTargetType() == LocalDate.class)) {
                // what the field takes, as for a query parameter: the values of a closed list, a date's format
                String takes = expected(invalid.getTargetType());
                message = "'" + invalid.getValue() + "' is not " + takes;
                detail = "The request body's '" + field + "' takes " + takes + ", not '" + invalid.getValue() + "'.";
            }
        } else if (jackson != null) {
            detail = "The request body is not well-formed JSON: " + jackson.getOriginalMessage();
        }
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", detail);
        if (field != null) {
            problem.setProperty("errors", List.of(fieldError(field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName()
                : ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : "parameter";
        return invalid(new ArrayList<>(List.of(fieldError(field, "'" + ex.getValue() + "' is not "
                + expected(ex.getRequiredType())))));
    }

    /** What a parameter of this type takes, in words an agency's developer can act on, with an example. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of the type this parameter takes";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Instant.class) {
            return "an instant: a date and time in UTC, such as 2026-11-27T09:30:00Z";
        }
        if (type == LocalDate.class) {
            return "a date, such as 2026-11-27";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        HttpStatus status = statusOf(violation.kind());
        ProblemDetail problem = ProblemResponses.problem(status, violation.type(),
                ProblemResponses.titleOf(violation.type()), violation.getMessage());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(fieldError(violation.field(), violation.getMessage())));
        }
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * Spring Security's firewall refused what the request holds once it was read (a form body where JSON is taken
     * is read as parameters, and a parameter may not be named like that): 400, as when it refuses a path.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected) {
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "request-rejected",
                "Request rejected", ProblemResponses.REQUEST_REJECTED));
    }

    /**
     * Anything the handlers above did not expect: a 500 problem naming an incident id, with the cause logged under
     * it. The caller learns nothing of the internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        String incident = UUID.randomUUID().toString();
        if (Outages.isOutage(exception)) {
            return unavailable(incident, exception);
        }
        LOG.error("incident {}: an unexpected error answered with 500", incident, exception);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The backbone could not complete this request (incident " + incident
                        + "). Quote the incident to the backbone's operators.");
        problem.setProperty("incident", incident);
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * Something the backbone depends on (its database, the broker, the registry) is unreachable or busy: 503 with
     * {@code Retry-After}. A change asked for was not recorded (the transaction rolled back), so sending the same
     * request again is safe, and with the same {@code Idempotency-Key} too (a refused request is not kept).
     */
    private ResponseEntity<ProblemDetail> unavailable(String incident, Exception exception) {
        LOG.warn("incident {}: answered 503, a dependency is unavailable: {}", incident, Outages.describe(exception));
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable", "The backbone cannot reach its store or its broker just now, so nothing "
                        + "was recorded by this request. Send it again in a few seconds (incident " + incident + ").");
        problem.setProperty("incident", incident);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemResponses.RETRY_AFTER_SECONDS)).body(problem);
    }

    /** Spring's own errors (404, 405, 406, 415, ...) carry the project's problem type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setType(ProblemResponses.type(status == null ? "http-" + statusCode.value()
                    : ProblemResponses.typeOf(status)));
        }
        return response;
    }

    /** How each kind of refusal is answered over HTTP. */
    static HttpStatus statusOf(RuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }

    private static ResponseEntity<Object> invalid(List<Map<String, Object>> errors) {
        errors.sort((a, b) -> String.valueOf(a.get("field")).compareTo(String.valueOf(b.get("field"))));
        String fields = String.join(", ", errors.stream().map(e -> String.valueOf(e.get("field"))).distinct().toList());
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request has invalid fields: " + fields + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A header or path variable is named as the client sent it, e.g. {@code X-Correlation-Id}. */
    private static String parameterName(ParameterValidationResult result) {
        RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return result.getMethodParameter().getParameterName();
    }

    private static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Jackson's path as a field path: {@code recipients[0].agency}. */
    private static String path(DatabindException exception) {
        StringBuilder path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
