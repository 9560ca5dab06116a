package org.safeguarding.backbone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what (issue 7, R10), as one table per service: for every endpoint the service has, what each kind of
 * caller gets. Built against the service's own list of endpoints, so an endpoint added without a row fails the test
 * instead of escaping it. Each cell is made against fresh records, so one caller's act does not change another's.
 */
public final class AuthorizationMatrix {

    /** The kinds of caller every endpoint is tried with. */
    public enum Caller {
        /** The agency that made the record (the sender, the requester, the deciding agency). */
        MAKER("school-a"),
        /** The agency the record is addressed to (a recipient, the agency asked). */
        COUNTERPART("csc-a"),
        /** Involved with the same child through another act, not this one. */
        OTHER_INVOLVED("gp-a"),
        /**
         * Children's social care leading for the child (of the child's area, involved with it), party to no act on
         * the record: it reads every record about the child, and may act on none it is not party to.
         */
        LEAD_AGENCY("csc-b"),
        /** Never involved with the child. */
        UNINVOLVED("police-a"),
        /** A safeguarding partnership, with a review of the child open (where reviews grant anything). */
        REVIEWER("partnership-a"),
        /** The same partnership, calling under a review of the child that has expired. */
        EXPIRED_REVIEWER("partnership-a"),
        /** Someone who runs the backbone, not an agency: refused every call about a child (403), unless named. */
        OPERATOR("operator"),
        /** No credentials at all. */
        NOBODY(null);

        private final String agency;

        Caller(String agency) {
            this.agency = agency;
        }

        public String agency() {
            return agency;
        }
    }

    /** An endpoint's row: how to call it as a caller (on fresh records), and what each caller gets. */
    public record Row(Function<Caller, MockHttpServletRequestBuilder> request, Map<Caller, Integer> expected) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * A row: {@code endpoint} as {@code "GET /api/shares/{shareId}"}; {@code expected} as caller, status pairs; a
     * caller not named gets {@code others}; {@link Caller#NOBODY} always gets 401 and {@link Caller#OPERATOR} 403
     * unless named.
     */
    public AuthorizationMatrix row(String endpoint, Function<Caller, MockHttpServletRequestBuilder> request,
                                   int others, Object... expected) {
        Map<Caller, Integer> statuses = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            statuses.put(caller, caller == Caller.NOBODY ? 401 : caller == Caller.OPERATOR ? 403 : others);
        }
        for (int i = 0; i < expected.length; i += 2) {
            statuses.put((Caller) expected[i], (Integer) expected[i + 1]);
        }
        rows.put(endpoint, new Row(request, statuses));
        return this;
    }

    /** Every endpoint of the service has a row, and no row names an endpoint it does not have. */
    public void coversExactly(Collection<String> endpoints) {
        assertThat(new TreeSet<>(rows.keySet())).as("endpoints in the authorization matrix; add a row for each new "
                + "endpoint, saying who may call it").isEqualTo(new TreeSet<>(endpoints));
    }

    /** Calls every endpoint as every caller; reports every cell that differs, at once. */
    public void holds(MockMvc mvc) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Row> row : rows.entrySet()) {
            for (Caller caller : Caller.values()) {
                MockHttpServletRequestBuilder request = as(caller, row.getValue().request().apply(caller));
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                int expected = row.getValue().expected().get(caller);
                if (status != expected) {
                    wrong.add(row.getKey() + " as " + caller + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).as("cells of the authorization matrix that do not hold").isEmpty();
    }

    /** {@code request} with {@code caller}'s development credentials (none for {@link Caller#NOBODY}). */
    private static MockHttpServletRequestBuilder as(Caller caller, MockHttpServletRequestBuilder request) {
        return caller.agency() == null ? request : request.with(SecurityMockMvcRequestPostProcessors.httpBasic(
                caller.agency(), "dev-only-" + caller.agency()));
    }

    /** The callers tried first for an endpoint's hostile bodies: one it answers with success gets deepest. */
    private static final List<Caller> ALLOWED_FIRST = List.of(Caller.MAKER, Caller.COUNTERPART, Caller.LEAD_AGENCY,
            Caller.REVIEWER, Caller.OTHER_INVOLVED, Caller.UNINVOLVED, Caller.OPERATOR);

    /**
     * Every endpoint that takes a JSON body, sent {@code perEndpoint} hostile or broken variants of its valid body
     * ({@link HostileBodies}, from {@code seed}) by a caller it answers with success, against one fresh record: each
     * answer is a success or a problem ({@code application/problem+json} with its type), never a 5xx (issue 12).
     * Reports every input that was not, with how it was made, at once.
     *
     * @return how many inputs were sent
     */
    public int refusesHostileBodies(MockMvc mvc, long seed, int perEndpoint) throws Exception {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, Row> row : rows.entrySet()) {
            Caller caller = ALLOWED_FIRST.stream()
                    .filter(c -> row.getValue().expected().get(c) / 100 == 2).findFirst().orElse(null);
            if (caller == null) {
                continue;
            }
            MockHttpServletRequestBuilder request = row.getValue().request().apply(caller);
            MockHttpServletRequest valid = request.buildRequest(new MockServletContext());
            if (valid.getContentType() == null || !valid.getContentType().contains("json")) {
                continue;
            }
            as(caller, request);
            String body = new String(valid.getContentAsByteArray(), StandardCharsets.UTF_8);
            for (HostileBodies.Hostile input : HostileBodies.of(body,
                    seed ^ row.getKey().hashCode(), perEndpoint)) {
                MockHttpServletResponse answer = mvc.perform(request.contentType(input.contentType())
                        .content(input.body())).andReturn().getResponse();
                sent++;
                int status = answer.getStatus();
                String type = answer.getContentType();
                String text = answer.getContentAsString(StandardCharsets.UTF_8);
                boolean problem = type != null && type.startsWith("application/problem+json")
                        && text.contains("urn:safeguarding-backbone:problem:");
                if (status >= 500 || (status >= 400 && !problem)) {
                    wrong.add(row.getKey() + " as " + caller + ", " + input.made() + " (" + input.contentType()
                            + "): " + status + " " + type + " " + HostileBodies.abbreviated(text));
                }
            }
        }
        System.out.println("Hostile bodies: " + sent + " sent, " + perEndpoint + " an endpoint, seed " + seed
                + " (-Dfuzz.bodies, -Dfuzz.seed)");
        assertThat(wrong).as("hostile bodies not answered with a problem (seed " + seed + ")").isEmpty();
        return sent;
    }

    /**
     * The service's endpoints about children (the API, and pages for reviewers) as {@code "METHOD /path"} (and
     * {@code ?param} where one tells it apart), less those open to all (health, the API's description).
     */
    public static Set<String> endpointsOf(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            // an endpoint told apart by a parameter (GET .../chronology?asKnownAt) is an endpoint of its own
            String params = info.getParamsCondition().getExpressions().stream().map(Object::toString).sorted()
                    .reduce((a, b) -> a + "&" + b).map(p -> "?" + p).orElse("");
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/") || path.startsWith("/reviewer/")) {
                    info.getMethodsCondition().getMethods()
                            .forEach(verb -> endpoints.add(verb.name() + " " + path + params));
                }
            }
        });
        return endpoints;
    }
}
