package org.safeguarding.backbone.referrals.share.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.web.validation.NhsNumber;

/** The body of {@code POST /api/shares}. */
public record ShareRequest(
        @NotNull(message = "must identify the child") @Valid Child child,
        @NotEmpty(message = "must name at least one recipient agency") List<@NotNull @Valid Recipient> recipients,
        @NotBlank(message = "must state why the information is being shared") @Size(max = 4000) String purpose,
        @NotEmpty(message = "must contain at least one statement") List<@NotNull @Valid Statement> statements,
        @PastOrPresent(message = "cannot be in the future") Instant occurredAt) {

    public record Child(@NotBlank(message = "is required") @NhsNumber String nhsNumber) {
    }

    public record Recipient(@NotBlank(message = "is required") @Size(max = 100) String agency) {
    }

    public record Statement(@NotBlank(message = "must not be empty") @Size(max = 4000) String text) {
    }
}
