package org.safeguarding.backbone.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.safeguarding.backbone.kernel.chain.EventChainCheck;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.safeguarding.backbone.kernel.publish.Publication;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.safeguarding.backbone.web.chain.EventChainController;
import org.safeguarding.backbone.web.correlation.RequestedCorrelationResolver;
import org.safeguarding.backbone.web.durability.AnswerOnceDurable;
import org.safeguarding.backbone.web.idempotency.IdempotencyKeys;
import org.safeguarding.backbone.web.idempotency.IdempotentRequests;
import org.safeguarding.backbone.web.input.RequestSizeLimit;
import org.safeguarding.backbone.web.problem.ProblemErrorController;
import org.safeguarding.backbone.web.problem.ProblemExceptionHandler;
import org.safeguarding.backbone.web.problem.ProblemReportValve;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.safeguarding.backbone.web.process.ParentProcessWatchdog;
import org.safeguarding.backbone.web.rebuild.CallsWaitForASwitch;
import org.safeguarding.backbone.web.publish.PublisherController;
import org.safeguarding.backbone.web.rebuild.RebuildController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP behaviour every service shares: strict and bounded input, problem responses for every error, the
 * caller's {@code X-Correlation-Id} on commands, and stopping with the launcher.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
public class WebAutoConfiguration {

    /**
     * A field the endpoint does not know is refused by name, never silently ignored ({@code "urgncy"} would otherwise
     * leave a share ROUTINE), and a field given twice is refused rather than the last one winning.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return WebAutoConfiguration::strict;
    }

    /** How the services read a request body ({@link #strictJson}): for tests that read bodies without Spring. */
    public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Request bodies over {@code backbone.web.max-request-size} (default 512 KB: a share of 100 statements of 4,000
     * characters fits, with room) are refused with 413.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${backbone.web.max-request-size:512KB}") DataSize limit, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(limit.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A change is answered only once the store has written it ({@link AnswerOnceDurable}): for the embedded default's
     * H2 file stores; a store durable at each commit (PostgreSQL) has nothing to wait for, and the filter is off.
     * Outermost, so the answer waits for every commit the call made, its {@code Idempotency-Key}'s included.
     */
    @Bean
    FilterRegistrationBean<AnswerOnceDurable> answerOnceDurable(ObjectProvider<DurableCommits> durable) {
        DurableCommits commits = durable.getIfAvailable(() -> DurableCommits.AT_COMMIT);
        FilterRegistrationBean<AnswerOnceDurable> registration =
                new FilterRegistrationBean<>(new AnswerOnceDurable(commits));
        registration.setEnabled(commits != DurableCommits.AT_COMMIT);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * {@code Idempotency-Key} on commands: a retried {@code POST} gets the first answer again. The keys are kept in
     * the service's database ({@code idempotent_request}, in each service's migrations) for
     * {@code backbone.web.idempotency.retention} (a day); a request left unanswered for
     * {@code backbone.web.idempotency.abandoned-after} (its service stopped mid-request) may be carried out again.
     * Runs after authentication: each agency's keys are its own.
     */
    @Bean
    FilterRegistrationBean<IdempotencyKeys> idempotencyKeys(ObjectProvider<DataSource> dataSource,
            ObjectProvider<PlatformTransactionManager> transactions, ProblemResponses problems,
            @Value("${backbone.web.idempotency.retention:P1D}") Duration retention,
            @Value("${backbone.web.idempotency.abandoned-after:PT2M}") Duration abandonedAfter) {
        DataSource database = dataSource.getIfUnique();
        PlatformTransactionManager transactionManager = transactions.getIfUnique();
        FilterRegistrationBean<IdempotencyKeys> registration = new FilterRegistrationBean<>(new IdempotencyKeys(
                new IdempotentRequests(database == null ? null : new JdbcTemplate(database), retention,
                        abandonedAfter, Clock.systemUTC()), problems,
                transactionManager == null ? null : new TransactionTemplate(transactionManager)));
        registration.setEnabled(database != null);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** Errors raised outside Spring MVC are problem responses too. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** And so are those Tomcat raises itself, before any of the application runs. */
    @Bean
    @ConditionalOnClass(Tomcat.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

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

    /** Operators rebuild this service's projections from the log ({@code /operator/rebuilds/{projection}}). */
    @Bean
    RebuildController rebuildController(List<Rebuild> rebuilds) {
        return new RebuildController(rebuilds);
    }

    /** Operators see what this service's publisher is stuck on, park it, republish it ({@code /operator/publisher}). */
    @Bean
    PublisherController publisherController(ObjectProvider<Publication> publication) {
        return new PublisherController(publication);
    }

    /** Every service answers {@code /operator/event-chain}; one without an event store, 404. */
    @Bean
    EventChainController eventChainController(ObjectProvider<EventChainCheck> chain) {
        return new EventChainController(chain);
    }

    /** Calls on a child's records wait out the moment a rebuilt projection takes the live one's place. */
    @Bean
    @ConditionalOnMissingBean
    SwitchGate switchGate() {
        return new SwitchGate();
    }

    @Bean
    FilterRegistrationBean<CallsWaitForASwitch> callsWaitForASwitch(SwitchGate gate) {
        return new FilterRegistrationBean<>(new CallsWaitForASwitch(gate));
    }

    @Bean
    static ParentProcessWatchdog parentProcessWatchdog() {
        return new ParentProcessWatchdog();
    }
}
