package com.storefront.display.migrations.cql;

import java.util.List;

/**
 * What a migration run did.
 *
 * @param applied        versions applied by this run, in order
 * @param alreadyApplied how many scripts had been applied before and were verified unchanged
 */
public record MigrationReport(List<Integer> applied, int alreadyApplied) {
}
