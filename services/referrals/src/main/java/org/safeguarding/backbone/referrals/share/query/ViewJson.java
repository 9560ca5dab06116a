package org.safeguarding.backbone.referrals.share.query;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of {@link ShareView} kept as JSON, read whole and never queried into: the view reads and writes them
 * itself, so callers get typed values. ISO-8601 times; unknown fields are ignored, so a view written by an earlier
 * version still reads.
 */
final class ViewJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ViewJson() {
    }

    /**
     * A value kept as JSON in one column; {@code absent} is what an empty column reads as, and is stored as an empty
     * column (no warnings: null, not {@code []}).
     */
    private abstract static class JsonColumn<T> implements AttributeConverter<T, String> {

        private final TypeReference<T> type;
        private final T absent;

        JsonColumn(TypeReference<T> type, T absent) {
            this.type = type;
            this.absent = absent;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            return value == null || value.equals(absent) ? null : JSON.writeValueAsString(value);
        }

        @Override
        public T convertToEntityAttribute(String json) {
            return json == null ? absent : JSON.readValue(json, type);
        }
    }

    /**
     * What the share says beyond its envelope ({@code content_json}), each personal text sealed under the child's
     * key: once erased, the same statements and details, each such text saying when it was erased.
     */
    @Converter
    static final class ContentConverter extends SealedColumn.Json<ShareView.Content> {
        ContentConverter(Sealing sealing) {
            super(sealing, JSON, ShareView.Content.class, new TypeReference<>() { });
        }
    }

    /** The plain-language warnings kept with a thread entry or a correction ({@code warnings_json}). */
    @Converter
    static final class WarningsConverter extends JsonColumn<List<PlainLanguageWarning>> {
        WarningsConverter() {
            super(new TypeReference<>() { }, List.of());
        }
    }

    /** A corrected statement ({@code statement_json}), sealed. */
    @Converter
    static final class StatementConverter extends SealedColumn.Json<ShareContent.Statement> {
        StatementConverter(Sealing sealing) {
            super(sealing, JSON, ShareContent.Statement.class, new TypeReference<>() { });
        }
    }

    /** Where each agency holding a share is with acknowledging one correction ({@code recipients_json}). */
    @Converter
    static final class CorrectionRecipientsConverter extends JsonColumn<List<ShareView.CorrectionRecipient>> {
        CorrectionRecipientsConverter() {
            super(new TypeReference<>() { }, null);
        }
    }
}
