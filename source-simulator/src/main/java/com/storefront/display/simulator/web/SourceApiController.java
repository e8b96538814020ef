package com.storefront.display.simulator.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.truth.SourceOfTruth;

/** The source APIs of docs/contracts.md, one per domain: get by id, keyset export, per-shop listing, incremental export. */
@RestController
@RequestMapping("/source/{domain}")
class SourceApiController {

    static final int MAX_LIMIT = 10_000;

    private final SourceOfTruth truth;

    SourceApiController(Simulator simulator) {
        this.truth = simulator.truth();
    }

    @GetMapping("/{id}")
    SourceItem get(@PathVariable String domain, @PathVariable long id) {
        Domain d = domain(domain);
        return truth.find(d, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no " + d.sourcePath() + " item " + id + " (deleted or unknown)"));
    }

    @GetMapping
    Object list(@PathVariable String domain, @RequestParam(required = false) Long after,
                @RequestParam(defaultValue = "1000") int limit, @RequestParam(required = false) Long shopId,
                @RequestParam(required = false) Long changedSince) {
        Domain d = domain(domain);
        if (changedSince != null) {
            if (after != null || shopId != null) {
                throw new IllegalArgumentException("use changedSince (incremental export) alone, not with after or shopId");
            }
            requireLimit(limit);
            return truth.changedSince(d, changedSince, limit);
        }
        if (shopId != null) {
            if (after != null) {
                throw new IllegalArgumentException("use either shopId (per-shop listing) or after (export), not both");
            }
            requirePositive(shopId, "shopId");
            return new SourcePage(truth.listShop(d, shopId), null);
        }
        if (after != null && after < 0) {
            throw new IllegalArgumentException("after must not be negative, was " + after);
        }
        requireLimit(limit);
        return truth.export(d, after == null ? 0 : after, limit);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    private static Domain domain(String path) {
        try {
            return Domain.ofSourcePath(path);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be a positive integer, was " + value);
        }
    }
}
