package org.safeguarding.backbone.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Hostile and broken variants of a valid JSON request body, for trying every command endpoint with what a faulty or
 * malicious agency system might send (issue 12): values of the wrong type, out of range, huge, empty, full of control
 * characters or markup; fields removed, added, duplicated; nesting too deep; bodies cut short, bytes changed, not
 * JSON, not UTF-8, under the wrong content type. Structure-aware and seeded: the same seed gives the same inputs,
 * and each input says how it was made, so a failure can be tried again.
 */
public final class HostileBodies {

    /** Inputs per endpoint in the build: {@code -Dfuzz.bodies=N} for more. */
    public static int perEndpoint() {
        return Integer.getInteger("fuzz.bodies", 16);
    }

    /** The seed: {@code -Dfuzz.seed=N} for other inputs than the build's. */
    public static long seed() {
        return Long.getLong("fuzz.seed", 20261126L);
    }

    /** One input: the bytes to send, under which content type, and how it was made. */
    public record Hostile(String made, byte[] body, String contentType) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "@@hostile@@";

    /** Values no field of ours should take quietly, each as raw JSON text. */
    private static final List<String> VALUES = List.of(
            "null", "true", "false", "0", "-1", "2147483648", "-9223372036854775809", "1e400", "-1.0E-400",
            "123456789012345678901234567890", "NaN", "\"\"", "\" \"", "\"\\u0000\\u0007\\u001b\"",
            "\"" + "x".repeat(100_000) + "\"", "\"\\ud800\"", "\"\\u202egnp.exe\"", "\"\\ud83d\\ude00\"",
            "\"<script>alert(1)</script>\"", "\"'; drop table domain_event_entry; --\"", "\"../../../etc/passwd\"",
            "\"9990000026\"", "\"0000000000\"", "\"2026-02-30\"", "\"2026-13-01T25:61:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01\"", "\"P9999999999D\"", "\"UNKNOWN_SYMBOL\"",
            "[]", "{}", "[" + "null,".repeat(4_999) + "null]", "[".repeat(200) + "]".repeat(200),
            "{\"a\":".repeat(200) + "1" + "}".repeat(200), "{\"$ref\": \"#/\"}", "[\"a\", 1, null, {}]");

    /** Whole bodies that are not the request at all. */
    private static final List<String> BODIES = List.of(
            "", " ", "null", "[]", "{}", "\"text\"", "42", "{", "}", "{\"a\"", "[".repeat(100_000),
            "{\"a\":".repeat(5_000), "1".repeat(100_000), "<xml/>", "a=1&b=2", "{\"a\": 1} trailing");

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json;charset=UTF-16",
            "application/octet-stream", "multipart/form-data; boundary=x");

    private HostileBodies() {
    }

    /** {@code count} variants of {@code valid}, made from {@code seed}. */
    public static List<Hostile> of(String valid, long seed, int count) {
        Random random = new Random(seed);
        List<Hostile> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(one(valid, random));
        }
        return inputs;
    }

    private static Hostile one(String valid, Random random) {
        String json = "application/json";
        int kind = random.nextInt(20);
        if (kind == 0) {
            String body = pick(BODIES, random);
            return new Hostile("a body that is not the request: " + abbreviated(body), bytes(body), json);
        }
        if (kind == 1) {
            byte[] utf8 = bytes(valid);
            byte[] broken = new byte[utf8.length + 2];
            int at = random.nextInt(utf8.length);
            System.arraycopy(utf8, 0, broken, 0, at);
            broken[at] = (byte) 0xC3;
            broken[at + 1] = (byte) 0x28;
            System.arraycopy(utf8, at, broken, at + 2, utf8.length - at);
            return new Hostile("bytes that are not UTF-8 at " + at, broken, json);
        }
        if (kind == 2) {
            String type = pick(CONTENT_TYPES, random);
            return new Hostile("the request under content type " + type, bytes(valid), type);
        }
        if (kind == 3) {
            int at = random.nextInt(Math.max(1, valid.length()));
            return new Hostile("the request cut short at " + at, bytes(valid.substring(0, at)), json);
        }
        if (kind == 4) {
            int at = random.nextInt(Math.max(1, valid.length()));
            String characters = "\"\\{}[],:\u0000\u00ff'";
            char with = characters.charAt(random.nextInt(characters.length()));
            return new Hostile("character " + at + " changed to U+" + Integer.toHexString(with),
                    bytes(valid.substring(0, at) + with + valid.substring(Math.min(valid.length(), at + 1))), json);
        }
        JsonNode tree = parse(valid);
        List<String> made = new ArrayList<>();
        int changes = 1 + random.nextInt(3);
        String raw = null;
        for (int i = 0; i < changes; i++) {
            List<JsonPointer> paths = new ArrayList<>();
            collect(tree, JsonPointer.empty(), paths);
            if (paths.isEmpty()) {
                break;
            }
            JsonPointer path = paths.get(random.nextInt(paths.size()));
            int change = random.nextInt(4);
            if (change == 0 && raw == null) {
                raw = pick(VALUES, random);
                put(tree, path, StringNode.valueOf(MARK));
                made.add(path + " set to " + abbreviated(raw));
            } else if (change == 1) {
                remove(tree, path);
                made.add(path + " removed");
            } else if (change == 2 && parentOf(tree, path) instanceof ObjectNode parent) {
                parent.put("unexpected" + random.nextInt(10), "added by a hostile sender");
                made.add("a field added beside " + path);
            } else {
                JsonNode value = tree.at(path);
                ArrayNode wrapped = JSON.createArrayNode().add(value.deepCopy());
                put(tree, path, random.nextBoolean() ? wrapped : JSON.createObjectNode().set("value", value.deepCopy()));
                made.add(path + " wrapped in an array or object");
            }
        }
        String body = tree.toString();
        if (raw != null) {
            body = body.replace("\"" + MARK + "\"", raw);
        }
        if (random.nextInt(6) == 0 && body.startsWith("{\"")) {
            int end = body.indexOf('"', 2);
            String key = body.substring(2, end);
            body = "{\"" + key + "\": " + pick(VALUES, random) + ", " + body.substring(1);
            made.add("field " + key + " given twice");
        }
        return new Hostile(String.join("; ", made), bytes(body), json);
    }

    private static JsonNode parse(String valid) {
        try {
            return JSON.readTree(valid);
        } catch (Exception e) {
            throw new IllegalArgumentException("the valid body is not JSON: " + valid, e);
        }
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> paths) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonPointer child = at.appendProperty(name);
                paths.add(child);
                collect(object.get(name), child, paths);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                paths.add(child);
                collect(array.get(i), child, paths);
            }
        }
    }

    private static ContainerNode<?> parentOf(JsonNode tree, JsonPointer path) {
        JsonNode parent = tree.at(path.head());
        return parent instanceof ContainerNode<?> container ? container : null;
    }

    private static void put(JsonNode tree, JsonPointer path, JsonNode value) {
        ContainerNode<?> parent = parentOf(tree, path);
        if (parent instanceof ObjectNode object) {
            object.set(path.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        }
    }

    private static void remove(JsonNode tree, JsonPointer path) {
        ContainerNode<?> parent = parentOf(tree, path);
        if (parent instanceof ObjectNode object) {
            object.remove(path.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.remove(path.last().getMatchingIndex());
        }
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** At most 80 characters of {@code text}, with its length when longer. */
    public static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }
}
