package com.storefront.display.core.cql;

import java.util.List;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/**
 * What every session of ours sets beside the driver's defaults: schema metadata of its own keyspace
 * only, and a close that returns at once.
 * <ul>
 * <li>By default the driver loads the schema of every keyspace of the cluster when it connects, and
 * refreshes it (after a one-second debouncer) on every schema change anywhere in the cluster: on a
 * cluster shared by many keyspaces, each {@code CREATE} or {@code DROP} elsewhere costs every live
 * session a refresh. The token map, which token-aware routing needs, only needs the session's own
 * keyspace.</li>
 * <li>By default closing a session waits two seconds of quiet on its Netty event loops before it
 * returns ({@code advanced.netty.io-group.shutdown.quiet-period}); a closed session has no work left
 * to wait for, and the wait was paid by every app's shutdown and every migration run.</li>
 * </ul>
 */
public final class SessionDefaults {

    private SessionDefaults() {
    }

    /** Schema metadata of {@code keyspace} only (none of the cluster's other keyspaces). */
    public static ProgrammaticDriverConfigLoaderBuilder schemaOf(ProgrammaticDriverConfigLoaderBuilder builder, String keyspace) {
        return builder.withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(keyspace));
    }

    /** A close that returns once the connections are closed, without waiting for quiet event loops. */
    public static ProgrammaticDriverConfigLoaderBuilder closeAtOnce(ProgrammaticDriverConfigLoaderBuilder builder) {
        return builder.withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    }

    /** A session for administration (DDL, dropping a keyspace): no schema metadata at all, and a quick close. */
    public static ProgrammaticDriverConfigLoaderBuilder administration(ProgrammaticDriverConfigLoaderBuilder builder) {
        return closeAtOnce(builder).withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false);
    }
}
