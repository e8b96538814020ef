package com.storefront.display.localstack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.postgres.PostgresServer;

/**
 * Gives integration tests a real PostgreSQL (the production metadata store): started once per test
 * JVM or reused, stopped when the JVM's tests end if this run started it. Injects {@link PostgresServer}.
 */
public final class LocalPostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    public static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PostgresServer.Lease.class, key -> start(), PostgresServer.Lease.class).server();
    }

    private static PostgresServer.Lease start() {
        PostgresServer.Lease lease = PostgresServer.acquire(LocalStackSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(lease::close, "local-postgres-stop"));
        return lease;
    }
}
