package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run rebuild <projection>}: asks the running service that holds the projection to rebuild it from the log,
 * and prints its progress (records done of the total, the rate, the time left) until it is done. The service goes on
 * answering reads meanwhile. Calls as an operator: locally the development operator of the local profile (or
 * {@code --operator=NAME:SECRET}); elsewhere {@code --url=} and {@code --token=}, an operator's token from the
 * identity provider.
 */
final class RebuildCommand {

    /** The projections there are, and the service (by its local address) that holds each. */
    static final Map<String, String> PROJECTIONS = Map.of(
            "chronology", "http://127.0.0.1:8084", "review-view", "http://127.0.0.1:8084",
            "share-view", "http://127.0.0.1:8081", "request-view", "http://127.0.0.1:8081",
            "decision-view", "http://127.0.0.1:8081", "feedback-view", "http://127.0.0.1:8082",
            "transfer-view", "http://127.0.0.1:8083", "consultation-view", "http://127.0.0.1:8083");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RebuildCommand() {
    }

    /** Runs the command; returns the process's exit code (0: rebuilt). */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        OperatorCall call = OperatorCall.of(args);
        if (call.unknown() != null) {
            err.println("unknown option " + call.unknown() + " (try --help)");
            return 2;
        }
        String projection = call.subject();
        if (projection == null || !PROJECTIONS.containsKey(projection)) {
            err.println("Name the projection to rebuild: one of " + new TreeSet<>(PROJECTIONS.keySet()) + ", e.g. ./run rebuild "
                    + "chronology");
            return 2;
        }
        String address = (call.url() == null ? PROJECTIONS.get(projection) : call.url()) + "/operator/rebuilds/"
                + projection;
        String authorization = call.authorization();
        try {
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(address))
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                err.println("The rebuild was not started (" + started.statusCode() + "): "
                        + field(started.body(), "detail"));
                return 1;
            }
            out.println("Rebuilding the " + projection + " from the log; it goes on answering reads meanwhile.");
            while (true) {
                Thread.sleep(1000);
                HttpResponse<String> now = HTTP.send(HttpRequest.newBuilder(URI.create(address))
                        .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
                String body = now.body();
                String stage = field(body, "stage");
                out.println(line(body));
                if ("DONE".equals(stage)) {
                    out.println("Rebuilt: " + field(body, "done") + " records or events read from the log, "
                            + field(body, "skipped") + " of them not acts (refused when they first came).");
                    return 0;
                }
                if ("FAILED".equals(stage)) {
                    err.println("The rebuild failed: " + field(body, "problem") + ". The live " + projection
                            + " is as it was.");
                    return 1;
                }
            }
        } catch (IOException e) {
            err.println("Could not reach the " + projection + " service at " + address + " (is ./run going?): "
                    + e.getMessage());
            return 1;
        }
    }

    /** One line of progress: "READING 1234 / 5678 records (21%), 2345.0/s, about 2 s left". */
    static String line(String progress) {
        long done = Long.parseLong(field(progress, "done"));
        long total = Long.parseLong(field(progress, "total"));
        String left = field(progress, "secondsLeft");
        return String.format("  %-11s %d / %d records (%d%%), %s/s%s", field(progress, "stage"), done, total,
                total == 0 ? 100 : done * 100 / total, field(progress, "perSecond"),
                left == null ? "" : ", about " + left + " s left");
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\s]+)");

    /** A top-level field of the service's flat JSON answer, as text; null when absent or null. */
    static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json == null ? "" : json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
                return "null".equals(matcher.group(2)) ? null : value;
            }
        }
        return null;
    }
}
