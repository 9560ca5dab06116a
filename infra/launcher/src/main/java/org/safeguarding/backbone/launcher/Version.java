package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The backbone's version, written into the launcher at build time: the services' jars carry the same one. */
final class Version {

    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/backbone-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("backbone-version.properties is missing from the launcher");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
