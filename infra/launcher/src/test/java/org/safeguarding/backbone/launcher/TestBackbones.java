package org.safeguarding.backbone.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.localinfra.FreePorts;
import org.safeguarding.backbone.testsupport.PostgresDatabase;

/** How the launcher's end-to-end tests set up the backbone they start. */
final class TestBackbones {

    private TestBackbones() {
    }

    /** The whole backbone from this repository's build, its data in {@code data}, every port a free one. */
    static LocalBackbone.Settings onFreePorts(Path data) {
        return new LocalBackbone.Settings(Path.of(System.getProperty("backbone.repo-root", "../..")), data,
                Version.current(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                Map.of("referrals", FreePorts.next(), "feedback", FreePorts.next(), "transitions", FreePorts.next(),
                        "chronology", FreePorts.next()));
    }

    /**
     * Each service on a fresh PostgreSQL schema of its own (the production store), the four on one more for the
     * children's keys, its connections named
     * {@code <prefix>-<service>} ({@link PostgresDatabase#terminateConnections}); skips the test where no PostgreSQL
     * answers.
     */
    static Map<String, List<String>> servicesOnPostgres(String prefix) {
        Map<String, List<String>> stores = new HashMap<>();
        // and the children's keys in one schema the four share, as production has them (ADR 0015)
        List<String> keys = PostgresDatabase.freshSchemaFor(prefix + "-child-keys");
        for (String service : LocalBackbone.SERVICES) {
            List<String> database = PostgresDatabase.freshSchemaFor(prefix + "-" + service);
            stores.put(service, List.of("--spring.profiles.active=local,postgres",
                    "--spring.datasource.url=" + database.get(0), "--spring.datasource.username=" + database.get(1),
                    "--spring.datasource.password=" + database.get(2),
                    "--backbone.child-keys.datasource.url=" + keys.get(0),
                    "--backbone.child-keys.datasource.username=" + keys.get(1),
                    "--backbone.child-keys.datasource.password=" + keys.get(2)));
        }
        return stores;
    }
}
