package org.safeguarding.backbone.messaging.childkeys;

import jakarta.persistence.AttributeConverter;
import java.util.Objects;
import org.safeguarding.backbone.kernel.childkeys.PersonalPaths;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A view's column sealed under its child's key (R18, ADR 0015), so the view's store holds no free text or personal
 * data in clear, and once the child's keys are erased it no longer opens anywhere, whichever copy of the store is
 * read. Two kinds: a {@link Text} column is stored whole as {@code $sealed:v1.<key id>.<ciphertext>}, and reads as
 * {@link Sealing#erasedText} once erased; a {@link Json} column (a structure: a share's content, a statement) keeps
 * its shape, each {@link org.safeguarding.backbone.kernel.childkeys.Personal} text in it sealed as the event store
 * seals it, so once erased it reads as the same structure with each such text saying when it was erased.
 *
 * <p>A column written before views were sealed reads as it was, and is written again as it was, in clear, until the
 * view replaces its value. A value that does not open though its key was not erased (altered, or sealed under another
 * key store) is a fault: it is reported ({@link Sealing.Unreadable}), never read as something else.
 *
 * <p>Hibernate makes converters through Spring (its bean container), so a column takes the {@link Sealing} in its
 * constructor.
 */
public abstract sealed class SealedColumn<T> implements AttributeConverter<ChildContent<T>, String> {

    /** What a sealed {@link Text} column's value begins with; what follows is a {@link Sealing} text. */
    public static final String PREFIX = "$sealed:";

    /**
     * The length of a column holding a text of up to 4,000 characters sealed whole: the prefix and key id (48), then
     * the text's UTF-8 bytes (up to 3 a character) with nonce and tag (28) in base64, at most 16,086.
     */
    public static final int LENGTH_4000 = 16_100;

    /** The same for a text of up to 20,000 characters: at most 80,086. */
    public static final int LENGTH_20000 = 80_100;

    protected final Sealing sealing;

    private SealedColumn(Sealing sealing) {
        this.sealing = Objects.requireNonNull(sealing);
    }

    /** A text column sealed whole: reasons, answers, questions, anything a person wrote about a child. */
    public static final class Text extends SealedColumn<String> {

        public Text(Sealing sealing) {
            super(sealing);
        }

        @Override
        public String convertToDatabaseColumn(ChildContent<String> content) {
            if (content == null || content.value() == null) {
                return null;
            }
            if (content.childId() == null || content.erased()) {
                // no child: read from a column written before views were sealed, and written again as it was;
                // erased: what it reads as says only when and why, nothing of the child's
                return content.value();
            }
            return PREFIX + sealing.seal(content.childId(), content.value());
        }

        @Override
        public ChildContent<String> convertToEntityAttribute(String column) {
            if (column == null) {
                return null;
            }
            if (!column.startsWith(PREFIX)) {
                return new ChildContent<>(null, column, false);
            }
            Sealing.Opened opened = sealing.opened(column.substring(PREFIX.length()));
            return new ChildContent<>(opened.childId(), opened.text(), opened.erased());
        }
    }

    /**
     * A structure kept as JSON in one column, its personal text sealed field by field (which fields: the
     * {@link org.safeguarding.backbone.kernel.childkeys.Personal} components of {@code type} and the records in it).
     */
    public abstract static non-sealed class Json<T> extends SealedColumn<T> {

        private final JsonMapper json;
        private final TypeReference<T> type;
        private final PersonalPaths paths;
        private final SealedJson sealedJson;

        /**
         * @param record the record the value is, or each of its elements is when it is a list: its
         *               {@link org.safeguarding.backbone.kernel.childkeys.Personal} components are sealed
         */
        protected Json(Sealing sealing, JsonMapper json, Class<?> record, TypeReference<T> type) {
            super(sealing);
            this.json = json;
            this.type = type;
            this.paths = PersonalPaths.of(record);
            this.sealedJson = new SealedJson(sealing, json);
        }

        @Override
        public String convertToDatabaseColumn(ChildContent<T> content) {
            if (content == null || content.value() == null) {
                return null;
            }
            JsonNode tree = json.valueToTree(content.value());
            if (content.childId() != null) {
                if (tree instanceof ArrayNode list) {
                    list.forEach(each -> sealedJson.seal(each, paths, content.childId()));
                } else {
                    sealedJson.seal(tree, paths, content.childId());
                }
            }
            return json.writeValueAsString(tree);
        }

        @Override
        public ChildContent<T> convertToEntityAttribute(String column) {
            if (column == null) {
                return null;
            }
            String[] child = new String[1];
            boolean[] erased = new boolean[1];
            JsonNode tree = sealedJson.open(json.readTree(column), opened -> {
                child[0] = opened.childId();
                erased[0] |= opened.erased();
            });
            return new ChildContent<>(child[0], json.convertValue(tree, type), erased[0]);
        }
    }
}
