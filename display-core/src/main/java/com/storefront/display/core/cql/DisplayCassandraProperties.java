package com.storefront.display.core.cql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.cassandra.*}: how every app's driver treats the read model's cluster, beyond Spring
 * Boot's {@code spring.cassandra.*} (the migrations' own settings are {@code display.cassandra.migrations.*}).
 *
 * @param reconnectMaxDelay the longest wait between the driver's attempts to reconnect to a Cassandra
 *                          node that went down: an app works again within about this long of the node
 *                          coming back (the driver's default is a minute)
 */
@ConfigurationProperties("display.cassandra")
public record DisplayCassandraProperties(@DefaultValue("5s") Duration reconnectMaxDelay) {
}
