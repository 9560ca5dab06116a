package org.safeguarding.backbone.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.safeguarding.backbone.localinfra.LocalSchemaRegistry;

/** The schema registry child process, restarted on the same port and data (its schemas are kept in its H2 file). */
final class RegistryProcess implements Supervised, AutoCloseable {

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final Path log;
    private volatile LocalSchemaRegistry registry;

    RegistryProcess(Path jar, Path dataDir, int port, Path log) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.registry = LocalSchemaRegistry.start(jar, dataDir, port, log);
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public String described() {
        return "the schema registry";
    }

    @Override
    public Process process() {
        return registry.process();
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public String url() {
        return registry.url();
    }

    @Override
    public String healthUrl() {
        return registry.url() + "/health/ready";
    }

    /** Starts it again and waits until it is ready (the registry's own start does). */
    @Override
    public void restart() {
        registry = LocalSchemaRegistry.start(jar, dataDir, port, log);
    }

    /** Its start (and so each restart) returns only once it is ready: all that is left is to say if it still is. */
    @Override
    public void awaitHealthy(Duration timeout) {
        if (!registry.ready()) {
            throw new IllegalStateException("the schema registry is not ready; see " + log);
        }
    }

    @Override
    public boolean healthy() {
        return registry.ready();
    }

    @Override
    public void close() {
        registry.close();
    }
}
