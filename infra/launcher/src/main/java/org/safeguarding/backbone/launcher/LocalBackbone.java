package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.safeguarding.backbone.localinfra.KafkaAccess;
import org.safeguarding.backbone.localinfra.TopicRetention;
import org.safeguarding.backbone.localinfra.LocalAgencies;
import org.safeguarding.backbone.localinfra.LocalKafka;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.localinfra.LocalKafkaCluster;
import org.safeguarding.backbone.localinfra.LocalKeyStore;

/**
 * The whole backbone on one machine: a Kafka broker (in this JVM; or, with {@code --brokers=3}, a replicated cluster
 * of broker processes), the children's key store (in this JVM: {@link LocalKeyStore}), the schema registry, the token
 * issuer and the four services (child JVMs), all on 127.0.0.1, all keeping their data under one directory so a restart finds everything
 * as it was. Stopping this process (Ctrl-C) stops them all; a child whose launcher dies stops by itself. A child that
 * dies is reported and started again ({@link Supervisor}); {@code ./run status} reads how each one is
 * ({@link StatusCommand}).
 *
 * <p>Run it with {@code ./run} from the repository root; {@code ./run --help} lists the options.
 */
public final class LocalBackbone implements AutoCloseable {

    /** The services in the order they start; each one's jar is services/NAME/target/backbone-NAME-VERSION-exec.jar. */
    static final List<String> SERVICES = List.of("referrals", "feedback", "transitions", "chronology");

    private final Settings settings;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Instant startedAt = Instant.now();
    private ServiceProcess issuer;
    private LocalKafka kafka;
    private RegistryProcess registry;
    private LocalKeyStore keyStore;
    private Supervisor supervisor;
    private ClassDataArchive archive;

    /**
     * Where things are and which ports they use. With {@code clusterBrokerPorts} empty, Kafka is one broker in this
     * JVM on {@code kafkaPort} and {@code controllerPort}; otherwise it is a cluster of that many broker processes,
     * node {@code i} on {@code clusterBrokerPorts[i]} and {@code clusterControllerPorts[i]}.
     */
    public record Settings(Path repoRoot, Path dataDir, String version, int kafkaPort, int controllerPort,
                           int registryPort, int issuerPort, Map<String, Integer> servicePorts,
                           Map<String, List<String>> serviceArguments, List<Integer> clusterBrokerPorts,
                           List<Integer> clusterControllerPorts, boolean shareClasses) {

        /** With each service's own settings (its store, say) as the embedded default has them. */
        public Settings(Path repoRoot, Path dataDir, String version, int kafkaPort, int controllerPort,
                        int registryPort, int issuerPort, Map<String, Integer> servicePorts) {
            this(repoRoot, dataDir, version, kafkaPort, controllerPort, registryPort, issuerPort, servicePorts,
                    Map.of(), List.of(), List.of(), true);
        }

        /** The same, with arguments added to a service's command line ({@code --name=value}, Spring's). */
        public Settings withServiceArguments(Map<String, List<String>> arguments) {
            return new Settings(repoRoot, dataDir, version, kafkaPort, controllerPort, registryPort, issuerPort,
                    servicePorts, Map.copyOf(arguments), clusterBrokerPorts, clusterControllerPorts, shareClasses);
        }

        /** The same on a replicated Kafka cluster: one broker process per port of {@code brokerPorts}. */
        public Settings withKafkaCluster(List<Integer> brokerPorts, List<Integer> controllerPorts) {
            return new Settings(repoRoot, dataDir, version, kafkaPort, controllerPort, registryPort, issuerPort,
                    servicePorts, serviceArguments, List.copyOf(brokerPorts), List.copyOf(controllerPorts), shareClasses);
        }

        /**
         * The same with the services run from their jars as built, each JVM loading its own copy of every library
         * ({@code --no-shared-classes}), rather than sharing the classes they have in common ({@link SharedClasses}).
         */
        public Settings withoutSharedClasses() {
            return new Settings(repoRoot, dataDir, version, kafkaPort, controllerPort, registryPort, issuerPort,
                    servicePorts, serviceArguments, clusterBrokerPorts, clusterControllerPorts, false);
        }

        public static Settings defaults(Path repoRoot, Path dataDir) {
            return new Settings(repoRoot, dataDir, Version.current(), 19092, 19093, 18081, 9000,
                    Map.of("referrals", 8081, "feedback", 8082, "transitions", 8083, "chronology", 8084));
        }

        /**
         * The defaults on a cluster of {@code brokers} broker processes: node {@code i} (from 0) serving clients on
         * 19092 + 2i and its controller on 19093 + 2i.
         */
        public static Settings defaults(Path repoRoot, Path dataDir, int brokers) {
            Settings single = defaults(repoRoot, dataDir);
            if (brokers == 1) {
                return single;
            }
            List<Integer> brokerPorts = new ArrayList<>();
            List<Integer> controllerPorts = new ArrayList<>();
            for (int i = 0; i < brokers; i++) {
                brokerPorts.add(single.kafkaPort() + 2 * i);
                controllerPorts.add(single.controllerPort() + 2 * i);
            }
            return single.withKafkaCluster(brokerPorts, controllerPorts);
        }

        boolean replicated() {
            return !clusterBrokerPorts.isEmpty();
        }

        Path issuerJar() {
            return repoRoot.resolve("infra/token-issuer/target/backbone-token-issuer-" + version + "-exec.jar");
        }

        Path serviceJar(String service) {
            return repoRoot.resolve("services").resolve(service).resolve("target")
                    .resolve("backbone-" + service + "-" + version + "-exec.jar");
        }

        /** Where the services' libraries are laid out to share their classes ({@link SharedClasses}). */
        Path sharedClasses() {
            return repoRoot.resolve("infra/launcher/target/shared-classes");
        }

        Path registryJar() {
            return repoRoot.resolve("infra/schema-registry/target/backbone-schema-registry-" + version + "-runner.jar");
        }
    }

