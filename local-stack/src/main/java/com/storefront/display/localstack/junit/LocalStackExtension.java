package com.storefront.display.localstack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.StackProvider;

/**
 * Gives integration tests a running Cassandra and Kafka: started once per test JVM (or reused when
 * one already answers, e.g. from {@code ./platform up}) and stopped when the JVM's tests end, if this
 * run started it. Injects {@link StackEndpoints} parameters and sets the Spring Boot connection
 * properties as system properties, so {@code @SpringBootTest} applications find the stack.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(LocalStackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StackEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context).endpoints();
    }

    /** The stack of this test JVM, starting it on first use. */
    public static RunningStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningStack.class, key -> startStack(), RunningStack.class);
    }

    private static RunningStack startStack() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        StackProvider provider = StackProvider.choose(settings);
        RunningStack stack = provider.start(StackProvider.Owner.TEST_RUN);
        // a safety net for JVMs that exit without closing the JUnit store
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        stack.endpoints().asSpringProperties().forEach(System::setProperty);
        log.info("local stack provider: {} ({}) at {}", stack.providerName(),
                stack.reused() ? "reused a running stack" : "started by this test run", stack.endpoints());
        return stack;
    }
}
