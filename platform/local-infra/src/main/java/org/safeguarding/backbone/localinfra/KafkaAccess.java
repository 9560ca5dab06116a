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
            "chronology", List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS, Topics.REVIEWS,
                    Topics.PATTERNS, Topics.ACCESS));

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

    /** A topic's settings beyond partitions and replicas: how long it keeps its records. */
    public Map<String, String> configOf(String topic) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.of(topic).toMillis()));
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
                    .map(topic -> new NewTopic(topic, partitions, replicas).configs(configOf(topic))).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new LinkedHashMap<>();
            topics().stream().filter(existing::contains).forEach(topic -> settings.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    configOf(topic).entrySet().stream().map(setting -> new AlterConfigOp(
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
            String configs = configOf(topic).entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .sorted().collect(Collectors.joining(","));
            commands.add("kafka-topics.sh" + connect + " --create --if-not-exists --topic " + topic
                    + " --partitions " + partitions + " --replication-factor " + replicas + " --config " + configs);
            commands.add("kafka-configs.sh" + connect + " --alter --entity-type topics --entity-name " + topic
                    + " --add-config " + configs);
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

    private static String capitalised(String operation) {
        return operation.charAt(0) + operation.substring(1).toLowerCase(Locale.ROOT);
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
