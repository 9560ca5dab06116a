package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.localinfra.KafkaAccess;
import org.safeguarding.backbone.localinfra.LocalAgencies;
import org.safeguarding.backbone.localinfra.TopicRetention;
import org.safeguarding.backbone.messaging.DeploymentSafeguards;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 10: what an operator and an integrator are given past the embedded default, checked so that it cannot
 * drift: the Kubernetes manifests (infra/deploy) against the Kubernetes API's and the Strimzi operator's schemas, the
 * topics and users in them against the access plan, the compose file as Docker Compose reads it, each service's
 * settings in both against the checks the service itself makes before it starts, and the AsyncAPI document
 * (docs/asyncapi.yaml) as AsyncAPI tools read it.
 */
@SuppressWarnings("unchecked")
class DeploymentDescriptorsTest {

    private static final Path ROOT = Path.of(System.getProperty("backbone.repo-root", "../..")).toAbsolutePath()
            .normalize();
    private static final Path DEPLOY = ROOT.resolve("infra/deploy");
    private static final Yaml YAML = new Yaml();

    @Test
    void theKubernetesManifests_areValidKubernetesAndStrimziResources() throws Exception {
        List<String> files = kustomizationResources().stream().map(file -> DEPLOY.resolve(file).toString()).toList();
        Commands.Run validation = NodeTools.run("validate-deploy.mjs", files);
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.lines()).as(validation.output()).allMatch(line -> line.startsWith("VALID "))
                .contains("VALID Kafka backbone", "VALID KafkaNodePool dual-role", "VALID Deployment registry",
                        "VALID Deployment referrals", "VALID Deployment chronology", "VALID KafkaUser csc-a");
        int resources = 0;
        for (String file : files) {
            for (Object document : YAML.loadAll(Files.readString(Path.of(file)))) {
                resources += document == null ? 0 : 1;
            }
        }
        assertThat(validation.lines()).as("one line per resource").hasSize(resources);
    }

    @Test
    void kustomizeBuildsTheManifests() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: kustomize's build is not tried");
        Commands.Run build = run(List.of("kubectl", "kustomize", DEPLOY.toString()), Map.of());
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("namespace: safeguarding-backbone", "name: backbone-settings",
                "name: backbone-endpoints");
    }

    @Test
    void theTopicsAndKafkaUsers_areTheAccessPlan() throws Exception {
        String expected = KafkaAccess.forAgencies(LocalAgencies.fromRepository(ROOT))
                .withRetention(TopicRetention.defaults()).strimziResources("backbone", 6, 3);
        assertThat(Files.readString(DEPLOY.resolve("kubernetes/kafka-access.yaml")))
                .as("infra/deploy/kubernetes/kafka-access.yaml: print it again with ./run --kafka-access --strimzi")
                .isEqualTo(expected);
    }

    /** What the operator will make of them: the plan's topics with their settings, and exactly its ACLs. */
    @Test
    void theStrimziResources_grantExactlyThePlan() throws Exception {
        KafkaAccess access = KafkaAccess.forAgencies(LocalAgencies.fromRepository(ROOT))
                .withRetention(TopicRetention.defaults());
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        List<String> grants = new ArrayList<>();
        for (Map<String, Object> resource : documents("kubernetes/kafka-access.yaml")) {
            Map<String, Object> spec = at(resource, "spec");
            if ("KafkaTopic".equals(resource.get("kind"))) {
                topics.put((String) spec.get("topicName"), spec);
                continue;
            }
            String user = at(resource, "metadata", "name");
            assertThat(at(spec, "authentication", "type").toString()).isEqualTo("scram-sha-512");
            for (Map<String, Object> rule : (List<Map<String, Object>>) at(spec, "authorization", "acls")) {
                for (Object operation : (List<?>) rule.get("operations")) {
                    grants.add("User:" + user + " " + operation.toString().toUpperCase(Locale.ROOT) + " "
                            + at(rule, "resource", "type").toString().toUpperCase(Locale.ROOT) + " "
                            + at(rule, "resource", "name") + " "
                            + ("prefix".equals(at(rule, "resource", "patternType")) ? "PREFIXED" : "LITERAL"));
                }
            }
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(access.topics());
        topics.forEach((topic, spec) -> {
            assertThat(spec).as(topic).containsEntry("partitions", 6).containsEntry("replicas", 3);
            Map<String, String> config = new LinkedHashMap<>();
            ((Map<String, Object>) spec.get("config")).forEach((key, value) -> config.put(key, value.toString()));
            assertThat(config).as(topic).isEqualTo(access.configOf(topic, 3));
        });
        assertThat(grants).containsExactlyInAnyOrderElementsOf(access.acls().stream().map(acl ->
                acl.entry().principal() + " " + acl.entry().operation() + " " + acl.pattern().resourceType() + " "
                        + acl.pattern().name() + " " + acl.pattern().patternType()).toList());
    }

    @Test
    void theKafkaClusters_keepThreeCopies_andAWriteNeedsTwo() throws Exception {
        Map<String, Object> pool = document("kubernetes/kafka.yaml", "KafkaNodePool");
        Object replicas = at(pool, "spec", "replicas");
        assertThat(replicas).isEqualTo(3);
        Map<String, Object> config = at(document("kubernetes/kafka.yaml", "Kafka"), "spec", "kafka", "config");
        assertThat(config).as("the cluster's settings").isNotNull();
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("unclean.leader.election.enable", false);
        Map<String, Object> services = at(compose(), "services");
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> environment = at(services, node, "environment");
            assertThat(environment).as(node).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        }
    }

    @Test
    void theComposeFile_isReadByDockerCompose() throws Exception {
        Assumptions.assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Map<String, String> settings = exampleSettings();
        Commands.Run config = run(List.of("docker-compose", "--project-directory", DEPLOY.resolve("compose").toString(),
                "-f", DEPLOY.resolve("compose/compose.yaml").toString(), "config", "-q"), settings);
        assertThat(config.exitCode()).as(config.output()).isZero();
        // and one that leaves a required setting out is refused, naming it
        settings.remove("BACKBONE_ISSUER_URI");
        Commands.Run incomplete = run(List.of("docker-compose", "--project-directory", DEPLOY.resolve("compose").toString(),
                "-f", DEPLOY.resolve("compose/compose.yaml").toString(), "config", "-q"), settings);
        assertThat(incomplete.exitCode()).isNotZero();
        assertThat(incomplete.output()).contains("identity provider");
    }

    /**
     * Each service as the compose file and the Kubernetes manifests set it up (its environment, the secret files its
     * settings are read from, and infra/deploy/backbone.yml) passes the checks it makes before it starts: TLS for
     * HTTP, Kafka and the registry, credentials for both, its own database account.
     */
    @Test
    void eachServiceAsDeployed_passesItsOwnStartChecks() throws Exception {
        Map<String, Object> composeServices = at(compose(), "services");
        Map<String, String> dotEnv = exampleSettings();
        for (String service : LocalBackbone.SERVICES) {
            Map<String, Object> definition = at(composeServices, service);
            Map<String, Object> settings = new LinkedHashMap<>();
            Map<String, Object> environment = at(definition, "environment");
            environment.forEach((name, value) -> settings.put(name, interpolated(String.valueOf(value), dotEnv)));
            for (Object secret : (List<?>) definition.get("secrets")) {
                String target = (String) ((Map<?, ?>) secret).get("target");
                if (!target.startsWith("/")) {
                    settings.put(target, "a secret from a file");
                }
            }
            assertThat(problems(service, settings)).as("the compose file's " + service).isEmpty();
        }
        for (Map<String, Object> deployment : documents("kubernetes/services.yaml")) {
            if (!"Deployment".equals(deployment.get("kind"))) {
                continue;
            }
            String service = at(deployment, "metadata", "name");
            Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
                    "containers")).get(0);
            Map<String, Object> settings = new LinkedHashMap<>();
            for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
                settings.put((String) variable.get("name"), variable.containsKey("value") ? variable.get("value")
                        : "https://from-" + variable.get("name").toString().toLowerCase(Locale.ROOT) + ".example");
            }
            for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
                String path = (String) mount.get("mountPath");
                if (path.startsWith("/run/secrets/")) {
                    settings.put(path.substring("/run/secrets/".length()), "a secret from a file");
                }
            }
            assertThat(problems(service, settings)).as("the Kubernetes manifest's " + service).isEmpty();
        }
        // and the check can fail: the same without backbone.yml is refused
        assertThat(DeploymentSafeguards.problems(environment("referrals", Map.of(
                "REFERRALS_DB_URL", "jdbc:postgresql://postgres:5432/referrals", "REFERRALS_DB_USER", "referrals"),
                false))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void noDevelopmentCredentialOrLocalSettingIsInTheDescriptors() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain("dev-only").doesNotContain("profiles.active=local")
                        .doesNotContain("SPRING_PROFILES_ACTIVE: local").doesNotContain("127.0.0.1:5432");
            }
        }
    }

    /**
     * docs/asyncapi.yaml read by the AsyncAPI initiative's own parser, as AsyncAPI tools read it: no error (its
     * content is checked against the code by AsyncApiDocumentTest, platform/local-infra).
     */
    @Test
    void theAsyncApiDocumentIsValidAsyncApi() throws Exception {
        Commands.Run validation = NodeTools.run("validate-asyncapi.mjs",
                List.of(ROOT.resolve("docs/asyncapi.yaml").toString()));
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.output()).contains("VALID").doesNotContain("INVALID");
    }

    /** A value for every setting of compose/.env.example: {@code https://example-<name>.example}. */
    private static Map<String, String> exampleSettings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("compose/.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String name = line.substring(0, line.indexOf('='));
                settings.put(name, "https://example-" + name.toLowerCase(Locale.ROOT).replace('_', '-') + ".example");
            }
        }
        return settings;
    }

    /** {@code value} with Compose's {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?error}} replaced. */
    private static String interpolated(String value, Map<String, String> settings) {
        return Pattern.compile("\\$\\{(\\w+)(?::?([-?])([^}]*))?}").matcher(value).replaceAll(match -> {
            String set = settings.get(match.group(1));
            if (set != null && !set.isEmpty()) {
                return Matcher.quoteReplacement(set);
            }
            assertThat(match.group(2)).as("a default for " + match.group(1)).isEqualTo("-");
            return Matcher.quoteReplacement(match.group(3));
        });
    }

    private static List<String> problems(String service, Map<String, Object> settings) throws IOException {
        return DeploymentSafeguards.problems(environment(service, settings, true));
    }

    /**
     * A service's environment: {@code settings} (its environment variables and secret files), then, when
     * {@code withDeploymentFile}, infra/deploy/backbone.yml, and the datasource as its postgres profile maps it.
     */
    private static StandardEnvironment environment(String service, Map<String, Object> settings,
                                                   boolean withDeploymentFile) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("deployment", settings));
        if (withDeploymentFile) {
            new YamlPropertySourceLoader().load("backbone.yml", new FileSystemResource(DEPLOY.resolve("backbone.yml")))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        }
        String prefix = service.toUpperCase(Locale.ROOT);
        // as each service's application-postgres.yml maps them
        environment.getPropertySources().addLast(new MapPropertySource("postgres-profile", Map.of(
                "spring.datasource.url", "${" + prefix + "_DB_URL}",
                "spring.datasource.username", "${" + prefix + "_DB_USER}")));
        environment.setActiveProfiles("postgres");
        return environment;
    }

    private static List<String> kustomizationResources() throws IOException {
        Map<String, Object> kustomization = YAML.load(Files.readString(DEPLOY.resolve("kustomization.yaml")));
        return (List<String>) kustomization.get("resources");
    }

    private static Map<String, Object> compose() throws IOException {
        return YAML.load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : YAML.loadAll(Files.readString(DEPLOY.resolve(file)))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    private static Map<String, Object> document(String file, String kind) throws IOException {
        return documents(file).stream().filter(document -> kind.equals(document.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + file));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            assertThat(value).as(String.join(".", path)).isInstanceOf(Map.class);
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static Commands.Run run(List<String> command, Map<String, String> environment) throws Exception {
        return Commands.run(command, null, environment, Duration.ofMinutes(2));
    }
}
