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
 * the data keys in {@code backbone.child-keys.datasource.url} (by default the service's own database, through a pool
 * of {@code backbone.child-keys.pool-size} connections of the key store's own), wrapped by
 * the key-encryption key in the file at {@code backbone.child-keys.key-encryption-key} (made at first start under
 * the local profile only; a deployment mounts its own). Always on where there is a database: the event stores and
 * the views ({@link SealedColumn}) keep a child's content only sealed, so there is no switch to turn it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class ChildKeysAutoConfiguration {

    /** The key store's own connections (closed with the context). */
    public record ChildKeyStore(HikariDataSource pool) implements AutoCloseable {
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
        return new ChildKeyStore(pool);
    }

    /**
     * The key store has a small pool of its own ({@link ChildKeyStore}), to the store named or to the service's own
     * database: a command makes its child's key while its transaction holds one of the service's connections, and
     * would otherwise wait for a second from the same pool, which under load is exhausted by requests doing the
     * same (a 503 for each: SealedAtRestTest).
     */
    @Bean
    @ConditionalOnMissingBean
    ChildKeys childKeys(ChildKeyStore store, Environment environment,
                        @Value("${backbone.child-keys.key-encryption-key:${backbone.data-dir:./.backbone}"
                                + "/child-keys/key-encryption.key}") Path keyEncryptionKey,
                        @Value("${backbone.child-keys.cache-for:PT5M}") Duration cacheFor,
                        @Value("${backbone.child-keys.cache-size:" + JdbcChildKeys.DEFAULT_CACHE_SIZE + "}")
                        int cacheSize) {
        boolean local = environment.acceptsProfiles(Profiles.of(DeploymentSafeguards.LOCAL_PROFILE));
        return new JdbcChildKeys(store.pool(), LocalKeyEncryptionKey.at(keyEncryptionKey, local), Clock.systemUTC(),
                cacheFor, cacheSize);
    }

    @Bean
    @ConditionalOnMissingBean
    Sealing sealing(ChildKeys childKeys) {
        return new Sealing(childKeys);
    }

    /** The chronology's holds and erasures ({@code safeguarding.chronology.events.v1}), carried out here. */
    @Bean
    @ConditionalOnMissingBean
    ChildKeyOrders childKeyOrders(ChildKeys childKeys, ObjectProvider<ErasedChildren> erasedChildren) {
        return new ChildKeyOrders(childKeys, erasedChildren.orderedStream().toList());
    }
}
