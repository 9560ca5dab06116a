package org.safeguarding.backbone.web.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * When a service runs as a child of the local launcher ({@code --backbone.parent-pid=N}), it shuts down cleanly when
 * the launcher is gone, however the launcher ended: no service is left running on its own.
 */
public class ParentProcessWatchdog implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String parentPid = event.getApplicationContext().getEnvironment().getProperty("backbone.parent-pid");
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        Runnable stop = () -> {
            LOG.info("The launcher (pid {}) has ended: stopping", parentPid);
            System.exit(SpringApplication.exit(event.getApplicationContext()));
        };
        ProcessHandle.of(Long.parseLong(parentPid.trim()))
                .ifPresentOrElse(parent -> parent.onExit().thenRun(stop), stop);
    }
}
