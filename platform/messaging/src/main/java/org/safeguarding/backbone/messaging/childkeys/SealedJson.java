package org.safeguarding.backbone.messaging.childkeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.safeguarding.backbone.kernel.childkeys.PersonalPaths;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Seals the {@link org.safeguarding.backbone.kernel.childkeys.Personal} text of a JSON tree under a child's key, each
 * such text replaced by {@code {"$sealed": "v1.<key id>.<ciphertext>"}}, and opens a tree again: what the event
 * store ({@link SealingSerializer}) and the views' structured columns ({@link SealedColumn.Json}) keep. Everything
 * else in the tree stays as it was, so it keeps its shape; a JSON object can never stand where text was written, so
 * what a caller wrote is never taken for a sealed value.
 */
final class SealedJson {

    static final String SEALED = "$sealed";

    private final Sealing sealing;
    private final JsonMapper json;

    SealedJson(Sealing sealing, JsonMapper json) {
        this.sealing = sealing;
        this.json = json;
    }

    /** Seals, in place, every text of {@code node} that {@code paths} says is personal, under {@code childId}'s key. */
    void seal(JsonNode node, PersonalPaths paths, String childId) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Map.Entry<String, PersonalPaths.Field> entry : paths.fields().entrySet()) {
            JsonNode value = object.get(entry.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            PersonalPaths.Field field = entry.getValue();
            switch (field.shape()) {
                case VALUE -> {
                    if (field.sealed()) {
                        if (value.isString()) {
                            object.set(entry.getKey(), sealed(childId, value.stringValue()));
                        }
                    } else {
                        seal(value, field.nested(), childId);
                    }
                }
                case EACH_ELEMENT -> {
                    if (value instanceof ArrayNode array) {
                        for (int i = 0; i < array.size(); i++) {
                            if (!field.sealed()) {
                                seal(array.get(i), field.nested(), childId);
                            } else if (array.get(i).isString()) {
                                array.set(i, sealed(childId, array.get(i).stringValue()));
                            }
                        }
                    }
                }
                case EACH_VALUE -> {
                    if (value instanceof ObjectNode map) {
                        for (String key : new ArrayList<>(map.propertyNames())) {
                            if (!field.sealed()) {
                                seal(map.get(key), field.nested(), childId);
                            } else if (map.get(key).isString()) {
                                map.set(key, sealed(childId, map.get(key).stringValue()));
                            }
                        }
                    }
                }
            }
        }
    }

    private ObjectNode sealed(String childId, String clear) {
        ObjectNode sealed = json.createObjectNode();
        sealed.put(SEALED, sealing.seal(childId, clear));
        return sealed;
    }

    /**
     * {@code node} with every sealed value in it opened, or reading as erased (the same node, changed in place,
     * unless it was one); {@code seen} is told of each value opened.
     */
    JsonNode open(JsonNode node, Consumer<Sealing.Opened> seen) {
        if (node instanceof ObjectNode object) {
            JsonNode sealed = object.get(SEALED);
            if (object.size() == 1 && sealed != null && sealed.isString()) {
                Sealing.Opened opened = sealing.opened(sealed.stringValue());
                seen.accept(opened);
                return StringNode.valueOf(opened.text());
            }
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String name : names) {
                JsonNode value = object.get(name);
                JsonNode replaced = open(value, seen);
                if (replaced != value) {
                    object.set(name, replaced);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                JsonNode replaced = open(value, seen);
                if (replaced != value) {
                    array.set(i, replaced);
                }
            }
        }
        return node;
    }
}
