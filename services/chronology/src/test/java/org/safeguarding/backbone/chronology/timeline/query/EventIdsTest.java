package org.safeguarding.backbone.chronology.timeline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rebuild's memory of the acts it has recorded answers as a set of the ids' text would, and nothing looser. */
class EventIdsTest {

    @Test
    void answersAsASetOfTheIdsWould_forUuidsAndAnyOtherIds_throughManyGrowths() {
        Random random = new Random(27);
        EventIds ids = new EventIds();
        Set<String> model = new HashSet<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String id = switch (random.nextInt(6)) {
                case 0 -> "share-" + random.nextInt(50_000);
                case 1 -> seen.isEmpty() ? "none" : seen.get(random.nextInt(seen.size()));
                default -> new UUID(random.nextLong(), random.nextLong()).toString();
            };
            assertThat(ids.contains(id)).as(id).isEqualTo(model.contains(id));
            assertThat(ids.add(id)).as(id).isEqualTo(model.add(id));
            assertThat(ids.contains(id)).isTrue();
            seen.add(id);
        }
        assertThat(ids.size()).isEqualTo(model.size());
        for (int i = 0; i < 20_000; i++) {
            String other = new UUID(random.nextLong(), random.nextLong()).toString();
            assertThat(ids.contains(other)).isEqualTo(model.contains(other));
        }
    }

    @Test
    void idsThatReadAsTheSameUuid_butAreWrittenOtherwise_areOtherIds() {
        EventIds ids = new EventIds();
        String canonical = "0a1b2c3d-0000-4000-8000-00000000abcd";
        assertThat(ids.add(canonical)).isTrue();
        // the same 128 bits, other text: UUID.fromString takes each of these, the chronology keeps them apart
        assertThat(ids.contains(canonical.toUpperCase())).isFalse();
        assertThat(ids.contains("a1b2c3d-0-4000-8000-00000000abcd")).isFalse();
        assertThat(ids.add(canonical.toUpperCase())).isTrue();
        assertThat(ids.add(canonical)).isFalse();
        assertThat(ids.size()).isEqualTo(2);
    }

    @Test
    void theNilUuid_isAnIdLikeAnyOther() {
        EventIds ids = new EventIds();
        String nil = new UUID(0, 0).toString();
        assertThat(ids.contains(nil)).isFalse();
        assertThat(ids.add(nil)).isTrue();
        assertThat(ids.contains(nil)).isTrue();
        assertThat(ids.add(nil)).isFalse();
        assertThat(ids.contains(new UUID(0, 1).toString())).isFalse();
        assertThat(ids.size()).isEqualTo(1);
    }
}
