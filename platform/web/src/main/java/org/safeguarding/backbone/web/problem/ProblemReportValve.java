package org.safeguarding.backbone.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report (a request it refuses before any application code runs, such as an encoded slash in the
 * path) as an RFC 9457 problem of the project's kind, instead of Tomcat's HTML page. Nothing of the server is told.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String type = ProblemResponses.type(status == null ? "http-" + code : ProblemResponses.typeOf(status))
                .toString();
        String title = status == null ? "Error " + code : status.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + code
                        + ",\"detail\":\"The request was refused before the backbone could read it.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone, or the response was committed meanwhile: nothing more to say
        }
    }
}
