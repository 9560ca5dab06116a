package org.safeguarding.backbone.referrals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The referrals service: information shares and the acts around them, event-sourced. */
@SpringBootApplication
public class ReferralsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralsApplication.class, args);
    }
}
