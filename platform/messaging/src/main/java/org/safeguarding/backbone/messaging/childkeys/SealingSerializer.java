package org.safeguarding.backbone.messaging.childkeys;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.safeguarding.backbone.kernel.childkeys.PersonalPaths;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Axon's event serializer, with the {@link org.safeguarding.backbone.kernel.childkeys.Personal} text of each event
 * sealed under its child's key before it is stored (R18): in the stored JSON each such text is replaced by
 * {@code {"$sealed": "v1.<key id>.<ciphertext>"}}, everything else (ids, agencies, times, kinds) stays as it was, so
 * the log keeps its shape and the event chain covers the sealed bytes. Reading opens each sealed value again, or
 * gives the words saying it was erased and when. A JSON object can never stand where text was written, so what a
 * caller wrote is never taken for a sealed value; events stored before sealing read as they were.
 *
 * <p>An event with personal text names its child in a {@code childId} component; one that does not is refused.
 */
public final class SealingSerializer implements Serializer {

    private static final byte[] SEALED_MARK = ("\"" + SealedJson.SEALED + "\"").getBytes(StandardCharsets.US_ASCII);
    // numbers as they were written: Axon writes an Instant as seconds with nine decimals, which a double would round
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final ClassValue<Method> CHILD_ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("childId") && component.getType() == String.class) {
                    return component.getAccessor();
                }
            }
            return null;
        }
    };

    private final Serializer delegate;
    private final SealedJson sealedJson;

    public SealingSerializer(Serializer delegate, Sealing sealing) {
        this.delegate = delegate;
        this.sealedJson = new SealedJson(sealing, JSON);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalPaths paths = object == null ? null : PersonalPaths.of(object.getClass());
        if (paths == null || paths.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        String childId = childOf(object);
        SerializedObject<byte[]> clear = delegate.serialize(object, byte[].class);
        JsonNode tree = JSON.readTree(clear.getData());
        sealedJson.seal(tree, paths, childId);
        T sealed = getConverter().convert(JSON.writeValueAsBytes(tree), byte[].class, expectedRepresentation);
        return new SimpleSerializedObject<>(sealed, expectedRepresentation, clear.getType());
    }

    private static String childOf(Object object) {
        Method accessor = CHILD_ID.get(object.getClass());
        if (accessor == null) {
            throw new IllegalArgumentException(object.getClass().getName() + " holds personal text but names no "
                    + "child (a String component childId): its text cannot be sealed under a child's key");
        }
        try {
            Object childId = accessor.invoke(object);
            if (childId == null) {
                throw new IllegalArgumentException(object.getClass().getSimpleName() + " holds personal text about "
                        + "no child (childId is null): it cannot be sealed");
            }
            return (String) childId;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not read the child of " + object.getClass().getName(), e);
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        byte[] stored = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                byte[].class);
        if (stored == null || !contains(stored, SEALED_MARK)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode opened = sealedJson.open(JSON.readTree(stored), each -> { });
        return delegate.deserialize(new SimpleSerializedObject<>(JSON.writeValueAsBytes(opened), byte[].class,
                serializedObject.getType()));
    }

    private static boolean contains(byte[] bytes, byte[] mark) {
        outer:
        for (int i = 0; i <= bytes.length - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (bytes[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
