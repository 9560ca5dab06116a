package org.safeguarding.backbone.messaging.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain-language warnings (R16) kept in a view as one JSON column: null while there are none, read back as a list.
 * Unknown fields are ignored, so a column written by an earlier version still reads.
 */
@Converter
public final class PlainLanguageWarningsColumn implements AttributeConverter<List<PlainLanguageWarning>, String> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
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
