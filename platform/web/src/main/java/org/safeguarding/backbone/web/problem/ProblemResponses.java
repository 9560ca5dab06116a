package org.safeguarding.backbone.web.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details, the one shape of every error this backbone returns over HTTP. Each kind of problem has
 * a stable type URI, so an agency system can act on the type rather than parse the text.
 */
public class ProblemResponses {

    /** How long a caller is asked to wait before sending a request again after a 503 (a dependency down). */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Why a request Spring Security's firewall refused was refused. Its own reason can quote the body (a form body's
     * first "parameter" is the JSON sent), so it is neither repeated nor logged.
     */
    public static final String REQUEST_REJECTED = "The request was refused before it was read: its path, parameters "
            + "or form body hold a character or name the backbone does not accept. Commands take a JSON body "
            + "(Content-Type: application/json); nothing was done.";

    private static final String TYPE_PREFIX = "urn:safeguarding-backbone:problem:";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }

    public static URI type(String type) {
        return URI.create(TYPE_PREFIX + type);
    }

    /**
     * The title of a problem type, read from the type itself ({@code request-to-self}: "Request to self"), so that each
     * type has its own summary (RFC 9457: the same for every occurrence of the type), not the status's reason phrase.
     */
    public static String titleOf(String type) {
        String words = type.replace('-', ' ')
                .replaceAll("\\burl\\b", "URL").replaceAll("\\bnhs\\b", "NHS");
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The problem type of an error known only by its status (a 404 for no such path, a 405, a 415, ...). */
    public static String typeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONTENT_TOO_LARGE -> "request-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> "http-" + status.value();
        };
    }

    /** For the places outside Spring MVC's exception handling (the security filter chain). */
    public void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                      Consumer<HttpServletResponse> headers) throws IOException {
        headers.accept(response);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem(status, type, title, detail)));
    }

    /** A request header or parameter at fault, outside Spring MVC: 400 {@code invalid-request} naming it. */
    public void writeInvalid(HttpServletResponse response, String field, String message) throws IOException {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
