package org.safeguarding.backbone.messaging.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key pair the event chain's checkpoints are signed with, kept in two files outside the database: the
 * private key (PKCS#8, DER) at the configured path and the public key (X.509, DER) beside it with {@code .pub} added.
 * Someone who can change the database cannot sign a checkpoint; the check trusts the public key file, not anything
 * stored with the checkpoints. A production deployment mounts the pair from its secret store (a KMS or HSM would sign
 * in its place: docs/reliability.md); under the local profile the pair is made at first start.
 */
public final class ChainSigningKey {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    private ChainSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.id = HexFormat.of().formatHex(sha256(publicKey.getEncoded())).substring(0, 16);
    }

    /**
     * The pair at {@code path} (and {@code path.pub}); made there when {@code mayCreate} and neither file exists.
     *
     * @throws IllegalStateException when the files are missing and may not be made, or cannot be read as a pair
     */
    public static ChainSigningKey at(Path path, boolean mayCreate) {
        Path publicPath = path.resolveSibling(path.getFileName() + ".pub");
        try {
            if (!Files.exists(path) && !Files.exists(publicPath)) {
                if (!mayCreate) {
                    throw new IllegalStateException("No key to sign the event chain's checkpoints at " + path
                            + " (backbone.event-chain.signing-key): mount the deployment's Ed25519 pair there "
                            + "(PKCS#8 private key, X.509 public key in " + publicPath.getFileName() + ")");
                }
                create(path, publicPath);
            }
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(path)));
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicPath)));
            ChainSigningKey key = new ChainSigningKey(privateKey, publicKey);
            byte[] probe = "event-chain".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!key.verifies(probe, key.sign(probe))) {
                throw new IllegalStateException("The event chain's signing key at " + path + " and its public key "
                        + publicPath + " are not a pair");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the event chain's signing key at " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The event chain's signing key at " + path + " is not an Ed25519 pair "
                    + "(PKCS#8 private key, X.509 public key in " + publicPath.getFileName() + ")", e);
        }
    }

    private static void create(Path path, Path publicPath) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("another process is making the event chain's signing key at " + path, e);
        }
        Files.write(path, pair.getPrivate().getEncoded());
        Files.write(publicPath, pair.getPublic().getEncoded());
    }

    /** The first 16 hex digits of the SHA-256 of the public key: which key signed a checkpoint. */
    public String id() {
        return id;
    }

    String sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint of the event chain", e);
        }
    }

    boolean verifies(byte[] data, String signed) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(data);
            return signature.verify(Base64.getDecoder().decode(signed));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
