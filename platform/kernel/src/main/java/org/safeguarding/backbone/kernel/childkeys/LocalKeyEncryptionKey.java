package org.safeguarding.backbone.kernel.childkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key kept in a file of 32 random bytes (AES-256; data keys wrapped with AES-GCM): the embedded
 * default's, made at its first start under the local profile only. Development only: whoever reads the file and the
 * key store reads every child's content. A deployment uses its KMS ({@link KeyEncryptionKey}) or mounts a file from
 * its secret store.
 */
public final class LocalKeyEncryptionKey implements KeyEncryptionKey {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private LocalKeyEncryptionKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.id = "local:" + HexFormat.of().formatHex(sha256(("key-encryption-key:" + HexFormat.of().formatHex(key))
                .getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
    }

    /**
     * The key in the file at {@code path}; made there when {@code mayCreate} and it does not exist.
     *
     * @throws IllegalStateException when the file is missing and may not be made, or is not 32 bytes
     */
    public static LocalKeyEncryptionKey at(Path path, boolean mayCreate) {
        try {
            if (!Files.exists(path)) {
                if (!mayCreate) {
                    throw new IllegalStateException("No key-encryption key for the children's data keys at " + path
                            + " (backbone.child-keys.key-encryption-key): mount the deployment's key there (32 random "
                            + "bytes), or use its KMS");
                }
                create(path);
            }
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("The key-encryption key at " + path + " is " + bytes.length
                        + " bytes, not " + KEY_BYTES + " (AES-256)");
            }
            return new LocalKeyEncryptionKey(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the key-encryption key at " + path, e);
        }
    }

    private static void create(Path path) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Path partial = path.resolveSibling(path.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        Files.write(partial, bytes);
        try {
            // whole or not at all, and the first of several services starting at once wins: the others read its key
            Files.createLink(path, partial);
        } catch (FileAlreadyExistsException e) {
            // another service made it first
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
            return wrapped;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a data key", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] context) {
        try {
            if (wrapped.length <= NONCE_BYTES) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(context);
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A child's data key does not open with the key-encryption key " + id
                    + ": it was wrapped by another key, for another child, or altered", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
