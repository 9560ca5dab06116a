package org.safeguarding.backbone.localinfra;

import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.safeguarding.backbone.contracts.Topics;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Who may read and write what on Kafka (issue 7, docs/architecture.md "Kafka access"): the services' topics are
 * internal, each readable and writable only by the services that own or consume it; each agency system writes only
 * its own inbound topic and reads only its own feed (and the dead letters of its inbound topic). The topics and the
 * ACLs are the same here, on the local broker, as in production; {@link #apply} creates whatever is missing.
 *
 * <p>A principal is {@code User:<name>}: a service by its name, an agency by its id. Consumer groups are prefixed by
 * the principal's name: a service's by its name, an agency's by its id and a dot ({@code school-a.}).
 */
public final class KafkaAccess {

    /** The four services, by the principal each connects as. */
    public static final List<String> SERVICES = List.of("referrals", "feedback", "transitions", "chronology");

    /** The topics each service writes, and those it reads (it also writes the dead letters of what it reads). */
    private static final Map<String, List<String>> WRITES = Map.of(
            "referrals", List.of(Topics.REFERRALS, Topics.ACCESS),
            "feedback", List.of(Topics.FEEDBACK, Topics.ACCESS),
            "transitions", List.of(Topics.TRANSITIONS, Topics.ACCESS),
            "chronology", List.of(Topics.REVIEWS, Topics.CHRONOLOGY, Topics.PATTERNS, Topics.ACCESS));
    private static final Map<String, List<String>> READS = Map.of(
            "referrals", List.of(Topics.CHRONOLOGY, Topics.TRANSITIONS),
            "feedback", List.of(Topics.REFERRALS, Topics.CHRONOLOGY),
            "transitions", List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.CHRONOLOGY),
            // and its own chronology topic: the holds and erasures it decides are carried out on its own keys too
            "chronology", List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS, Topics.REVIEWS,
                    Topics.PATTERNS, Topics.ACCESS, Topics.CHRONOLOGY));

    private final List<String> agencies;
    private final TopicRetention retention;

    private KafkaAccess(Collection<String> agencies, TopicRetention retention) {
        this.agencies = List.copyOf(new LinkedHashSet<>(agencies));
        this.retention = retention;
    }

    /** The services' topics {@code service} writes (docs/asyncapi.yaml says the same, checked in the build). */
    public static List<String> writesOf(String service) {
        return WRITES.getOrDefault(service, List.of());
    }

    /** The services' topics {@code service} reads. */
    public static List<String> readsOf(String service) {
        return READS.getOrDefault(service, List.of());
    }

    /** The access plan for the agencies the backbone knows, each topic kept for its default period. */
    public static KafkaAccess forAgencies(Collection<String> agencies) {
        return new KafkaAccess(agencies, TopicRetention.defaults());
    }

    /** The same plan, each topic kept for the period {@code retention} gives its kind. */
    public KafkaAccess withRetention(TopicRetention retention) {
        return new KafkaAccess(agencies, retention);
    }

    /**
     * A topic's settings beyond partitions and replicas: how long it keeps its records and, kept in three copies or
     * more, that a write needs two of them ({@code min.insync.replicas=2}: a record acknowledged to a producer with
     * {@code acks=all} survives losing a broker, and one broker down does not stop writes).
     */
    public Map<String, String> configOf(String topic, int replicas) {
        Map<String, String> config = new TreeMap<>();
        config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.of(topic).toMillis()));
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas >= 3 ? "2" : "1");
        return config;
    }

    /** Every topic the backbone uses: the services' topics, each with its dead letters, and each agency's two. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (String topic : List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS, Topics.REVIEWS,
                Topics.CHRONOLOGY, Topics.PATTERNS, Topics.ACCESS)) {
            topics.add(topic);
            topics.add(topic + Topics.DEAD_LETTER_SUFFIX);
        }
        for (String agency : agencies) {
            topics.add(Topics.inboundFrom(agency));
            topics.add(Topics.inboundFrom(agency) + Topics.DEAD_LETTER_SUFFIX);
            topics.add(Topics.feedOf(agency));
        }
        return topics;
    }

    /** Every ACL: what is not granted here is refused (the broker allows nothing without an ACL). */
    public List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (String service : SERVICES) {
            WRITES.get(service).forEach(topic -> acls.add(allow(service, TOPIC, topic, LITERAL, WRITE)));
            READS.get(service).forEach(topic -> {
                acls.add(allow(service, TOPIC, topic, LITERAL, READ));
                acls.add(allow(service, TOPIC, topic + Topics.DEAD_LETTER_SUFFIX, LITERAL, WRITE));
            });
            acls.add(allow(service, GROUP, service, PREFIXED, READ));
        }
        for (String agency : agencies) {
            String inbound = Topics.inboundFrom(agency);
            // the referrals service takes each agency's requests, and dead-letters what it cannot take
            acls.add(allow("referrals", TOPIC, inbound, LITERAL, READ));
            acls.add(allow("referrals", TOPIC, inbound + Topics.DEAD_LETTER_SUFFIX, LITERAL, WRITE));
            // the chronology service publishes each agency's feed
            acls.add(allow("chronology", TOPIC, Topics.feedOf(agency), LITERAL, WRITE));
            acls.add(allow(agency, TOPIC, inbound, LITERAL, WRITE));
            acls.add(allow(agency, TOPIC, inbound + Topics.DEAD_LETTER_SUFFIX, LITERAL, READ));
            acls.add(allow(agency, TOPIC, Topics.feedOf(agency), LITERAL, READ));
            acls.add(allow(agency, GROUP, agency + ".", PREFIXED, READ));
        }
        return acls;
    }

    /** The principals the plan grants anything to. */
    public Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>(SERVICES);
        principals.addAll(agencies);
        return principals;
    }

    /**
     * Creates the topics that do not exist yet ({@code partitions} each, replication {@code replicas}), sets each
     * topic's retention (on those that existed too: a broker kept from before has them changed) and every ACL
     * (creating an ACL that exists changes nothing), and returns once the broker enforces every one: an ACL is
     * committed before the broker's authorizer has it, and a client let in meanwhile would be refused (seen on a
     * loaded machine). {@code admin} must connect as a super user.
     */
    public void apply(Admin admin, int partitions, short replicas) {
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics().stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, replicas).configs(configOf(topic, replicas))).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new LinkedHashMap<>();
            topics().stream().filter(existing::contains).forEach(topic -> settings.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    configOf(topic, replicas).entrySet().stream().map(setting -> new AlterConfigOp(
                            new ConfigEntry(setting.getKey(), setting.getValue()), AlterConfigOp.OpType.SET))
                            .toList()));
            if (!settings.isEmpty()) {
                admin.incrementalAlterConfigs(settings).all().get(60, TimeUnit.SECONDS);
            }
            admin.createAcls(acls()).all().get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS)
                    .containsAll(acls())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the broker did not enforce the backbone's ACLs within 60 s");
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the backbone's topics and ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the backbone's topics and ACLs", e);
        }
    }

    /**
     * The plan as the commands an operator runs with Kafka's own tools against a production cluster ({@code
     * $BOOTSTRAP}, and {@code admin.properties} authenticating as a super user): each topic, its retention set
     * again (for a topic that existed before), then each ACL.
     */
    public List<String> commands(int partitions, int replicas) {
        String connect = " --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties";
        List<String> commands = new ArrayList<>();
        for (String topic : topics()) {
            List<String> configs = configOf(topic, replicas).entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).sorted().toList();
            // kafka-topics.sh takes one setting per --config, kafka-configs.sh a comma-separated list
            commands.add("kafka-topics.sh" + connect + " --create --if-not-exists --topic " + topic
                    + " --partitions " + partitions + " --replication-factor " + replicas
                    + configs.stream().map(c -> " --config " + c).collect(Collectors.joining()));
            commands.add("kafka-configs.sh" + connect + " --alter --entity-type topics --entity-name " + topic
                    + " --add-config " + String.join(",", configs));
        }
        for (AclBinding acl : acls()) {
            ResourcePattern resource = acl.pattern();
            commands.add("kafka-acls.sh" + connect + " --add --allow-principal " + acl.entry().principal()
                    + " --operation " + capitalised(acl.entry().operation().name())
                    + (resource.resourceType() == TOPIC ? " --topic " : " --group ") + resource.name()
                    + (resource.patternType() == PREFIXED ? " --resource-pattern-type prefixed" : ""));
        }
        return commands;
    }

    /**
     * The plan as the Strimzi operator's resources for a cluster on Kubernetes named {@code cluster}: a
     * {@code KafkaTopic} for each topic and a {@code KafkaUser} (SCRAM-SHA-512, its password in a Secret the operator
     * makes) for each principal with its ACLs, as one YAML stream. The operator then creates and keeps them.
     */
    public String strimziResources(String cluster, int partitions, int replicas) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String topic : topics()) {
            Map<String, Object> config = new LinkedHashMap<>();
            configOf(topic, replicas).forEach((key, value) -> config.put(key, value.matches("\\d+")
                    ? (Object) Long.parseLong(value) : value));
            resources.add(strimzi("KafkaTopic", topic, cluster, Map.of("topicName", topic, "partitions", partitions,
                    "replicas", replicas, "config", config)));
        }
        Map<String, List<AclBinding>> byPrincipal = new LinkedHashMap<>();
        principals().forEach(principal -> byPrincipal.put(principal, new ArrayList<>()));
        acls().forEach(acl -> byPrincipal.get(acl.entry().principal().substring("User:".length())).add(acl));
        byPrincipal.forEach((principal, acls) -> {
            // one rule per resource, its operations together
            Map<ResourcePattern, List<String>> rules = new LinkedHashMap<>();
            acls.forEach(acl -> rules.computeIfAbsent(acl.pattern(), pattern -> new ArrayList<>())
                    .add(capitalised(acl.entry().operation().name())));
            List<Map<String, Object>> strimziAcls = new ArrayList<>();
            rules.forEach((pattern, operations) -> {
                Map<String, Object> resource = new LinkedHashMap<>();
                resource.put("type", pattern.resourceType() == TOPIC ? "topic" : "group");
                resource.put("name", pattern.name());
                resource.put("patternType", pattern.patternType() == PREFIXED ? "prefix" : "literal");
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("resource", resource);
                rule.put("operations", operations);
                strimziAcls.add(rule);
            });
            // ordered maps throughout: the same plan prints the same text (Map.of's order changes from run to run)
            Map<String, Object> authorization = new LinkedHashMap<>();
            authorization.put("type", "simple");
            authorization.put("acls", strimziAcls);
            resources.add(strimzi("KafkaUser", principal, cluster, Map.of(
                    "authentication", Map.of("type", "scram-sha-512"), "authorization", authorization)));
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return "# The backbone's topics and Kafka users for the Strimzi operator: made by KafkaAccess, printed by\n"
                + "# ./run --kafka-access[=AGENCY,...] --strimzi. Do not edit: print it again for your agencies.\n"
                + new Yaml(options).dumpAll(resources.iterator());
    }

    private static Map<String, Object> strimzi(String kind, String name, String cluster, Map<String, Object> spec) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "kafka.strimzi.io/v1");
        resource.put("kind", kind);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of("strimzi.io/cluster", cluster));
        resource.put("metadata", metadata);
        Map<String, Object> ordered = new LinkedHashMap<>();
        spec.keySet().stream().sorted().forEach(key -> ordered.put(key, spec.get(key)));
        resource.put("spec", ordered);
        return resource;
    }

    private static String capitalised(String operation) {
        return operation.charAt(0) + operation.substring(1).toLowerCase(Locale.ROOT);
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
