package org.safeguarding.backbone.referrals.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.localinfra.FreePorts;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** An identity provider that does not answer: the caller is told so (503), and nothing is done. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class UnreachableIdentityProviderTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
        int nobodyListens = FreePorts.next();
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + nobodyListens);
    }

    @Autowired MockMvc mvc;

    @Test
    void aTokenThatCannotBeCheckedIsA503Problem_notAnErrorPage() throws Exception {
        mvc.perform(get("/api/inbox/shares").header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:identity-provider-unavailable"));
    }
}
