package org.safeguarding.backbone.transitions.transfer.query;

import jakarta.persistence.Converter;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.PackageItem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transfer package's items kept in the view as one JSON column, read whole; null when no package was sent. Each
 * item's purpose is sealed under the child's key (R18): once erased, the same items, each purpose saying when it
 * was erased.
 */
@Converter
public final class PackageItemsColumn extends SealedColumn.Json<List<PackageItem>> {

    /** The column's size (V16): the largest varchar both H2 and PostgreSQL keep in the row. */
    static final int LENGTH = 1_000_000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    PackageItemsColumn(Sealing sealing) {
        super(sealing, JSON, PackageItem.class, new TypeReference<List<PackageItem>>() { });
    }
}
