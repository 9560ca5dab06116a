package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The synthetic agencies of the local profile ({@code backbone/local-agencies.yml}, in platform/web): the ids the
 * local broker makes principals, topics and ACLs for. Development credentials, local only.
 */
public final class LocalAgencies {

    /** Where the file is, from the repository root. */
    public static final String IN_REPOSITORY = "platform/web/src/main/resources/backbone/local-agencies.yml";

    /** Where it is on a classpath that holds platform/web. */
    public static final String ON_CLASSPATH = "backbone/local-agencies.yml";

    private LocalAgencies() {
    }

    public static List<String> fromRepository(Path repoRoot) {
        try (InputStream in = Files.newInputStream(repoRoot.resolve(IN_REPOSITORY))) {
            return ids(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local agencies from " + repoRoot.resolve(IN_REPOSITORY), e);
        }
    }

    public static List<String> fromClasspath() {
        try (InputStream in = LocalAgencies.class.getClassLoader().getResourceAsStream(ON_CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(ON_CLASSPATH + " is not on the classpath (it is in platform/web)");
            }
            return ids(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agency ids under {@code backbone.security.agencies}. */
    @SuppressWarnings("unchecked")
    static List<String> ids(InputStream yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object agencies = root;
        for (String key : List.of("backbone", "security", "agencies")) {
            if (!(agencies instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalStateException("no backbone.security.agencies in the local agencies file");
            }
            agencies = map.get(key);
        }
        if (!(agencies instanceof Map<?, ?> map)) {
            throw new IllegalStateException("backbone.security.agencies is not a map of agencies");
        }
        return new ArrayList<>(((Map<String, Object>) map).keySet());
    }
}
