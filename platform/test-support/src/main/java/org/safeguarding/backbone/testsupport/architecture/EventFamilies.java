package org.safeguarding.backbone.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A service's internal events, found rather than listed: every record permitted by a sealed {@code *Events}
 * interface in its code. A guard test that walks these cannot miss an event added later.
 */
public final class EventFamilies {

    private EventFamilies() {
    }

    /** The sealed {@code *Events} interfaces under {@code basePackage} (main code only). */
    public static List<Class<?>> sealedInterfaces(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage).stream()
                .filter(JavaClass::isInterface)
                .filter(c -> c.getSimpleName().endsWith("Events"))
                .map(JavaClass::reflect)
                .filter(Class::isSealed)
                .sorted(Comparator.comparing(Class::getName))
                .<Class<?>>map(c -> c)
                .toList();
    }

    /** Every event class permitted by the service's sealed {@code *Events} interfaces. */
    public static List<Class<?>> events(String basePackage) {
        List<Class<?>> families = sealedInterfaces(basePackage);
        if (families.isEmpty()) {
            throw new IllegalStateException("no sealed *Events interface under " + basePackage);
        }
        return families.stream().flatMap(f -> Arrays.stream(f.getPermittedSubclasses()))
                .sorted(Comparator.comparing(Class::getName)).toList();
    }
}
