package org.safeguarding.backbone.testsupport.architecture;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape every service keeps, checked rather than hoped for (docs/architecture.md, "Inside a service"). A
 * service is {@code org.safeguarding.backbone.<service>}; inside it, features ({@code share}, {@code request}, ...)
 * each with roles: {@code api} (commands and events), {@code command}, {@code query}, {@code process},
 * {@code integration}, {@code intake}, {@code web}.
 */
public final class ArchitectureRules {

    /** Every service of the backbone: none may use another's code; they talk through Kafka and the contracts only. */
    public static final List<String> SERVICES = List.of("referrals", "feedback", "transitions", "chronology");

    private static final String ROOT = "org.safeguarding.backbone";
    /** The platform's HTTP module: authentication, problem responses. Decisions do not know about it. */
    private static final String WEB_PLATFORM = ROOT + ".web..";

    /** The caller's {@code X-Correlation-Id}, read and checked in one place (platform/web). */
    private static final String REQUESTED_CORRELATION = ROOT + ".web.correlation.RequestedCorrelation";
    private static final String MAPPINGS = "org.springframework.web.bind.annotation.";

    private ArchitectureRules() {
    }

    /** The rules for {@code service}, e.g. {@code "referrals"}. */
    public static List<ArchRule> forService(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service " + service + "; known: " + SERVICES);
        }
        String base = ROOT + "." + service;
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideOutsideOfPackage(base + ".*.web..")
                .should().dependOnClassesThat().resideInAPackage(base + ".*.web..")
                .because("HTTP is one way in among several (Kafka, answers to requests, processes): nothing but a "
                        + "feature's own web layer may use web types"));
        rules.add(noClasses().that().resideInAnyPackage(base + ".*.command..", base + ".*.query..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".*.web..", WEB_PLATFORM,
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .because("decisions and views do not know about HTTP: a rule violation has a kind, and the web "
                        + "layer maps it to a status"));
        rules.add(noClasses().that().resideInAPackage(base + ".*.api..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".*.command..", base + ".*.query..",
                        base + ".*.web..", base + ".*.integration..", base + ".*.process..", base + ".*.intake..",
                        "org.springframework..", "jakarta.persistence..", "org.safeguarding.backbone.contracts..")
                .because("commands and events are plain records: no persistence, no framework, no wire contract"));
        rules.add(methods().that().areDeclaredInClassesThat().resideInAPackage(base + ".*.web..")
                .and(annotatedWith(MAPPINGS + "PostMapping").or(annotatedWith(MAPPINGS + "PutMapping"))
                        .or(annotatedWith(MAPPINGS + "PatchMapping")).or(annotatedWith(MAPPINGS + "DeleteMapping")))
                .and().areNotAnnotatedWith(ROOT + ".web.command.DryRun")
                .should(takeTheCallersCorrelation())
                .because("every command over HTTP may name the caller's conversation (docs/api.md)"));
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                rules.add(noClasses().that().resideInAPackage(base + "..")
                        .should().dependOnClassesThat().resideInAPackage(ROOT + "." + other + "..")
                        .because("services talk only through Kafka: they share the contracts and the platform, "
                                + "never each other's code"));
            }
        }
        return rules;
    }

    private static ArchCondition<JavaMethod> takeTheCallersCorrelation() {
        return new ArchCondition<>("take the caller's X-Correlation-Id (a RequestedCorrelation parameter)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean takes = method.getRawParameterTypes().stream()
                        .anyMatch(type -> type.getName().equals(REQUESTED_CORRELATION));
                if (!takes) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " is a command endpoint without a RequestedCorrelation parameter"));
                }
            }
        };
    }

    /** The service's own main code, as compiled (tests excluded). */
    public static JavaClasses classesOf(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + "." + service);
    }

    /** Checks every rule, reporting every breach at once. */
    public static void check(String service) {
        JavaClasses classes = classesOf(service);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes found for service " + service);
        }
        List<String> breaches = new ArrayList<>();
        for (ArchRule rule : forService(service)) {
            // a service need not have every role (the chronology has no commands)
            var result = rule.allowEmptyShould(true).evaluate(classes);
            if (result.hasViolation()) {
                breaches.add(result.getFailureReport().toString());
            }
        }
        if (!breaches.isEmpty()) {
            throw new AssertionError(String.join("\n\n", breaches));
        }
    }
}
