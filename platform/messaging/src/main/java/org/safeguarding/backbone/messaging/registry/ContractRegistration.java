package org.safeguarding.backbone.messaging.registry;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.safeguarding.backbone.contracts.Contracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Where a service may register schemas ({@code backbone.messaging.auto-register-schemas}, the embedded default), it
 * registers every contract ({@link Contracts#records()}) when it starts, not only those it sends: an agency's system
 * finds the subject of {@code ShareInformation}, which no service sends, and of every event before the first one is
 * sent. In the background, so a registry that is down delays the registration and not the service: tried again,
 * 1 s apart doubling to a minute, until every one is there. Idempotent: four services registering the same content
 * land on the same versions.
 */
public final class ContractRegistration implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ContractRegistration.class);

    private final Supplier<RegistryClientFacade> registry;
    private final List<Schema> records;
    private final Duration firstPause;
    private final Duration maxPause;
    private final CountDownLatch registered = new CountDownLatch(1);
    private volatile Thread worker;

    public ContractRegistration(Supplier<RegistryClientFacade> registry, List<Schema> records, Duration firstPause,
                                Duration maxPause) {
        this.registry = registry;
        this.records = List.copyOf(records);
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::registerUntilDone, "contract-registration");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void registerUntilDone() {
        Duration pause = firstPause;
        int attempt = 0;
        while (!Thread.currentThread().isInterrupted()) {
            attempt++;
            try {
                RegistryClientFacade client = registry.get();
                for (Schema record : records) {
                    ContractSchemas.register(client, record);
                }
                LOG.info("Registered the {} contract schemas in the schema registry", records.size());
                registered.countDown();
                return;
            } catch (RuntimeException e) {
                // the registry down, or refusing a version (an incompatible change): said, and tried again
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warn("Could not register the contract schemas (attempt {}), trying again in {}: {}",
                            attempt, pause, e.toString());
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
        }
    }

    /** Waits until every contract is registered; true if it is within {@code timeout}. */
    public boolean awaitRegistered(Duration timeout) throws InterruptedException {
        return registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
