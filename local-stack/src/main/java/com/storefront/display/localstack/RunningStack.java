package com.storefront.display.localstack;

/** A started (or reused) stack. {@link #close()} stops only the servers this run started. */
public interface RunningStack extends AutoCloseable {

    StackEndpoints endpoints();

    /** {@code process} or {@code testcontainers}. */
    String providerName();

    /** True when every server was already running and is only reused. */
    boolean reused();

    @Override
    void close();
}
