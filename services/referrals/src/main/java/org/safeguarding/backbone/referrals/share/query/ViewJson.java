package org.safeguarding.backbone.referrals.share.query;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
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

    /** What the share says beyond its envelope ({@code content_json}). */
    @Converter
    static final class ContentConverter implements AttributeConverter<ShareView.Content, String> {

        @Override
        public String convertToDatabaseColumn(ShareView.Content content) {
            return content == null ? null : JSON.writeValueAsString(content);
        }

        @Override
        public ShareView.Content convertToEntityAttribute(String json) {
            return json == null ? null : JSON.readValue(json, ShareView.Content.class);
        }
    }

    /** The plain-language warnings kept with one thread entry ({@code warnings_json}; null while there are none). */
    @Converter
    static final class WarningsConverter implements AttributeConverter<List<PlainLanguageWarning>, String> {

        private static final TypeReference<List<PlainLanguageWarning>> WARNINGS = new TypeReference<>() { };

        @Override
        public String convertToDatabaseColumn(List<PlainLanguageWarning> warnings) {
            return warnings == null || warnings.isEmpty() ? null : JSON.writeValueAsString(warnings);
        }

        @Override
        public List<PlainLanguageWarning> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(JSON.readValue(json, WARNINGS));
        }
    }

    /** A corrected statement ({@code statement_json}). */
    @Converter
    static final class StatementConverter implements AttributeConverter<ShareContent.Statement, String> {

        @Override
        public String convertToDatabaseColumn(ShareContent.Statement statement) {
            return statement == null ? null : JSON.writeValueAsString(statement);
        }

        @Override
        public ShareContent.Statement convertToEntityAttribute(String json) {
            return json == null ? null : JSON.readValue(json, ShareContent.Statement.class);
        }
    }

    /** Where each agency holding a share is with acknowledging one correction ({@code recipients_json}). */
    @Converter
    static final class CorrectionRecipientsConverter
            implements AttributeConverter<List<ShareView.CorrectionRecipient>, String> {

        private static final TypeReference<List<ShareView.CorrectionRecipient>> RECIPIENTS = new TypeReference<>() { };

        @Override
        public String convertToDatabaseColumn(List<ShareView.CorrectionRecipient> recipients) {
            return JSON.writeValueAsString(recipients == null ? List.of() : recipients);
        }

        @Override
        public List<ShareView.CorrectionRecipient> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(JSON.readValue(json, RECIPIENTS));
        }
    }
}
