package org.safeguarding.backbone.chronology.timeline.integration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.safeguarding.backbone.chronology.timeline.query.BulkLoad;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyTables;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress.Stage;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.safeguarding.backbone.messaging.rebuild.TablesBeside;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * take the live ones' place (calls wait out that moment, {@link SwitchGate}); the listener resumes where it
 * was, and what it meets again is already there. The same topics give the same chronology, however often rebuilt.
 *
 * <p>The bulk, from the beginning to where the topics ended when the rebuild began, is loaded from memory into tables
 * without keys where the heap has room for it ({@link BulkLoad}), then keyed and indexed; the rest goes through the
 * keyed tables as live acts do.
 *
 * <p>Rebuilt: the entries, who was party to each, the parties of each record, each child's area (the tables of
 * {@link ChronologyTables#BUILT_FROM_TOPICS}). Kept as they are: the access log (the chronology's own record of reads,
 * not a projection), the reviews and their event store, the patterns announced, and which lead agencies were last
 * announced. A rebuild neither announces nor publishes anything: feeds, lead agencies and patterns were sent when the
 * acts first came.
 */
@Component
public class ChronologyRebuild implements Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ChronologyRebuild.class);
    /** The projection's name, as the operator gives it. */
    public static final String PROJECTION = "chronology";
    /** Polls read while earlier ones are being recorded. */
    private static final int AHEAD = 2;

    private final ConsumerFactory<String, SpecificRecord> consumers;
    private final ChronologyProjection projection;
    private final KafkaListenerEndpointRegistry listeners;
    private final SwitchGate gate;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final SealedRecords sealed;
    /** Whether the bulk may be loaded from memory where it fits ({@link BulkLoad}); otherwise always through keys. */
    private boolean bulkLoad;
    /** Records a poll brings, and so acts recorded in one transaction. */
    private int pollRecords;
    private final RebuildProgress.Tracker progress = new RebuildProgress.Tracker(Clock.systemUTC());

    ChronologyRebuild(ConsumerFactory<String, SpecificRecord> consumers, ChronologyProjection projection,
                      KafkaListenerEndpointRegistry listeners, SwitchGate gate, JdbcTemplate jdbc,
                      DataSource dataSource, PlatformTransactionManager transactions,
                      @Value("${backbone.chronology.rebuild.bulk-load:true}") boolean bulkLoad,
                      @Value("${backbone.chronology.rebuild.poll-records:500}") int pollRecords,
                      SealedRecords sealed) {
        this.sealed = sealed;
        this.consumers = consumers;
        this.projection = projection;
        this.listeners = listeners;
        this.gate = gate;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.bulkLoad = bulkLoad;
        this.pollRecords = pollRecords;
    }

    @Override
    public String projection() {
        return PROJECTION;
    }

    /** Starts a rebuild in the background; one at a time. */
    @Override
    public RebuildProgress start() {
        return progress.beginInBackground(PROJECTION, this::run);
    }

    @Override
    public RebuildProgress progress() {
        return progress.get();
    }

    private void run() {
        TablesBeside tables = new TablesBeside(ChronologyTables.BUILT_FROM_TOPICS);
        MessageListenerContainer live = listeners.getListenerContainer(ChronologyListener.ID);
        try {
            Collection<String> topics = List.of(live.getContainerProperties().getTopics());
            Properties config = new Properties();
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, pollRecords);
            try (Consumer<String, SpecificRecord> consumer = consumers.createConsumer("chronology.rebuild",
                    "chronology-rebuild", null, config)) {
                List<TopicPartition> partitions = new ArrayList<>();
                topics.forEach(topic -> consumer.partitionsFor(topic).forEach(p ->
                        partitions.add(new TopicPartition(p.topic(), p.partition()))));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long records = between(consumer.beginningOffsets(partitions), end);
                progress.more(Stage.READING, records);
                if (bulkLoad && BulkLoad.fits(records)) {
                    // the bulk recorded from memory into tables without keys, keyed once it is in
                    tables.createWithoutKeys(jdbc, dataSource);
                    BulkLoad load = new BulkLoad(jdbc, ChronologyTables.REBUILD);
                    readUntil(consumer, end, acts -> projection.load(acts, load));
                    transaction.executeWithoutResult(status -> load.finish());
                    LOG.info("the chronology's rebuild loaded {} acts in bulk; indexing", load.acts());
                } else {
                    LOG.info("the chronology's rebuild records {} records through its keyed tables ({})", records,
                            bulkLoad ? "too many to hold in bulk in this heap" : "bulk loading is off");
                    tables.create(jdbc, dataSource);
                    readUntil(consumer, end, acts -> projection.recordAll(acts, ChronologyTables.REBUILD));
                }
                tables.index(jdbc);

                // the live listener steps back while the rebuild reads what came meanwhile and takes its place
                live.pause();
                try {
                    awaitPaused(live);
                    Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                    progress.more(Stage.CATCHING_UP, between(end, now));
                    readUntil(consumer, now, acts -> projection.recordAll(acts, ChronologyTables.REBUILD));
                    progress.stage(Stage.SWITCHING);
                    // which lead agencies were last announced is not on the topics: it stays as it was
                    gate.switching(() -> tables.switchInOrRestore(jdbc, dataSource, transaction, () -> jdbc.update(
                            "update " + ChronologyTables.REBUILD.childArea() + " r set announced_leads = (select "
                                    + "l.announced_leads from child_area l where l.child_id = r.child_id)")));
                } finally {
                    live.resume();
                }
            }
            progress.stage(Stage.DONE);
            LOG.info("the chronology was rebuilt from the topics: {} records read, {} not acts", progress.get().done(),
                    progress.get().skipped());
        } catch (Exception e) {
            LOG.error("the chronology could not be rebuilt; the live chronology is as it was", e);
            try {
                tables.drop(jdbc);
            } catch (RuntimeException dropping) {
                e.addSuppressed(dropping);
            }
            progress.failed(String.valueOf(e.getMessage()));
        }
    }

    /** The records between two positions of every partition. */
    private static long between(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return to.entrySet().stream().mapToLong(e -> e.getValue() - from.get(e.getKey())).sum();
    }

    /**
     * Records what each poll brings, a poll's acts at once, in order, until every partition is at {@code end}. Two
     * threads: this one polls and decodes the next records while another records those before them (one at a time,
     * in the order polled, at most {@link #AHEAD} polls ahead), so decoding and the store's work overlap.
     */
    private void readUntil(Consumer<String, SpecificRecord> consumer, Map<TopicPartition, Long> end,
                           java.util.function.Consumer<List<ChronologyProjection.Act>> recorder)
            throws InterruptedException {
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "chronology-rebuild-write"));
        Deque<Future<?>> writing = new ArrayDeque<>();
        try {
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                ConsumerRecords<String, SpecificRecord> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<ChronologyProjection.Act> acts = new ArrayList<>(records.count());
                for (ConsumerRecord<String, SpecificRecord> record : records) {
                    actOf(record).ifPresent(acts::add);
                }
                int read = records.count();
                while (writing.size() >= AHEAD) {
                    written(writing.removeFirst());
                }
                writing.addLast(writer.submit(() -> {
                    recorder.accept(acts);
                    progress.read(read, read - acts.size());
                }));
            }
            while (!writing.isEmpty()) {
                written(writing.removeFirst());
            }
        } finally {
            writer.shutdownNow();
            if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("the chronology rebuild's writer did not stop within 60 s");
            }
        }
    }

    /** Waits for a poll's acts to be recorded; their failure is the rebuild's. */
    private static void written(Future<?> poll) throws InterruptedException {
        try {
            poll.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The act a record is; none for one that is not (the live chronology refused it too). */
    private Optional<ChronologyProjection.Act> actOf(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            // opened as the live chronology opens it: what was erased since reads as erased
            sealed.open(record.value());
            return Optional.of(ChronologyListener.actOf(record, ChronologyEvent.of(record.value())));
        } catch (UnprocessableRecord e) {
            return Optional.empty();
        }
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
}
