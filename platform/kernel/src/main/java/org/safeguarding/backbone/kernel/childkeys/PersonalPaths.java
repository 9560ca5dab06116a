package org.safeguarding.backbone.kernel.childkeys;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a record type holds {@link Personal} text, as a tree of component names: what a serializer seals in the
 * record's JSON form (component names are its field names). Components that are records, or lists or maps of records,
 * are followed into; everything else is left as it is. Worked out once per type; a record that contains itself is
 * refused, since text nested below the paths worked out would be stored in clear.
 */
public final class PersonalPaths {

    /** How the JSON value of a component is shaped: the value itself, each element of an array, each field's value. */
    public enum Shape { VALUE, EACH_ELEMENT, EACH_VALUE }

    /**
     * One component: {@code sealed} text (in the given shape), or a record (in the given shape) with its own paths.
     */
    public record Field(Shape shape, boolean sealed, PersonalPaths nested) {
    }

    private static final PersonalPaths NONE = new PersonalPaths(Map.of());

    private static final ClassValue<PersonalPaths> OF_TYPE = new ClassValue<>() {
        @Override
        protected PersonalPaths computeValue(Class<?> type) {
            return analyse(type, new ArrayDeque<>());
        }
    };

    private final Map<String, Field> fields;

    private PersonalPaths(Map<String, Field> fields) {
        this.fields = Map.copyOf(fields);
    }

    /**
     * The paths of {@code type}: empty for a type that is not a record or holds no personal text.
     *
     * @throws IllegalArgumentException when {@link Personal} marks something that is not text
     */
    public static PersonalPaths of(Class<?> type) {
        return OF_TYPE.get(type);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The components holding personal text, or records that do, by name. */
    public Map<String, Field> fields() {
        return fields;
    }

    private static PersonalPaths analyse(Class<?> type, Deque<Class<?>> within) {
        if (!type.isRecord()) {
            return NONE;
        }
        if (within.contains(type)) {
            // its JSON could nest without end, and text below the paths worked out here would be stored in clear
            throw new IllegalArgumentException(type.getName() + " contains itself: personal text is sealed along a "
                    + "fixed shape, so an event may not nest a record within itself");
        }
        within.push(type);
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean personal = component.isAnnotationPresent(Personal.class);
            Type generic = component.getGenericType();
            Class<?> raw = component.getType();
            Shape shape = Shape.VALUE;
            Type element = generic;
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                shape = Map.class.isAssignableFrom(raw) ? Shape.EACH_VALUE : Shape.EACH_ELEMENT;
                element = generic instanceof ParameterizedType parameterized
                        ? parameterized.getActualTypeArguments()[shape == Shape.EACH_VALUE ? 1 : 0]
                        : Object.class;
            }
            Class<?> elementType = element instanceof Class<?> c ? c
                    : element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c
                    : Object.class;
            if (personal) {
                if (elementType != String.class) {
                    throw new IllegalArgumentException(type.getName() + "." + component.getName()
                            + " is marked @Personal but holds " + element.getTypeName() + ": only text (a String, "
                            + "or a list or map of them) is sealed; mark the text inside a record, not the record");
                }
                fields.put(component.getName(), new Field(shape, true, NONE));
            } else if (elementType.isRecord()) {
                PersonalPaths nested = analyse(elementType, within);
                if (!nested.isEmpty()) {
                    fields.put(component.getName(), new Field(shape, false, nested));
                }
            }
        }
        within.pop();
        return fields.isEmpty() ? NONE : new PersonalPaths(fields);
    }
}
