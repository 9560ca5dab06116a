package org.safeguarding.backbone.messaging;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines that survive a restart ("acknowledge by Monday 09:15"): Axon's DbSchedulerDeadlineManager, on a
 * db-scheduler {@link Scheduler} that keeps its tasks in the service's own database ({@code scheduled_tasks},
 * db/deadlines migrations). A deadline is scheduled in the same transaction as the events that set it, so a
 * command that fails leaves no deadline behind. Registered before Axon's db-scheduler configuration, which needs
 * this Scheduler to exist.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@ConditionalOnClass({Scheduler.class, org.axonframework.deadline.DeadlineManager.class})
@ConditionalOnBean(DataSource.class)
public class DeadlinesAutoConfiguration {

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${backbone.deadlines.polling-interval:PT5S}") Duration pollingInterval) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName("scheduled_tasks")
                .pollingInterval(pollingInterval)
                .threads(2)
                .alwaysPersistTimestampInUTC()
                .commitWhenAutocommitDisabled(false)
                // a deadline being handled when the service stops is retried after the restart; never hang the stop
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /**
     * A deadline is handled in the conversation of what set it: the correlation metadata the deadline carries (a
     * step scheduled as a message with its setter's correlation data) reaches the events its handler applies, as a
     * command's does.
     */
    @Bean
    SmartInitializingSingleton deadlinesKeepTheirConversation(ObjectProvider<DeadlineManager> deadlines,
                                                               List<CorrelationDataProvider> providers) {
        return () -> deadlines.ifAvailable(manager ->
                manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
    }

    /** Runs due deadlines only once the application is up, and stops before the database goes. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
