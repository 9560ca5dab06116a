package org.safeguarding.backbone.chronology.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

/**
 * The reviewers' page's own sign-in (ADR 0016), its identity provider not answering here: a browser is sent to sign
 * in there (with PKCE), any other caller gets the API's 401 problem, and a bearer token that cannot be checked is a
 * 503 problem, as on the API, never an error page. (BackboneEndToEndIT signs in for real, in Chromium.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ReviewerPageSignInTest {

    private static final String PAGE = "/reviewer/children/9990001774/timeline";
    private static int nobodyListens;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
        nobodyListens = FreePorts.next();
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + nobodyListens);
    }

    @Autowired MockMvc mvc;

    @Test
    void aBrowserNotSignedIn_isSentToTheIdentityProvider_withACodeChallenge() throws Exception {
        mvc.perform(get(PAGE).accept("text/html"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/oauth2/authorization/reviewers"));
        String provider = mvc.perform(get("/oauth2/authorization/reviewers").accept("text/html"))
                .andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");
        assertThat(provider).startsWith("http://127.0.0.1:" + nobodyListens + "/oauth2/authorize?")
                .contains("client_id=reviewer-page", "scope=openid", "code_challenge_method=S256",
                        "redirect_uri=http://localhost/login/oauth2/code/reviewers");
    }

    @Test
    void aSignInThatFails_isAProblem_notSentBackToTheProvider() throws Exception {
        // an answer from the provider this session never asked for (or one it refused): answered, where sending the
        // browser back to a provider it is signed in to would bring it straight back here, for ever
        mvc.perform(get("/login/oauth2/code/reviewers").param("code", "a-code").param("state", "never-asked")
                        .accept("text/html"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:sign-in-refused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Nothing was read.")));
    }

    @Test
    void anyOtherCallerNotSignedIn_getsTheApis401Problem() throws Exception {
        mvc.perform(get(PAGE))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unauthenticated"));
    }

    @Test
    void aTokenThatCannotBeChecked_isA503Problem_onThePageAsOnTheApi() throws Exception {
        mvc.perform(get(PAGE).header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:identity-provider-unavailable"));
    }
}
