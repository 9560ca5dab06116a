package org.safeguarding.backbone.transitions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The transitions service: a child's moves between agencies, so the information follows the child (R12). */
@SpringBootApplication
public class TransitionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransitionsApplication.class, args);
    }
}
