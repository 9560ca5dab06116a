package org.safeguarding.backbone.chronology.timeline.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection;
import org.safeguarding.backbone.chronology.timeline.query.ChronologySwitch;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyTables;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the chronology from the topics, from the beginning, while the live one goes on being read (issue 8): the
 * acts are recorded, by the same code as live, in tables beside the live ones ({@link ChronologyTables#REBUILD});
 * once they have caught up, the live listener pauses, the rebuild reads what came meanwhile, and the rebuilt tables
 * take the live ones' place (reads wait out that moment, {@link ChronologySwitch}); the listener resumes where it
 * was, and what it meets again is already there. The same topics give the same chronology, however often rebuilt.
 *
 * <p>Rebuilt: the entries, who was party to each, the parties of each record, each child's area (the tables of
 * {@link ChronologyTables#BUILT_FROM_TOPICS}). Kept as they are: the access log (the chronology's own record of reads,
 * not a projection), the reviews and their event store, the patterns announced, and which lead agencies were last
 * announced. A rebuild neither announces nor publishes anything: feeds, lead agencies and patterns were sent when the
 * acts first came.
 */
@Component
public class ChronologyRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ChronologyRebuild.class);

    /** Where a rebuild is. */
    public enum Stage { NOT_STARTED, READING, CATCHING_UP, SWITCHING, DONE, FAILED }

    /**
     * How far a rebuild has come.
     *
     * @param done    records read from the topics so far
     * @param total   records on the topics to read (grows by what arrives while it runs)
     * @param skipped records the live chronology could not take either (dead-lettered there): not acts
     * @param left    the time left at the rate so far; null until it can be told
     */
    public record Progress(Stage stage, long done, long total, long skipped, double perSecond, Duration left,
                           Instant startedAt, Instant endedAt, String problem) {

        static Progress notStarted() {
            return new Progress(Stage.NOT_STARTED, 0, 0, 0, 0, null, null, null, null);
        }

        public boolean running() {
            return stage == Stage.READING || stage == Stage.CATCHING_UP || stage == Stage.SWITCHING;
        }
    }

    private final ConsumerFactory<String, SpecificRecord> consumers;
    private final ChronologyProjection projection;
    private final KafkaListenerEndpointRegistry listeners;
    private final ChronologySwitch chronologySwitch;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.notStarted());

    ChronologyRebuild(ConsumerFactory<String, SpecificRecord> consumers, ChronologyProjection projection,
                      KafkaListenerEndpointRegistry listeners, ChronologySwitch chronologySwitch, JdbcTemplate jdbc,
                      DataSource dataSource, PlatformTransactionManager transactions) {
        this.consumers = consumers;
        this.projection = projection;
        this.listeners = listeners;
        this.chronologySwitch = chronologySwitch;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts a rebuild in the background; one at a time. */
    public synchronized Progress start() {
        if (progress.get().running()) {
            throw new RebuildUnderWay();
        }
        Instant now = Clock.systemUTC().instant();
        progress.set(new Progress(Stage.READING, 0, 0, 0, 0, null, now, null, null));
        Thread thread = new Thread(this::run, "chronology-rebuild");
        thread.setDaemon(true);
        thread.start();
        return progress.get();
    }

    public Progress progress() {
        return progress.get();
    }

    /** Waits until the rebuild has ended (done or failed), or {@code timeout} has passed; says where it is. */
    public Progress awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (progress.get().running() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return progress.get();
    }

    private void run() {
        List<TableBeside> tables = ChronologyTables.BUILT_FROM_TOPICS.stream()
                .map(table -> new TableBeside(table, ChronologyTables.REBUILD.suffix())).toList();
        MessageListenerContainer live = listeners.getListenerContainer(ChronologyListener.ID);
        try {
            for (TableBeside table : tables) {
                table.create(jdbc, dataSource);
            }
            Collection<String> topics = List.of(live.getContainerProperties().getTopics());
            Properties config = new Properties();
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
            try (Consumer<String, SpecificRecord> consumer = consumers.createConsumer("chronology.rebuild",
                    "chronology-rebuild", null, config)) {
                List<TopicPartition> partitions = new ArrayList<>();
                topics.forEach(topic -> consumer.partitionsFor(topic).forEach(p ->
                        partitions.add(new TopicPartition(p.topic(), p.partition()))));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long total = 0;
                Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    total += end.get(partition) - beginning.get(partition);
                }
                update(Stage.READING, 0, total, 0, null);
                readUntil(consumer, end, Stage.READING);

                // the live listener steps back while the rebuild reads what came meanwhile and takes its place
                live.pause();
                try {
                    awaitPaused(live);
                    Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                    long more = 0;
                    for (TopicPartition partition : partitions) {
                        more += now.get(partition) - end.get(partition);
                    }
                    Progress sofar = progress.get();
                    update(Stage.CATCHING_UP, sofar.done(), sofar.total() + more, sofar.skipped(), null);
                    readUntil(consumer, now, Stage.CATCHING_UP);
                    Progress read = progress.get();
                    update(Stage.SWITCHING, read.done(), read.total(), read.skipped(), null);
                    chronologySwitch.switching(() -> transaction.executeWithoutResult(status -> {
                        // which lead agencies were last announced is not on the topics: it stays as it was
                        jdbc.update("update " + ChronologyTables.REBUILD.childArea() + " r set announced_leads = "
                                + "(select l.announced_leads from child_area l where l.child_id = r.child_id)");
                        tables.forEach(table -> table.stepAside(jdbc));
                        tables.forEach(table -> table.takePlace(jdbc));
                    }));
                } finally {
                    live.resume();
                }
            }
            Progress read = progress.get();
            update(Stage.DONE, read.done(), read.total(), read.skipped(), null);
            LOG.info("the chronology was rebuilt from the topics: {} records read, {} not acts", read.done(),
                    read.skipped());
        } catch (Exception e) {
            LOG.error("the chronology could not be rebuilt; the live chronology is as it was", e);
            tables.forEach(table -> {
                try {
                    table.drop(jdbc);
                } catch (RuntimeException dropping) {
                    e.addSuppressed(dropping);
                }
            });
            Progress failed = progress.get();
            update(Stage.FAILED, failed.done(), failed.total(), failed.skipped(), String.valueOf(e.getMessage()));
        }
    }

    private void readUntil(Consumer<String, SpecificRecord> consumer, Map<TopicPartition, Long> end, Stage stage) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                Progress sofar = progress.get();
                boolean act = record(record);
                update(stage, sofar.done() + 1, Math.max(sofar.total(), sofar.done() + 1),
                        sofar.skipped() + (act ? 0 : 1), null);
            }
        }
    }

    /** Records one act in the rebuilt tables; false for a record that is not one (the live chronology refused it). */
    private boolean record(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            return false;
        }
        ChronologyEvent event;
        try {
            event = ChronologyEvent.of(record.value());
        } catch (UnprocessableRecord e) {
            return false;
        }
        projection.record(ChronologyListener.actOf(record, event), ChronologyTables.REBUILD);
        return true;
    }

    private static void awaitPaused(MessageListenerContainer live) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!live.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live chronology listener did not pause within 120 s");
            }
            Thread.sleep(50);
        }
    }

    private void update(Stage stage, long done, long total, long skipped, String problem) {
        Progress before = progress.get();
        Instant started = before.startedAt();
        Instant now = Clock.systemUTC().instant();
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        double rate = done / seconds;
        Duration left = rate > 0 && total >= done ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
        boolean ended = stage == Stage.DONE || stage == Stage.FAILED;
        progress.set(new Progress(stage, done, total, skipped, rate, ended ? Duration.ZERO : left, started,
                ended ? now : null, problem));
    }

    /** One rebuild at a time. */
    public static final class RebuildUnderWay extends RuleViolation {
        RebuildUnderWay() {
            super(Kind.CONFLICT, "rebuild-under-way", "The chronology is being rebuilt already; follow its progress.",
                    null);
        }
    }
}
