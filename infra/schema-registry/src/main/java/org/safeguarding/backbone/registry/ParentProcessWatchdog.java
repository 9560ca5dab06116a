package org.safeguarding.backbone.registry;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * When the registry runs as the child of the local launcher or of a test JVM ({@code -Dbackbone.parent-pid=N}), it
 * stops when that parent is gone, however the parent ended. A registry is never left running on its own.
 */
@ApplicationScoped
public class ParentProcessWatchdog {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatchdog.class);

    void onStart(@Observes StartupEvent event) {
        String parentPid = System.getProperty("backbone.parent-pid");
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid.trim())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    LOG.infof("parent process %s has ended: stopping the registry", parentPid);
                    Quarkus.asyncExit();
                }),
                () -> {
                    LOG.infof("parent process %s is not running: stopping the registry", parentPid);
                    Quarkus.asyncExit();
                });
    }
}
