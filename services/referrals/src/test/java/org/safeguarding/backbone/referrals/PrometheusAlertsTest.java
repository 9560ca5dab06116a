package org.safeguarding.backbone.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 12: operators are alerted on dead letters, retries and consumer lag, and on a stuck or parked publisher. The
 * alert rules shipped in infra/deploy/prometheus name only metrics the service really exposes, with the label they
 * group by; the metrics are for operators only and carry no child's data.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class PrometheusAlertsTest {

    private static final Path RULES = Path.of(System.getProperty("backbone.repo-root", "../.."))
            .resolve("infra/deploy/prometheus/backbone-alerts.yml");

    /** Metric names in a rule's expression: ours, and the Kafka clients'. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:backbone|kafka)_[a-z_]+)\\b");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws Exception {
        try (Reader in = Files.newBufferedReader(RULES)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
    }

    @Test
    void everyMetricTheAlertRulesName_isExposedByTheService_withTheLabelTheyGroupBy() throws Exception {
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(VALID).with(as("school-a")))
                .andExpect(status().isCreated());
        List<Map<String, Object>> rules = rules();
        assertThat(rules).extracting(rule -> rule.get("alert")).contains("BackboneDeadLetters",
                "BackboneConsumerRetrying", "BackboneConsumerLag", "BackbonePublisherStuck", "BackbonePublisherLag",
                "BackbonePublisherParked");
        TreeSet<String> named = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            assertThat(rule).as("rule " + rule.get("alert")).containsKeys("alert", "expr", "labels", "annotations");
            Matcher metric = METRIC.matcher((String) rule.get("expr"));
            while (metric.find()) {
                named.add(metric.group(1));
            }
        }
        assertThat(named).isNotEmpty();
        // the Kafka clients' metrics appear once their consumers have their partitions
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String scraped = scrape();
            for (String metric : named) {
                assertThat(scraped).as(metric).containsPattern("(?m)^" + metric + "\\{[^}]*application=\"referrals\"");
            }
        });
        // once the share is on Kafka, the publisher is nothing behind its store
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape())
                .containsPattern("(?m)^backbone_publisher_lag\\{[^}]*\\} 0\\.0$"));
        assertThat(scrape()).as("no child's data in the metrics").doesNotContain(ShareApiTest.CHILD);
    }

    @Test
    void theMetricsAreForOperatorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(as("school-a"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }
}
