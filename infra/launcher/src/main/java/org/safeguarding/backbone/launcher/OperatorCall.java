package org.safeguarding.backbone.launcher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How a command calls a service as an operator, from its options: {@code --operator=NAME:SECRET} (locally, the
 * development operator by default), or {@code --token=TOKEN} (an operator's token from the identity provider), and
 * {@code --url=URL} for a service elsewhere; then the command's name and at most one argument.
 *
 * @param arguments what is left once the options are read (the command's name first)
 * @param unknown   the first option not known, or an argument too many; null when there is none
 */
record OperatorCall(String authorization, String url, List<String> arguments, String unknown) {

    /** Reads {@code args} (the command's name first). */
    static OperatorCall of(String[] args) {
        String operator = "operator:dev-only-operator";
        String token = null;
        String url = null;
        String unknown = null;
        List<String> arguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--operator=")) {
                operator = arg.substring("--operator=".length());
            } else if (arg.startsWith("--token=")) {
                token = arg.substring("--token=".length());
            } else if (arg.startsWith("--url=")) {
                url = arg.substring("--url=".length());
            } else if (arg.startsWith("--")) {
                unknown = unknown == null ? arg : unknown;
            } else {
                arguments.add(arg);
            }
        }
        if (unknown == null && arguments.size() > 2) {
            unknown = arguments.get(2);
        }
        String authorization = token != null ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString(operator.getBytes(StandardCharsets.UTF_8));
        return new OperatorCall(authorization, url, List.copyOf(arguments), unknown);
    }

    /** The argument after the command's name, or null. */
    String subject() {
        return arguments.size() > 1 ? arguments.get(1) : null;
    }
}
