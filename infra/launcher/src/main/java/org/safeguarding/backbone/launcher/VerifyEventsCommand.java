package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run verify-events [SERVICE]}: asks each running service (or the one named) to check its event store's
 * chain and signed checkpoints ({@code GET /operator/event-chain}), and prints one line each: intact, with how many
 * events and checkpoints were checked, or the first broken link and what was wrong with it. Exit code 0 when every
 * store is intact, 1 when a link is broken, 3 when a service could not be asked. Calls as an operator, as
 * {@link RebuildCommand} does.
 */
final class VerifyEventsCommand {

    /** The services with an event store, by their local address. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("referrals", "http://127.0.0.1:8081");
        SERVICES.put("feedback", "http://127.0.0.1:8082");
        SERVICES.put("transitions", "http://127.0.0.1:8083");
        SERVICES.put("chronology", "http://127.0.0.1:8084");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private VerifyEventsCommand() {
    }

    /** Runs the command; returns the process's exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        OperatorCall call = OperatorCall.of(args);
        if (call.unknown() != null) {
            err.println("unknown option " + call.unknown() + " (try --help)");
            return 2;
        }
        String service = call.subject();
        String url = call.url();
        if (service != null && !SERVICES.containsKey(service)) {
            err.println("No service " + service + ": one of " + SERVICES.keySet() + ", or none for all of them");
            return 2;
        }
        if (url != null && service == null) {
            err.println("With --url, name the service it is (e.g. ./run verify-events referrals --url=https://...)");
            return 2;
        }
        String authorization = call.authorization();
        List<String> services = service == null ? new ArrayList<>(SERVICES.keySet()) : List.of(service);
        int exit = 0;
        for (String name : services) {
            String address = (url != null ? url : SERVICES.get(name)) + "/operator/event-chain";
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(address))
                                .header("Authorization", authorization).timeout(Duration.ofMinutes(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    err.println(name + ": not checked (" + answer.statusCode() + "): "
                            + RebuildCommand.field(answer.body(), "detail"));
                    exit = Math.max(exit, 3);
                    continue;
                }
                out.println(name + ": " + line(answer.body()));
                if (!"true".equals(RebuildCommand.field(answer.body(), "intact"))) {
                    exit = exit == 3 ? 3 : 1;
                }
            } catch (IOException e) {
                err.println(name + ": not checked: could not reach it at " + address + " (is ./run going?): "
                        + e.getMessage());
                exit = Math.max(exit, 3);
            }
        }
        return exit;
    }

    /** "intact: 1234 events, 5 signed checkpoints" or "BROKEN: 2 links did not hold (...); the first ...". */
    static String line(String report) {
        String counted = RebuildCommand.field(report, "events") + " events, "
                + RebuildCommand.field(report, "checkpoints") + " signed checkpoints";
        if ("true".equals(RebuildCommand.field(report, "intact"))) {
            return "intact: " + counted;
        }
        // the first broken link is the one object in the report: read its fields from it alone
        int at = report.indexOf("\"firstBroken\"");
        String first = at < 0 ? ""
                : report.substring(at + "\"firstBroken\"".length()).replaceFirst("^\\s*:\\s*\\{", "");
        String index = RebuildCommand.field(first, "globalIndex");
        String aggregate = RebuildCommand.field(first, "aggregateId");
        return "BROKEN: " + RebuildCommand.field(report, "broken") + " links did not hold (" + counted
                + " checked); the first" + (index == null || "-1".equals(index) ? "" : " is event " + index)
                + (aggregate == null ? "" : " (aggregate " + aggregate + ", sequence "
                        + RebuildCommand.field(first, "sequence") + ")")
                + ": " + RebuildCommand.field(first, "problem");
    }
}
