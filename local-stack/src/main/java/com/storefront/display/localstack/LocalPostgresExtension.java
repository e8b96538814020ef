package com.storefront.display.localstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
                .computeIfAbsent(Running.class, key -> start(), Running.class).server();
    }

    private static Running start() {
        PostgresServer server = new PostgresServer(LocalStackSettings.fromEnvironment());
        boolean owned = server.ensureRunning(StackProvider.Owner.TEST_RUN) != LocalServer.Outcome.REUSED;
        Running running = new Running(server, owned);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "local-postgres-stop"));
        return running;
    }

    private record Running(PostgresServer server, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                server.stop();
            }
        }
    }
}
