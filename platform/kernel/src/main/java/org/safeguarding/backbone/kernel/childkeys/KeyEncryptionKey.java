package org.safeguarding.backbone.kernel.childkeys;

/**
 * The key that the children's data keys are stored under (envelope encryption): a data key is kept only wrapped by
 * it, so the key store alone yields nothing. A production deployment backs it with its KMS (wrap and unwrap are the
 * KMS's encrypt and decrypt of 32 bytes, with {@code context} as the encryption context); the embedded default keeps
 * one in a file ({@link LocalKeyEncryptionKey}).
 */
public interface KeyEncryptionKey {

    /** Which key wrapped a data key, stored beside it: a key can be rotated while older data keys stay readable. */
    String id();

    /** {@code dataKey} sealed, bound to {@code context} (a wrapped key cannot be moved to another child or key id). */
    byte[] wrap(byte[] dataKey, byte[] context);

    /**
     * The data key {@code wrapped} holds.
     *
     * @throws IllegalStateException when it was not wrapped by this key for {@code context}, or was altered
     */
    byte[] unwrap(byte[] wrapped, byte[] context);
}
