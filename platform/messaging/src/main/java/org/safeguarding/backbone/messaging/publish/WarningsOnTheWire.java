package org.safeguarding.backbone.messaging.publish;

import java.util.List;
import org.safeguarding.backbone.contracts.referrals.v1.PlainLanguageWarning;

/** Plain-language warnings (R16) as the contracts carry them, one record type wherever a practitioner wrote. */
public final class WarningsOnTheWire {

    private WarningsOnTheWire() {
    }

    public static List<PlainLanguageWarning> of(
            List<org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning> warnings) {
        return warnings.stream().map(w -> PlainLanguageWarning.newBuilder().setField(w.field()).setTerm(w.term())
                .setSuggestion(w.suggestion()).build()).toList();
    }
}
