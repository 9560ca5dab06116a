package org.safeguarding.backbone.messaging.childkeys;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.JdbcChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LocalKeyEncryptionKey;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.DeploymentSafeguards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The children's keys every service seals personal text with (R18, docs/adr/0015-per-child-keys-and-erasure.md):
 * the data keys in {@code backbone.child-keys.datasource.url}, the one store the four services share (the embedded
 * default's launcher serves one; a deployment names a database of its own), through a pool of
 * {@code backbone.child-keys.pool-size} connections of the key store's own; without it, in the service's own database
 * (a service tested alone: what another service sealed on its topic would not open there). Wrapped by
 * the key-encryption key in the file at {@code backbone.child-keys.key-encryption-key} (made at first start under
 * the local profile only; a deployment mounts its own). Always on where there is a database: the event stores and
 * the views ({@link SealedColumn}) keep a child's content only sealed, so there is no switch to turn it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class ChildKeysAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ChildKeysAutoConfiguration.class);

    /**
     * The key store's own connections (closed with the context).
     *
     * @param named whether it is a store named for it ({@code backbone.child-keys.datasource.url}), not the
     *              service's own database
     */
    public record ChildKeyStore(HikariDataSource pool, boolean named) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }

    @Bean
    @ConditionalOnMissingBean(ChildKeys.class)
    ChildKeyStore childKeyStore(DataSourceProperties serviceDatabase,
                                @Value("${backbone.child-keys.pool-size:4}") int poolSize,
                                @Value("${backbone.child-keys.datasource.url:}") String url,
                                @Value("${backbone.child-keys.datasource.username:}") String username,
                                @Value("${backbone.child-keys.datasource.password:}") String password) {
        HikariDataSource pool = StringUtils.hasText(url)
                ? DataSourceBuilder.create().type(HikariDataSource.class).url(url).username(username)
                        .password(password).build()
                : serviceDatabase.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("child-keys");
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        return new ChildKeyStore(pool, StringUtils.hasText(url));
    }

    /**
     * The key store has a small pool of its own ({@link ChildKeyStore}), to the store named or to the service's own
     * database: a command makes its child's key while its transaction holds one of the service's connections, and
     * would otherwise wait for a second from the same pool, which under load is exhausted by requests doing the
     * same (a 503 for each: SealedAtRestTest).
     */
    @Bean
    @ConditionalOnMissingBean
    ChildKeys childKeys(ChildKeyStore store, DataSource serviceDatabase, Environment environment,
                        @Value("${backbone.child-keys.key-encryption-key:${backbone.data-dir:./.backbone}"
                                + "/child-keys/key-encryption.key}") Path keyEncryptionKey,
                        @Value("${backbone.child-keys.cache-for:PT5M}") Duration cacheFor,
                        @Value("${backbone.child-keys.cache-size:" + JdbcChildKeys.DEFAULT_CACHE_SIZE + "}")
                        int cacheSize) {
        boolean local = environment.acceptsProfiles(Profiles.of(DeploymentSafeguards.LOCAL_PROFILE));
        JdbcChildKeys keys = new JdbcChildKeys(store.pool(), LocalKeyEncryptionKey.at(keyEncryptionKey, local),
                Clock.systemUTC(), cacheFor, cacheSize);
        if (store.named()) {
            // a service that kept its keys in its own database before the services shared one store: what it sealed
            // opens through the shared store from now on, and an erasure there destroys the only copy
            int moved = keys.adoptFrom(serviceDatabase);
            if (moved > 0) {
                LOG.info("Moved {} child data keys from the service's own database to the shared key store", moved);
            }
        }
        return keys;
    }

    @Bean
    @ConditionalOnMissingBean
    Sealing sealing(ChildKeys childKeys) {
        return new Sealing(childKeys);
    }

    /** The personal fields of the records on the services' own topics, sealed and opened ({@link SealedRecords}). */
    @Bean
    @ConditionalOnMissingBean
    SealedRecords sealedRecords(Sealing sealing) {
        return new SealedRecords(sealing);
    }

    /** The chronology's holds and erasures ({@code safeguarding.chronology.events.v1}), carried out here. */
    @Bean
    @ConditionalOnMissingBean
    ChildKeyOrders childKeyOrders(ChildKeys childKeys, ObjectProvider<ErasedChildren> erasedChildren) {
        return new ChildKeyOrders(childKeys, erasedChildren.orderedStream().toList());
    }
}
