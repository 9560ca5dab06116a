package org.safeguarding.backbone.web;

import org.safeguarding.backbone.web.problem.ProblemExceptionHandler;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.safeguarding.backbone.web.process.ParentProcessWatchdog;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP behaviour every service shares: problem responses, and stopping with the launcher. */
@AutoConfiguration
public class WebAutoConfiguration {

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    static ParentProcessWatchdog parentProcessWatchdog() {
        return new ParentProcessWatchdog();
    }
}
