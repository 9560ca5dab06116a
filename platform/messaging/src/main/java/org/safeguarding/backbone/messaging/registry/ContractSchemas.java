package org.safeguarding.backbone.messaging.registry;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.strategy.QualifiedRecordIdStrategy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.safeguarding.backbone.contracts.Contracts;

/**
 * How the contracts are registered, so that a client speaking only the Confluent Schema Registry API reads and writes
 * them: one subject per record type, named by its full name, in the registry's default group (the only one its
 * Confluent API, {@code /apis/ccompat/v7}, sees), each version self-contained (no references to resolve). Every
 * serde of the backbone, and every test client standing in for an agency, uses {@link #serdeConfig}; the 4-byte id
 * in each record is the content id, which is the id the Confluent API serves the schema under.
 */
public final class ContractSchemas {

    /** The registry's group that its Confluent-compatible API resolves subjects in. */
    public static final String GROUP = "default";

    private ContractSchemas() {
    }

    /** The serdes' settings for the registry's Apicurio v2 API at {@code apiUrl}. */
    public static Map<String, Object> serdeConfig(String apiUrl, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaResolverConfig.REGISTRY_URL, apiUrl);
        config.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        // subject = the record's full name, in the default group (Confluent's RecordNameStrategy): a topic carries
        // several record types
        config.put(SchemaResolverConfig.ARTIFACT_RESOLVER_STRATEGY, QualifiedRecordIdStrategy.class.getName());
        // the schema as its class writes it, envelope and statements inside: no references for a client to resolve
        config.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        // a record's reader found by its schema, not by a fingerprint of it computed for every record
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, ReadersBySchema.class.getName());
        return config;
    }

    /**
     * Registers one record type as its subject's version, or finds the version already there with the same content
     * (the registry's rules, BACKWARD compatibility, judge a new one). Exactly what the serializer registers when it
     * first sends the type, so both land on the same content id.
     */
    public static RegistryVersionCoordinates register(RegistryClientFacade registry, Schema record) {
        return registry.createSchema("AVRO", GROUP, Contracts.subjectOf(record), null, "FIND_OR_CREATE_VERSION",
                false, record.toString(), Set.of());
    }

    /** A client of the registry's v2 API with the serdes' settings (credentials, trust) in {@code config}. */
    public static RegistryClientFacade client(Map<String, Object> config) {
        return RegistryClientFacadeFactory.create(new SchemaResolverConfig(new HashMap<>(config)));
    }
}
