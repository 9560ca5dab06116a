package org.safeguarding.backbone.chronology.retention.process;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Erasure at the end of retention, as configured ({@code backbone.retention}). */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionConfiguration {

    @Bean
    RetentionSweep retentionSweep(RetentionSettings settings, KnownAgencies agencies, JdbcTemplate jdbc,
                                  ChildKeys keys, CommandGateway commands) {
        return new RetentionSweep(settings, new RetentionRule(settings, agencies::kindOf), jdbc,
                keys::lastErasures,
                commands, Clock.systemUTC());
    }
}
