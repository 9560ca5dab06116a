package org.safeguarding.backbone.messaging.store;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Axon's event serializer, with each listed event's type recorded under its pinned name ({@link StoredEventNames})
 * instead of its class name. The payload itself is written and read by the wrapped serializer, unchanged; types
 * that are not listed (metadata, Axon's own) pass through as the wrapped serializer names them.
 */
public final class PinnedNameSerializer implements Serializer {

    private final Serializer delegate;
    private final StoredEventNames names;

    public PinnedNameSerializer(Serializer delegate, StoredEventNames names) {
        this.delegate = delegate;
        this.names = names;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        if (object == null) {
            return serialized;
        }
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                typeForClass(object.getClass()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType stored = serializedObject.getType();
        SerializedType current = names.classOf(stored.getName())
                .map(type -> (SerializedType) new SimpleSerializedType(delegate.typeForClass(type).getName(),
                        stored.getRevision()))
                .orElse(stored);
        if (current == stored) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(), current));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return names.classOf(type.getName()).map(c -> (Class) c).orElseGet(() -> delegate.classForType(type));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        SerializedType derived = delegate.typeForClass(type);
        return names.nameOf(type)
                .map(name -> (SerializedType) new SimpleSerializedType(name, derived.getRevision()))
                .orElse(derived);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
