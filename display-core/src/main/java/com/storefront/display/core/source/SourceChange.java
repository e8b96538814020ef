package com.storefront.display.core.source;

import com.storefront.display.core.domain.Domain;

/**
 * One entry of a source's incremental export ({@code changedSince}): the entity as it is now, or a
 * tombstone when it no longer exists. Either carries the version it changed at.
 */
public sealed interface SourceChange permits SourceItem, SourceTombstone {

    Domain domain();

    long id();

    long shopId();

    long version();
}
