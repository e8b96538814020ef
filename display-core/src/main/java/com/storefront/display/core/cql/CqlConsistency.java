package com.storefront.display.core.cql;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.session.Session;

/**
 * The consistency every statement of an app runs at, from {@code display.cassandra.consistency.*}.
 * Reads run in the driver's default profile, set to the read level; writes name the
 * {@value #WRITE_PROFILE} profile, set to the write level. Every write of the read model and of the
 * operational tables sets absolute values (timestamped by the source version where it is the read
 * model), so it is marked idempotent: the driver may retry it on another node. A lightweight
 * transaction is the one exception, made through {@link #lightweightTransaction}.
 */
public final class CqlConsistency {

    /** The driver execution profile that writes run in. */
    public static final String WRITE_PROFILE = "display-write";

    private CqlConsistency() {
    }

    /** Sets the default (read) profile's level and adds the write profile. */
    public static ProgrammaticDriverConfigLoaderBuilder configure(ProgrammaticDriverConfigLoaderBuilder builder,
                                                                  DisplayCassandraProperties.Consistency consistency) {
        return builder.withString(DefaultDriverOption.REQUEST_CONSISTENCY, consistency.read().name())
                .startProfile(WRITE_PROFILE)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, consistency.write().name())
                .endProfile();
    }

    /** A write, in the write profile and idempotent; also what a write to be prepared is prepared from. */
    public static SimpleStatement write(String cql, Object... values) {
        return write(SimpleStatement.newInstance(cql, values));
    }

    /** The statement as a write: in the write profile, idempotent. */
    public static SimpleStatement write(SimpleStatement statement) {
        return statement.setExecutionProfileName(WRITE_PROFILE).setIdempotent(true);
    }

    /**
     * A write to be run on {@code session}: in the write profile when the session's configuration has
     * one (every app's, through {@link #configure}), else in its default profile (a session a test or a
     * tool built by hand, which knows no write level of its own); idempotent either way.
     */
    public static SimpleStatement write(Session session, String cql) {
        SimpleStatement statement = SimpleStatement.newInstance(cql).setIdempotent(true);
        return session.getContext().getConfig().getProfiles().containsKey(WRITE_PROFILE)
                ? statement.setExecutionProfileName(WRITE_PROFILE) : statement;
    }

    /** A read marked idempotent, so the driver may retry it elsewhere (and speculate, where configured). */
    public static SimpleStatement read(String cql, Object... values) {
        return SimpleStatement.newInstance(cql, values).setIdempotent(true);
    }

    /**
     * A conditional write ({@code IF NOT EXISTS}, {@code IF col = ?}): in the write profile for its commit
     * phase, {@code LOCAL_SERIAL} for its Paxos phase, and not idempotent: a retry after a timeout could
     * see its own first attempt and report it as another's.
     */
    public static SimpleStatement lightweightTransaction(String cql, Object... values) {
        return SimpleStatement.newInstance(cql, values).setExecutionProfileName(WRITE_PROFILE)
                .setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL).setIdempotent(false);
    }
}
