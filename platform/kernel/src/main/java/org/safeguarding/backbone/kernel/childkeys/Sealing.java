package org.safeguarding.backbone.kernel.childkeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a text under its child's data key and opens it again (AES-256-GCM, a fresh 96-bit nonce a value). A sealed
 * text reads {@code v1.<key id>.<nonce and ciphertext, base64url>}: it names its key, so it opens without knowing
 * whose it is, and the key id is bound into the ciphertext, so it cannot be made to open under another key. Once the
 * child's keys are erased it opens to {@link #erasedText}, saying when.
 */
public final class Sealing {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChildKeys keys;

    public Sealing(ChildKeys keys) {
        this.keys = Objects.requireNonNull(keys);
    }

    /** {@code clear} sealed under the live key of {@code childId}. */
    public String seal(String childId, String clear) {
        ChildKeys.DataKey key = keys.current(childId);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(boundTo(key.keyId()));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] all = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return VERSION + "." + key.keyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal content about a child", e);
        }
    }

    /**
     * The text {@code sealed} holds, or {@link #erasedText} when its key was erased.
     *
     * @throws Unreadable when it is not a sealed text, its key is unknown, or it was altered
     */
    public String open(String sealed) {
        return opened(sealed).text();
    }

    /**
     * What {@code sealed} holds and whose it is: its text, or {@link #erasedText} with {@code erased} true when its
     * key was erased.
     *
     * @throws Unreadable when it is not a sealed text, its key is unknown, or it was altered
     */
    public Opened opened(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new Unreadable("not a sealed text (expected " + VERSION + ".<key id>.<ciphertext>)");
        }
        String keyId = parts[1];
        ChildKeys.KeyState state = keys.find(keyId)
                .orElseThrow(() -> new UnknownKey("sealed under key " + keyId + ", which the key store does not hold: "
                        + "the key store is not the one it was sealed with"));
        if (state instanceof ChildKeys.Erased erased) {
            return new Opened(erased.childId(), erasedText(erased), true);
        }
        ChildKeys.DataKey key = ((ChildKeys.Live) state).key();
        try {
            byte[] all = Base64.getUrlDecoder().decode(parts[2]);
            if (all.length <= NONCE_BYTES) {
                throw new Unreadable("sealed text under key " + keyId + " is too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo(keyId));
            return new Opened(key.childId(), new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES),
                    StandardCharsets.UTF_8), false);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new Unreadable("sealed text under key " + keyId + " does not open: it was altered, or sealed under "
                    + "another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not open content about a child", e);
        }
    }

    /**
     * What an erased text reads as, wherever it is shown: {@code [erased on 2038-01-19: <reason>]}, so a reader
     * knows that something was said, and that it was erased, when.
     */
    public static String erasedText(ChildKeys.Erased erased) {
        return "[erased on " + erased.erasedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ": " + erased.reason() + "]";
    }

    /** Whether {@code text} is what an erased text reads as. */
    public static boolean isErasedText(String text) {
        return text != null && text.startsWith("[erased on ") && text.endsWith("]");
    }

    private static byte[] boundTo(String keyId) {
        return ("sealed-text:" + VERSION + ":" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A sealed text opened: the child it is about, and its text, or what an erased text reads as.
     *
     * @param erased whether the key it was sealed under was erased: {@code text} is then {@link #erasedText}
     */
    public record Opened(String childId, String text, boolean erased) {

        @Override
        public String toString() {
            // neither the text nor the child (an NHS number) in anything that may be logged
            return "Opened[erased=" + erased + "]";
        }
    }

    /** A sealed text that cannot be opened, though its key was not erased: a fault to report, not to hide. */
    public static class Unreadable extends RuntimeException {

        public Unreadable(String message) {
            super(message);
        }
    }

    /**
     * A sealed text whose key the key store does not hold: not altered, but read through a key store other than the
     * one it was sealed with (a service not pointed at the shared store): a fault of the deployment, to be put right.
     */
    public static final class UnknownKey extends Unreadable {

        public UnknownKey(String message) {
            super(message);
        }
    }
}
