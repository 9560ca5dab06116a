package org.safeguarding.backbone.chronology.webhook.process;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, after the Standard Webhooks convention: {@code webhook-signature: v1,<base64>}, the
 * HMAC-SHA256, keyed with the UTF-8 bytes of the agency's secret, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 * The receiver recomputes it, compares in constant time, and refuses a timestamp more than a few minutes from its own
 * clock (a replayed delivery).
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE} header's value for a delivery. */
    public static String of(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
