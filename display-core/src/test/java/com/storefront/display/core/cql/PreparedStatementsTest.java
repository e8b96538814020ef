package com.storefront.display.core.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;

class PreparedStatementsTest {

    final List<String> preparations = new ArrayList<>();
    final List<CompletableFuture<PreparedStatement>> pending = new ArrayList<>();
    final PreparedStatements statements = new PreparedStatements(text -> {
        preparations.add(text);
        CompletableFuture<PreparedStatement> future = new CompletableFuture<>();
        pending.add(future);
        return future;
    });

    @Test
    void aTextIsPreparedOnceWhileItsPreparationRunsAndAfterItSucceeded() {
        CompletableFuture<PreparedStatement> first = statements.get("SELECT 1");
        assertThat(statements.get("SELECT 1")).isSameAs(first);
        pending.get(0).complete(null);

        assertThat(statements.get("SELECT 1")).isSameAs(first);
        statements.get("SELECT 2");
        assertThat(preparations).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aFailedPreparationIsForgottenSoTheNextCallerPreparesAgain() {
        CompletableFuture<PreparedStatement> failed = statements.get("SELECT 1");
        pending.get(0).completeExceptionally(new IllegalStateException("no node available"));

        CompletableFuture<PreparedStatement> again = statements.get("SELECT 1");

        assertThat(again).isNotSameAs(failed).isNotDone();
        assertThat(preparations).containsExactly("SELECT 1", "SELECT 1");
    }
}
