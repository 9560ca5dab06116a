package org.safeguarding.backbone.testsupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.safeguarding.backbone.web.WebAutoConfiguration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies a service's command endpoints take, read and checked as the service reads and checks them, without
 * a Spring context: for coverage-guided fuzzing (issue 12), where a context would be too slow for each input. What
 * the service answers 400 for (not JSON of the body's shape: Jackson refuses it) is {@link Optional#empty()}; a body
 * read is then validated as {@code @Valid} does. Anything else thrown is a defect: the service would answer 500.
 */
public final class RequestBodies {

    /** As the services read a body: Spring Boot's mapper with {@link WebAutoConfiguration#strict}. */
    private static final JsonMapper JSON = WebAutoConfiguration.strict(JsonMapper.builder()).build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private RequestBodies() {
    }

    /** Every type a {@code @RequestBody} of a {@code @RestController} under {@code basePackage} takes, by name. */
    public static List<Class<?>> under(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> bodies = new TreeSet<>(Comparator.comparing(Class::getName));
        for (BeanDefinition controller : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(controller.getBeanClassName(),
                    RequestBodies.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        bodies.add(parameter.getType());
                    }
                }
            }
        }
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no @RequestBody under " + basePackage);
        }
        return List.copyOf(bodies);
    }

    /** The body as the endpoint reads it, or empty where the service refuses it with 400 (malformed-request). */
    public static <T> Optional<T> read(byte[] json, Class<T> type) {
        try {
            return Optional.ofNullable(JSON.readValue(json, type));
        } catch (JacksonException refused) {
            return Optional.empty();
        }
    }

    /**
     * For a fuzz target over every body of a service: the input's first byte picks the type (its position in
     * {@code bodies}, modulo their number), the rest is the JSON; the body read, and validated, or empty where the
     * service refuses it as malformed.
     */
    public static Optional<Object> readAndValidate(byte[] input, List<Class<?>> bodies) {
        if (input.length == 0) {
            return Optional.empty();
        }
        Class<?> type = bodies.get(Byte.toUnsignedInt(input[0]) % bodies.size());
        Optional<Object> body = read(Arrays.copyOfRange(input, 1, input.length), type).map(Object.class::cast);
        body.ifPresent(RequestBodies::validate);
        return body;
    }

    /**
     * Checks the inputs kept for a fuzz target over every body ({@link #readAndValidate}): each named after a body
     * ({@code GiveFeedbackRequest}) must pick that body with its first byte, so that a seed still seeds what it was
     * written for after bodies are added. Inputs named otherwise (those Jazzer found) are left alone. Returns how
     * many were checked.
     */
    public static int checkKeptInputs(Class<?> fuzzTest, String method, List<Class<?>> bodies) {
        String directory = fuzzTest.getSimpleName() + "Inputs/" + method;
        URL found = fuzzTest.getResource(directory);
        if (found == null) {
            throw new AssertionError("no inputs kept for " + fuzzTest.getName() + "." + method + " (" + directory + ")");
        }
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of(found.toURI()))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Optional<Class<?>> named = bodies.stream().filter(body -> body.getSimpleName().equals(name)).findFirst();
                if (named.isPresent()) {
                    byte[] input = Files.readAllBytes(file);
                    Class<?> picked = bodies.get(Byte.toUnsignedInt(input[0]) % bodies.size());
                    if (!picked.equals(named.get())) {
                        throw new AssertionError(file + " picks " + picked.getName() + ", not " + named.get().getName()
                                + ": its first byte should be " + bodies.indexOf(named.get()));
                    }
                    if (read(Arrays.copyOfRange(input, 1, input.length), picked).isEmpty()) {
                        throw new AssertionError(file + " is not a " + picked.getSimpleName() + " the service reads");
                    }
                    checked++;
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not read " + found, e);
        }
        return checked;
    }

    /** What {@code @Valid} finds wrong with a body read (the service answers 400 invalid-request with each). */
    public static Set<ConstraintViolation<Object>> validate(Object body) {
        return VALIDATOR.validate(body);
    }
}
