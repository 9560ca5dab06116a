package org.safeguarding.backbone.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The embedded default's token issuer: an OAuth2 authorization server where each agency system obtains a signed
 * access token (JWT) with the client-credentials grant, and which the services trust. For the local profile only;
 * in production the services trust the safeguarding partnership's identity provider instead (ADR 0009).
 */
@SpringBootApplication
public class TokenIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenIssuerApplication.class, args);
    }
}
