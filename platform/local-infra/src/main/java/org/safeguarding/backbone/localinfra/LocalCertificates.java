package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS certificate for 127.0.0.1 and {@code localhost}, self-signed, with a trust store holding it, made with the
 * JDK's own {@code keytool} the first time they are asked for in a directory and reused afterwards. For the local
 * profile and tests only: DEVELOPMENT CREDENTIALS, the store password is {@value #PASSWORD}, not a secret; a
 * deployment uses certificates from its own authority (docs/architecture.md, "Deployment").
 */
public final class LocalCertificates {

    /** The password of both stores. Local only: never a secret, never for a real deployment. */
    public static final String PASSWORD = "dev-only-tls";

    private static final String TYPE = "PKCS12";

    private final Path keyStore;
    private final Path trustStore;

    private LocalCertificates(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /** The certificate and trust store in {@code dir}, made there now if they are not yet. */
    public static synchronized LocalCertificates in(Path dir) {
        Path keyStore = dir.resolve("keystore.p12");
        Path trustStore = dir.resolve("truststore.p12");
        if (!Files.exists(trustStore)) {
            try {
                Files.createDirectories(dir);
                Path certificate = dir.resolve("certificate.pem");
                Files.deleteIfExists(keyStore);
                keytool("-genkeypair", "-alias", "backbone", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=127.0.0.1, OU=development only, O=safeguarding backbone",
                        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "825",
                        "-keystore", keyStore.toString(), "-storetype", TYPE, "-storepass", PASSWORD,
                        "-keypass", PASSWORD);
                keytool("-exportcert", "-alias", "backbone", "-keystore", keyStore.toString(),
                        "-storepass", PASSWORD, "-rfc", "-file", certificate.toString());
                Path making = dir.resolve("truststore.p12.making");
                Files.deleteIfExists(making);
                keytool("-importcert", "-alias", "backbone", "-file", certificate.toString(), "-keystore",
                        making.toString(), "-storetype", TYPE, "-storepass", PASSWORD, "-noprompt");
                Files.move(making, trustStore);
            } catch (IOException e) {
                throw new UncheckedIOException("could not make the local TLS certificate in " + dir, e);
            }
        }
        return new LocalCertificates(keyStore, trustStore);
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            keytool.destroyForcibly();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    public Path keyStore() {
        return keyStore;
    }

    public Path trustStore() {
        return trustStore;
    }

    /** What a Kafka client needs to trust the certificate (its host name is checked too, as by default). */
    public Map<String, Object> kafkaClientConfig() {
        return Map.of("ssl.truststore.location", trustStore.toString(), "ssl.truststore.password", PASSWORD,
                "ssl.truststore.type", TYPE);
    }

    /** What a Kafka broker needs to serve TLS with the certificate, and to trust it when it calls itself. */
    public Map<String, Object> kafkaBrokerConfig() {
        return Map.of("ssl.keystore.location", keyStore.toString(), "ssl.keystore.password", PASSWORD,
                "ssl.keystore.type", TYPE, "ssl.key.password", PASSWORD,
                "ssl.truststore.location", trustStore.toString(), "ssl.truststore.password", PASSWORD,
                "ssl.truststore.type", TYPE);
    }

    /** A TLS context trusting the certificate and nothing else: for an HTTP client. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore trusted = KeyStore.getInstance(TYPE);
            trusted.load(in, PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read the local trust store " + trustStore, e);
        }
    }
}
