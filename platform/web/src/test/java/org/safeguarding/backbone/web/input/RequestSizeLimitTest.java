package org.safeguarding.backbone.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RequestSizeLimitTest {

    private final RequestSizeLimit filter = new RequestSizeLimit(10, new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedAtOnce_with413_andTheChainNeverRuns() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/shares");
        request.setContent("x".repeat(11).getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> ran = new AtomicReference<>(false);

        filter.doFilter(request, response, (req, res) -> ran.set(true));

        assertThat(ran.get()).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("urn:safeguarding-backbone:problem:request-too-large");
    }

    @Test
    void aBodyOfUndeclaredLength_failsTheReadPastTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/shares") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: the length is not known in advance
            }
        };
        request.setContent("x".repeat(11).getBytes(StandardCharsets.UTF_8));
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));

        assertThatThrownBy(() -> seen.get().getInputStream().readAllBytes()).isInstanceOf(RequestTooLarge.class);
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/shares");
        request.setContent("0123456789".getBytes(StandardCharsets.UTF_8));
        AtomicReference<byte[]> read = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> read.set(req.getInputStream().readAllBytes()));

        assertThat(new String(read.get(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
    }
}
