package org.safeguarding.backbone.messaging.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress.Stage;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one of a service's own views from its event store, while it goes on being read and written: the event
 * store is read from the beginning through the view's own event handlers (its processing group), writing the view's
 * tables' twins beside the live ones ({@link WritingBeside}); then, with calls and commands held at the
 * {@link SwitchGate} for a moment, the events stored meanwhile are read too and the twins take the live tables'
 * places ({@link TablesBeside}). The same events give the same view, however often rebuilt. A rebuild that fails
 * leaves the live view as it was.
 */
public final class EventStoreViewRebuild implements Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(EventStoreViewRebuild.class);
    /** Events applied in one transaction. */
    private static final int BATCH = 500;

    private final String processingGroup;
    private final List<String> tableNames;
    private final TablesBeside tables;
    private final Supplier<AbstractEventProcessor> processor;
    private final EventStorageEngine events;
    private final SwitchGate gate;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final RebuildProgress.Tracker progress = new RebuildProgress.Tracker(Clock.systemUTC());

    /**
     * @param processingGroup the view's processing group (a subscribing processor), also the projection's name
     * @param tables          every table its handlers write, a table before those whose foreign keys refer to it
     */
    public EventStoreViewRebuild(String processingGroup, List<String> tables, Supplier<AbstractEventProcessor> processor,
                                 EventStorageEngine events, SwitchGate gate, JdbcTemplate jdbc, DataSource dataSource,
                                 PlatformTransactionManager transactions) {
        this.processingGroup = processingGroup;
        this.tableNames = List.copyOf(tables);
        this.tables = new TablesBeside(tables);
        this.processor = processor;
        this.events = events;
        this.gate = gate;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String projection() {
        return processingGroup;
    }

    @Override
    public RebuildProgress start() {
        return progress.beginInBackground(processingGroup, this::run);
    }

    @Override
    public RebuildProgress progress() {
        return progress.get();
    }

    private void run() {
        try {
            if (!WritingBeside.installed()) {
                throw new IllegalStateException("Hibernate was not given " + WritingBeside.class.getName()
                        + " (hibernate.session_factory.statement_inspector): the view cannot be built beside");
            }
            tables.create(jdbc, dataSource);
            progress.more(Stage.READING, storedEvents());
            TrackingToken read = readFrom(null);
            tables.index(jdbc);
            gate.switching(() -> {
                progress.stage(Stage.CATCHING_UP);
                readFrom(read);
                progress.stage(Stage.SWITCHING);
                tables.switchInOrRestore(jdbc, dataSource, transaction, () -> { });
            });
            progress.stage(Stage.DONE);
            LOG.info("the {} was rebuilt from the event store: {} events read", processingGroup,
                    progress.get().done());
        } catch (Exception e) {
            LOG.error("the {} could not be rebuilt; the live view is as it was", processingGroup, e);
            try {
                tables.drop(jdbc);
            } catch (RuntimeException dropping) {
                e.addSuppressed(dropping);
            }
            progress.failed(String.valueOf(e.getMessage()));
        }
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Applies every event stored after {@code after} (null: from the first) to the twins; the last one's token. */
    private TrackingToken readFrom(TrackingToken after) {
        EventHandlerInvoker handlers = processor.get().eventHandlerInvoker();
        TrackingToken last = after;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(after, false)) {
            Iterator<? extends TrackedEventMessage<?>> stored = stream.iterator();
            while (stored.hasNext()) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
                while (stored.hasNext() && batch.size() < BATCH) {
                    batch.add(stored.next());
                }
                WritingBeside.on(tableNames, () -> transaction.execute(status -> {
                    batch.forEach(event -> apply(handlers, event));
                    return null;
                }));
                last = batch.get(batch.size() - 1).trackingToken();
                progress.read(batch.size(), 0);
            }
        }
        return last;
    }

    static void apply(EventHandlerInvoker handlers, EventMessage<?> event) {
        if (!handlers.canHandle(event, Segment.ROOT_SEGMENT)) {
            return;
        }
        var result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
            handlers.handle(event, Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("event " + event.getIdentifier() + " (" + event.getPayloadType()
                    .getSimpleName() + ") could not be applied to the rebuilt view", result.exceptionResult());
        }
    }
}
