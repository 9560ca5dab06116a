package org.safeguarding.backbone.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.safeguarding.backbone.contracts.Topics;

/**
 * The integration events of the contracts, found in the generated classes rather than listed: an event is a record
 * with an {@code envelope}, and it travels on its namespace's topic ({@link Topics#forNamespace}). A consumer's
 * guard test walks these, so a record type added to a topic that the consumer does not know fails the build.
 */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** Every event record type carried by {@code topic}. */
    public static List<Class<? extends SpecificRecord>> on(String topic) {
        return all().entrySet().stream().filter(e -> e.getValue().equals(topic)).map(Map.Entry::getKey)
                .sorted(Comparator.comparing(Class::getName)).toList();
    }

    /** Every event record type and its topic. */
    @SuppressWarnings("unchecked")
    public static Map<Class<? extends SpecificRecord>, String> all() {
        return new ClassFileImporter().importPackages("org.safeguarding.backbone.contracts").stream()
                .filter(c -> c.isAssignableTo(SpecificRecordBase.class))
                .map(JavaClass::reflect)
                .map(c -> (Class<? extends SpecificRecord>) c)
                .filter(c -> schemaOf(c).getField("envelope") != null)
                .filter(c -> Topics.forNamespace(schemaOf(c).getNamespace()).isPresent())
                .collect(Collectors.toMap(Function.identity(),
                        c -> Topics.forNamespace(schemaOf(c).getNamespace()).orElseThrow()));
    }

    static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }
}
