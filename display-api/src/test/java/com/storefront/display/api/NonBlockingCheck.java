package com.storefront.display.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * BlockHound for the whole test JVM: a blocking call (sleep, lock wait, blocking I/O) on a thread that
 * must not block fails right there with a {@link BlockingOperationError}, and is recorded so that a test
 * class whose requests all succeeded still fails if any thread blocked meanwhile. Non-blocking threads
 * are Reactor's and Netty's event loops (HTTP requests) and the Cassandra driver's I/O threads (where
 * query results are mapped).
 */
public final class NonBlockingCheck implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    static synchronized void install() {
        if (installed) {
            return;
        }
        BlockHound.builder()
                // the test's own HTTP client (Reactor Netty, sharing the server's event loops) loads the
                // zstd native library once, from its jar, when it first decodes a response
                .allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load")
                .nonBlockingThreadPredicate(current -> current.or(NonBlockingCheck::isDriverIoThread))
                .blockingMethodCallback(method -> {
                    String violation = method + " on " + Thread.currentThread().getName() + " at\n" + callers();
                    VIOLATIONS.add(violation);
                    throw new BlockingOperationError(method);
                })
                .loadIntegrations()
                .install();
        installed = true;
    }

    private static String callers() {
        return StackWalker.getInstance().walk(frames -> frames.skip(3).limit(40)
                .map(frame -> "    " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .collect(Collectors.joining("\n")));
    }

    static boolean isDriverIoThread(Thread thread) {
        return thread.getName().matches("s\\d+-io-\\d+");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> seen = List.copyOf(VIOLATIONS);
        VIOLATIONS.clear();
        assertThat(seen).as("blocking calls on non-blocking threads").isEmpty();
    }

    /** Forgets violations a test provoked on purpose. */
    static void forget(String methodFragment) {
        VIOLATIONS.removeIf(violation -> violation.contains(methodFragment));
    }
}