    private LocalBackbone(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything and returns once every service is healthy; on failure stops what it had started. A child
     * that dies afterwards is started again, reported on standard output; one that keeps dying stops the backbone.
     */
    public static LocalBackbone start(Settings settings) {
        return start(settings, Supervisor.Policy.defaults(), System.out, null);
    }

    /**
     * @param giveUp what to do when a child keeps dying (null: stop the backbone), run after the message
     */
    static LocalBackbone start(Settings settings, Supervisor.Policy policy, PrintStream terminal, Runnable giveUp) {
        LocalBackbone backbone = new LocalBackbone(settings);
        try {
            backbone.startAll(terminal);
            backbone.supervise(policy, terminal, giveUp == null ? backbone::close : giveUp);
            if (backbone.archive != null) {
                backbone.archive.makeInBackground(terminal);
            }
            return backbone;
        } catch (RuntimeException e) {
            backbone.close();
            throw e;
        }
    }

    private void supervise(Supervisor.Policy policy, PrintStream terminal, Runnable giveUp) {
        supervisor = new Supervisor(policy, terminal, giveUp, this::writeStatus, Clock.systemUTC());
        supervisor.watch(registry);
        supervisor.watch(issuer);
        services.values().forEach(supervisor::watch);
        writeStatus();
    }

    private void writeStatus() {
        StatusCommand.write(settings.dataDir().toAbsolutePath(), ProcessHandle.current().pid(), startedAt,
                kafka.bootstrapServers(), supervisor.status());
    }

    /**
     * Stops the broker and starts it again on the same ports and data, as after a broker's crash and restart (it runs
     * in this JVM, so it cannot be killed alone): for the fault tests. The services reconnect by themselves.
     */
    synchronized void restartBroker() {
        if (settings.replicated()) {
            throw new IllegalStateException("a replicated cluster's brokers are killed and started one by one: "
                    + "kafkaCluster()");
        }
        kafka.close();
        startKafka();
    }

    /** The replicated cluster the backbone runs on (with {@link Settings#withKafkaCluster}). */
    LocalKafkaCluster kafkaCluster() {
        if (!(kafka instanceof LocalKafkaCluster cluster)) {
            throw new IllegalStateException("the backbone runs on one broker, not a cluster");
        }
        return cluster;
    }

    /**
     * Kafka on its data (one broker in this JVM, or the cluster's broker processes): every service and agency
     * connects as itself, and reads and writes only what the access plan grants.
     */
    private void startKafka() {
        KafkaAccess access = KafkaAccess.forAgencies(LocalAgencies.fromRepository(settings.repoRoot()))
                .withRetention(TopicRetention.fromEnvironment());
        Path data = settings.dataDir().toAbsolutePath();
        Path single = data.resolve("kafka");
        Path cluster = data.resolve("kafka-cluster");
        // a directory's topics live on one broker or on the cluster: starting the other would lose sight of them
        if (settings.replicated() && Files.isDirectory(single) || !settings.replicated() && Files.isDirectory(cluster)) {
            throw new IllegalStateException(data + " holds the data of a backbone run on "
                    + (settings.replicated() ? "one Kafka broker" : "a Kafka cluster (--brokers=N)")
                    + ": run it as before, or give this one another --data-dir");
        }
        if (settings.replicated()) {
            kafka = LocalKafkaCluster.start(cluster, data.resolve("logs"), settings.clusterBrokerPorts(),
                    settings.clusterControllerPorts(), access.principals());
        } else {
            kafka = LocalKafkaBroker.start(single, settings.kafkaPort(), settings.controllerPort(),
                    access.principals());
        }
        kafka.apply(access);
    }

    /** How each child process is now, as the supervisor sees it. */
    List<Supervisor.Status> status() {
        return supervisor.status();
    }

    /** The process id of a service (e.g. {@code referrals}) now. */
    long pid(String service) {
        return services.get(service).process().pid();
    }

    private void startAll(PrintStream terminal) {
        Path data = settings.dataDir().toAbsolutePath();
        SharedClasses classes = settings.shareClasses() ? layOut(terminal) : null;
        archive = classes == null ? null : new ClassDataArchive(classes);
        Path logs = data.resolve("logs");
        startKafka();
        // one key store for the four, in this JVM like the broker: a record one service sealed opens in another
        keyStore = LocalKeyStore.start(data.resolve("child-keys"));
        registry = new RegistryProcess(settings.registryJar(), data.resolve("registry"), settings.registryPort(),
                logs.resolve("registry.log"));
        issuer = ServiceProcess.start("token-issuer", settings.issuerJar(), settings.issuerPort(),
                logs.resolve("token-issuer.log"), "128m", List.of(
                        "--spring.profiles.active=local",
                        "--backbone.parent-pid=" + ProcessHandle.current().pid(),
                        "--backbone.security.token.issuer=http://127.0.0.1:" + settings.issuerPort(),
                        // where it sends a reviewer back to, signed in, from the chronology's page (ADR 0016)
                        "--backbone.security.reviewer-page.redirect-uri=http://127.0.0.1:"
                                + settings.servicePorts().get("chronology") + "/login/oauth2/code/reviewers"));
        for (String service : SERVICES) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--backbone.data-dir=" + data,
                    "--backbone.parent-pid=" + ProcessHandle.current().pid(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--backbone.messaging.registry-url=" + registry.url(),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.url()));
            List<String> own = settings.serviceArguments().getOrDefault(service, List.of());
            if (own.stream().noneMatch(argument -> argument.startsWith("--backbone.child-keys.datasource."))) {
                arguments.addAll(keyStore.serviceArguments());
            }
            if (own.stream().noneMatch(argument -> argument.startsWith("--spring.profiles.active="))) {
                arguments.add(0, "--spring.profiles.active=local");
            }
            arguments.addAll(own);
            int port = settings.servicePorts().get(service);
            Path log = logs.resolve(service + ".log");
            ServiceProcess process = classes == null
                    ? ServiceProcess.start(service, settings.serviceJar(service), port, log, arguments)
                    : ServiceProcess.start(service, classes, archive.options(service), port, log, arguments);
            services.put(service, process);
        }
        issuer.awaitHealthy(Duration.ofSeconds(180));
        for (ServiceProcess process : services.values()) {
            process.awaitHealthy(Duration.ofSeconds(180));
        }
    }

    /**
     * The services' libraries laid out to share their classes ({@link SharedClasses}), or null, said on the terminal,
     * when that cannot be done: the services then run from their jars as built.
     */
    private SharedClasses layOut(PrintStream terminal) {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path jar = settings.serviceJar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("The " + service + " service jar " + jar + " does not exist. "
                        + "Build it first: ./mvnw -DskipTests package");
            }
            jars.put(service, jar);
        }
        try {
            return SharedClasses.prepare(settings.sharedClasses(), jars);
        } catch (RuntimeException e) {
            terminal.println("The services' libraries could not be laid out to share their classes (" + e
                    + "); they run from their jars, each with its own copy.");
            return null;
        }
    }

    /** The class-data archive the services map, or null when they run from their jars. */
    ClassDataArchive classDataArchive() {
        return archive;
    }

    /** The repository it runs from. */
    Path repoRoot() {
        return settings.repoRoot();
    }

    public String serviceUrl(String service) {
        return services.get(service).url();
    }

    /** Where agency systems get their tokens: {@code <issuerUrl>/oauth2/token}. */
    public String issuerUrl() {
        return issuer.url();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How a Kafka client connects to the local Kafka as {@code principal} (a service, an agency, or the super user). */
    public Map<String, Object> kafkaClient(String principal) {
        return kafka.clientConfig(principal);
    }

    public String registryUrl() {
        return registry.url();
    }

    /** Stops the services first (they drain their work), then the registry, then Kafka. */
    @Override
    public synchronized void close() {
        if (supervisor != null) {
            // from here on a child that ends is being stopped, not dying
            supervisor.close();
            try {
                Files.deleteIfExists(StatusCommand.file(settings.dataDir().toAbsolutePath()));
            } catch (IOException e) {
                System.err.println("while stopping: " + e);
            }
        }
        if (archive != null) {
            archive.stop();
        }
        services.values().parallelStream().forEach(ServiceProcess::stop);
        if (issuer != null) {
            issuer.stop();
        }
        if (registry != null) {
            closeQuietly(registry);
        }
        if (keyStore != null) {
            closeQuietly(keyStore);
        }
        if (kafka != null) {
            closeQuietly(kafka);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Path repoRoot = Path.of(System.getProperty("backbone.repo-root", ".")).toAbsolutePath().normalize();
        Path dataDir = repoRoot.resolve(".backbone");
        int brokers = 1;
        boolean shareClasses = true;
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify-events")) {
            System.exit(VerifyEventsCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("replay-dead-letters")) {
            System.exit(ReplayDeadLettersCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("status")) {
            Path statusOf = args.length > 1 && args[1].startsWith("--data-dir=")
                    ? Path.of(args[1].substring("--data-dir=".length())).toAbsolutePath() : dataDir;
            System.exit(StatusCommand.run(statusOf, System.out));
        }
        for (String arg : args) {
            if (arg.equals("--kafka-access") || arg.startsWith("--kafka-access=")) {
                List<String> agencies = arg.contains("=")
                        ? List.of(arg.substring("--kafka-access=".length()).split(","))
                        : LocalAgencies.fromRepository(repoRoot);
                try {
                    KafkaAccess access = KafkaAccess.forAgencies(agencies)
                            .withRetention(TopicRetention.fromEnvironment());
                    if (List.of(args).contains("--strimzi")) {
                        System.out.print(access.strimziResources("backbone", 6, 3));
                    } else {
                        access.commands(6, 3).forEach(System.out::println);
                    }
                    return;
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                }
            } else if (arg.equals("--strimzi")) {
                continue;
            } else if (arg.equals("--no-shared-classes")) {
                shareClasses = false;
            } else if (arg.startsWith("--brokers=")) {
                String count = arg.substring("--brokers=".length());
                if (!count.matches("[1-9]") || count.equals("2")) {
                    System.err.println("--brokers takes how many Kafka brokers to run: 1 (the default, in this "
                            + "process) or 3 to 9 (a replicated cluster; two could not keep a write on two copies "
                            + "with one down), not '" + count + "'");
                    System.exit(2);
                }
                brokers = Integer.parseInt(count);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("""
                        Runs the safeguarding backbone on this machine: Kafka, the schema registry, the token issuer
                        and the four services.
                          --data-dir=DIR   keep all data under DIR (default: .backbone in the repository)
                          --brokers=N      Kafka as a replicated cluster of N broker processes (3 to 9; ports
                                           19092, 19094, ...): every partition on N brokers, a write kept by at
                                           least 2 (min.insync.replicas): kill one (kill -9) and the backbone
                                           goes on; the launcher does not start it again (stop and start ./run).
                                           Default 1, in this process. A data directory keeps to the one it was
                                           first run with
                          --no-shared-classes
                                           run each service from its own jar, loading its own copy of every
                                           library, instead of the four sharing one class-data archive of the
                                           libraries they have in common (made at the first start, used from the
                                           next: less memory, a quicker start)
                          --kafka-access[=AGENCY,...]
                                           print the Kafka topics and ACLs the backbone needs, as the commands to
                                           create them on a production cluster (for the local agencies, or those
                                           named), and exit; with --strimzi, as the Strimzi operator's KafkaTopic
                                           and KafkaUser resources (infra/deploy/kubernetes)
                        ./run rebuild PROJECTION [--url=URL] [--token=TOKEN | --operator=NAME:SECRET]
                                           with the backbone running (in another terminal): rebuild a projection
                                           from the log (chronology: from the topics, from the beginning), printing
                                           its progress; reads go on meanwhile. Calls as the local operator unless
                                           given an operator's token
                        ./run status [--data-dir=DIR]
                                           one line: whether the backbone is running and the health of each of its
                                           processes (exit code 0 all up, 1 something is not, 3 not running)
                        ./run replay-dead-letters TOPIC [--dry-run] [--bootstrap=HOST:PORT] [--config=FILE]
                                           once the cause is fixed, send the records of TOPIC's dead-letter topic
                                           back to TOPIC as they were sent (consumers act on each once); --dry-run
                                           counts them by reason. Locally as the broker's super user; elsewhere
                                           --config names a Kafka client properties file with an operator's
                                           credentials
                        ./run verify-events [SERVICE] [--url=URL] [--token=TOKEN | --operator=NAME:SECRET]
                                           with the backbone running: check each service's event store (or the
                                           one named) against its hash chain and signed checkpoints; prints the
                                           first broken link. Exit 0 intact, 1 broken, 3 a service not reached
                        Stop with Ctrl-C. To start again from nothing, stop it and delete the data directory.""");
                return;
            } else {
                System.err.println("unknown option " + arg + " (try --help)");
                System.exit(2);
            }
        }
        if (List.of(args).contains("--strimzi")) {
            System.err.println("--strimzi goes with --kafka-access (try --help)");
            System.exit(2);
        }
        if (!Files.isDirectory(repoRoot.resolve("services"))) {
            System.err.println("Run this from the repository root (there is no services/ in " + repoRoot + ").");
            System.exit(2);
        }
        long begun = System.nanoTime();
        // a child that keeps dying: the supervisor has said why; exiting runs the hook below, which stops the rest
        LocalBackbone backbone;
        try {
            Settings settings = Settings.defaults(repoRoot, dataDir, brokers);
            backbone = start(shareClasses ? settings : settings.withoutSharedClasses(), Supervisor.Policy.defaults(),
                    System.out,
                    () -> System.exit(1));
        } catch (RuntimeException e) {
            // what went wrong, in words, not a stack trace: whatever had started has been stopped
            StringBuilder why = new StringBuilder("The backbone could not start: ").append(e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                why.append("\n  because: ").append(cause.getMessage());
            }
            System.err.println(why);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the backbone...");
            backbone.close();
            System.out.println("Stopped. Data kept in " + backbone.settings.dataDir().toAbsolutePath());
            stopped.countDown();
        }, "stop-backbone"));
        backbone.printReady((System.nanoTime() - begun) / 1_000_000);
        stopped.await();
    }

    private void printReady(long millis) {
        StringBuilder out = new StringBuilder();
        out.append("\nThe safeguarding backbone is running (ready in ").append(millis / 1000).append(" s).\n\n");
        for (ServiceProcess service : services.values()) {
            out.append(String.format("  %-12s %s   (log: %s)%n", service.name(), service.url(), service.log()));
        }
        out.append(String.format("  %-12s %s   (SASL PLAIN as an agency, its development credentials; it writes "
                + "safeguarding.inbound.<agency>.v1 and reads safeguarding.feed.<agency>.v1)%n", "kafka",
                kafka.bootstrapServers()));
        if (settings.replicated()) {
            out.append(String.format("  %-12s %d brokers, each partition on every one, a write kept by 2 at least "
                    + "(their logs: %s)%n", "", settings.clusterBrokerPorts().size(),
                    settings.dataDir().toAbsolutePath().resolve("logs/kafka-N.log")));
        }
        out.append(String.format("  %-12s %s   (Confluent-compatible API: %s/apis/ccompat/v7)%n", "registry",
                registry.url(), registry.url()));
        out.append(String.format("  %-12s %s/oauth2/token   (client credentials: an agency's development "
                + "credentials)%n", "tokens", issuer.url()));
        out.append("\n  data: ").append(settings.dataDir().toAbsolutePath())
                .append("   (to reset: stop, then delete this directory)\n")
                .append("  agencies: the development credentials in platform/web/src/main/resources/backbone/"
                        + "local-agencies.yml (local only)\n")
                .append("\nA process that stops is reported here and started again. ./run status (in another "
                        + "terminal) shows how each one is.\nPress Ctrl-C to stop.\n");
        System.out.print(out);
    }
}
