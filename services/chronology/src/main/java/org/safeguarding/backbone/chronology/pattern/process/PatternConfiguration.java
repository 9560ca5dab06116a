package org.safeguarding.backbone.chronology.pattern.process;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pattern rules as configured (backbone.patterns), the detector, and the sweep for deadlines passing. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(PatternSettings.class)
class PatternConfiguration {

    @Bean
    PatternDetector patternDetector(PatternSettings settings, ChildActs acts,
                                    ChronologyQueries chronology, PatternFlags flags,
                                    KafkaTemplate<String, SpecificRecord> kafka) {
        return new PatternDetector(PatternCatalogue.rules(settings), acts, chronology, flags, kafka,
                Clock.systemUTC());
    }
}
