package org.safeguarding.backbone.web.durability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A change is answered only once it is durable; reads and refusals are answered at once. */
class AnswerOnceDurableTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final List<String> seenWhenWaiting = new ArrayList<>();

    /** What the caller had been sent when the filter waited for the store. */
    private final AnswerOnceDurable filter = new AnswerOnceDurable(() -> seenWhenWaiting.add(
            (response.isCommitted() ? "committed " : "held ")
                    + new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));

    private void call(String method, int status) throws Exception {
        filter.doFilter(new MockHttpServletRequest(method, "/api/shares"), response, (request, answer) -> {
            HttpServletResponse http = (HttpServletResponse) answer;
            http.setStatus(status);
            http.getOutputStream().write("{\"shareId\":\"s-1\"}".getBytes(StandardCharsets.UTF_8));
            // a message converter flushes what it wrote: it must still not reach the caller
            http.flushBuffer();
        });
    }

    @Test
    void aChangeDone_isHeldBackUntilDurable_thenSentWhole() throws Exception {
        call("POST", 201);
        assertThat(seenWhenWaiting).containsExactly("held ");
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"shareId\":\"s-1\"}");
    }

    @Test
    void aRefusal_orARead_doesNotWait() throws Exception {
        call("POST", 409);
        call("GET", 200);
        assertThat(seenWhenWaiting).isEmpty();
    }
}
