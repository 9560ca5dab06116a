package org.safeguarding.backbone.web;

import java.util.List;
import org.safeguarding.backbone.web.correlation.RequestedCorrelationResolver;
import org.safeguarding.backbone.web.problem.ProblemExceptionHandler;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.safeguarding.backbone.web.process.ParentProcessWatchdog;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP behaviour every service shares: problem responses, the caller's {@code X-Correlation-Id} on commands,
 * and stopping with the launcher.
 */
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
    WebMvcConfigurer requestedCorrelation() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new RequestedCorrelationResolver());
            }
        };
    }

    @Bean
    static ParentProcessWatchdog parentProcessWatchdog() {
        return new ParentProcessWatchdog();
    }
}
