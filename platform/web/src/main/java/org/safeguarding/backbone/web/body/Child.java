package org.safeguarding.backbone.web.body;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.safeguarding.backbone.web.validation.NhsNumber;

/**
 * The child a request is about, as every request body names it: {@code {"nhsNumber": "...", "localIds": {...}}}.
 * The NHS number is checked (10 digits, valid check digit); {@code localIds} are the child's ids in agency systems,
 * kept where the record has a use for them (a share).
 */
public record Child(@NotBlank(message = "is required") @NhsNumber String nhsNumber,
                    @Size(max = 20, message = "at most 20 local ids")
                    Map<@NotBlank @Size(max = 100) String, @NotBlank @Size(max = 100) String> localIds) {
}
