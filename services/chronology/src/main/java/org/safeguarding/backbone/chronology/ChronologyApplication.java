package org.safeguarding.backbone.chronology;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The chronology service: who did and knew what about a child, across agencies, in order (R14, R15). */
@SpringBootApplication
public class ChronologyApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChronologyApplication.class, args);
    }
}
