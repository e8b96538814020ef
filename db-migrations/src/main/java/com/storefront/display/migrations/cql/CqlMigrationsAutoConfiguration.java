package com.storefront.display.migrations.cql;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;

/**
 * Runs the CQL migrations before the application's {@link CqlSession} opens, so the session can be
 * bound to a keyspace that a fresh cluster does not have yet (as Flyway does for a DataSource).
 */
@AutoConfiguration(after = CassandraAutoConfiguration.class)
@ConditionalOnBean(CqlSessionBuilder.class)
@ConditionalOnProperty(prefix = "display.cassandra.migrations", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CqlMigrationProperties.class)
public class CqlMigrationsAutoConfiguration {

    @Bean
    CqlMigrationsInitializer cqlMigrationsInitializer(CqlMigrationProperties properties,
                                                      CassandraProperties cassandra,
                                                      ObjectProvider<CqlSessionBuilder> sessionBuilders) {
        return new CqlMigrationsInitializer(new CqlMigrations(
                properties.toSettings(cassandra.getKeyspaceName()), sessionBuilders::getObject));
    }

    @Bean
    static SessionDependsOnMigrations sessionDependsOnCqlMigrations() {
        return new SessionDependsOnMigrations();
    }

    /** Migrates when the bean initialises, which every {@link CqlSession} bean waits for. */
    public static final class CqlMigrationsInitializer implements InitializingBean {

        private final CqlMigrations migrations;
        private MigrationReport report;

        CqlMigrationsInitializer(CqlMigrations migrations) {
            this.migrations = migrations;
        }

        @Override
        public void afterPropertiesSet() {
            report = migrations.migrate();
        }

        /** What the start-up run did; null before it ran. */
        public MigrationReport report() {
            return report;
        }
    }

    static final class SessionDependsOnMigrations extends AbstractDependsOnBeanFactoryPostProcessor {
        SessionDependsOnMigrations() {
            super(CqlSession.class, CqlMigrationsInitializer.class);
        }
    }
}
