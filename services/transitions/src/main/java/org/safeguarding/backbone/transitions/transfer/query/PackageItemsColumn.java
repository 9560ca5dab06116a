package org.safeguarding.backbone.transitions.transfer.query;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.PackageItem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A transfer package's items kept in the view as one JSON column, read whole; null when no package was sent. */
@Converter
public final class PackageItemsColumn implements AttributeConverter<List<PackageItem>, String> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<PackageItem>> ITEMS = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(List<PackageItem> items) {
        return items == null ? null : JSON.writeValueAsString(items);
    }

    @Override
    public List<PackageItem> convertToEntityAttribute(String json) {
        return json == null ? null : List.copyOf(JSON.readValue(json, ITEMS));
    }
}
