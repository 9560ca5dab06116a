package org.safeguarding.backbone.referrals;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class OpenApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;

    @Test
    void theServiceDescribesItsApi_withTheExampleShareAndAgencyAuthentication() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Safeguarding backbone: referrals"))
                .andExpect(jsonPath("$.paths['/api/shares'].post").exists())
                .andExpect(jsonPath("$.paths['/api/shares/{shareId}/clarifications'].post").exists())
                .andExpect(jsonPath("$.paths['/api/inbox/shares'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.agency.scheme").value("basic"))
                .andExpect(jsonPath("$.paths['/api/shares'].post.requestBody.content['application/json']"
                        + ".examples['school-shares-a-concern'].value.child.nhsNumber").value("9990000018"));
    }

    @Test
    void everyCommandDescribesTheCorrelationHeader_andNothingElseOfIt() throws Exception {
        for (String command : new String[] {"/api/shares", "/api/shares/{shareId}/acknowledgements",
                "/api/requests/{requestId}/decline", "/api/decisions/not-to-share"}) {
            String parameters = "$.paths['" + command + "'].post.parameters";
            mvc.perform(get("/v3/api-docs"))
                    .andExpect(jsonPath(parameters + "[?(@.name == 'X-Correlation-Id')].in").value("header"))
                    .andExpect(jsonPath(parameters + "[?(@.name == 'X-Correlation-Id')].required").value(false))
                    .andExpect(jsonPath(parameters + "[?(@.name == 'correlation')]").isEmpty());
        }
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/shares/{shareId}'].get.parameters[?(@.name == 'X-Correlation-Id')]")
                        .isEmpty());
    }
}
