package org.safeguarding.backbone.referrals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The OpenAPI description at {@code /v3/api-docs}: for agency integrators, with the example share. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String AGENCY = "agency";

    static {
        // resolved from the X-Correlation-Id header (platform/web), described below as that header
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestedCorrelation.class);
    }

    @Bean
    OpenAPI referralsApi() {
        return new OpenAPI()
                .info(new Info().title("Safeguarding backbone: referrals")
                        .version("v1")
                        .description("Information shares about a child between agencies: purpose, consent, the six "
                                + "principles, classified statements and the child's voice; acknowledgement, reading, "
                                + "understanding, clarification and use. Errors are RFC 9457 problem details. See "
                                + "docs/api.md for the guide, and the Kafka topics for the same over Kafka."))
                .components(new Components().addSecuritySchemes(AGENCY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Each agency authenticates as itself; the user name is the agency id.")))
                .addSecurityItem(new SecurityRequirement().addList(AGENCY));
    }

    /** The complete example share (the README's) on {@code POST /api/shares}. */
    @Bean
    OpenApiCustomizer shareExample() {
        Object example = read("openapi/share.json");
        return openApi -> {
            var post = openApi.getPaths().get("/api/shares").getPost();
            post.getRequestBody().getContent().values().forEach(media -> media.setExamples(Map.of(
                    "school-shares-a-concern", new Example()
                            .summary("A school shares a concern, consent not sought, with the justification")
                            .value(example))));
        };
    }

    /** The optional {@code X-Correlation-Id} header, on every command that takes it. */
    @Bean
    OperationCustomizer correlationHeader() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == RequestedCorrelation.class)) {
                operation.addParametersItem(new HeaderParameter().name(RequestedCorrelation.HEADER).required(false)
                        .description("Your own conversation id: the events this call causes carry it as their "
                                + "correlation id. Without it, a new conversation starts, or an act on a share or "
                                + "request continues that record's own.")
                        .schema(new StringSchema().maxLength(RequestedCorrelation.MAX_LENGTH)
                                .pattern(RequestedCorrelation.PATTERN)));
            }
            return operation;
        };
    }

    /** As a JSON tree (Jackson 2, which the OpenAPI model is written with), so it appears as an object. */
    private static Object read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + resource, e);
        }
    }
}
