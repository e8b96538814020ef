package com.storefront.display.reconciler.ops;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storefront.display.reconciler.failures.FailureHandling;
import com.storefront.display.reconciler.failures.FailureView;

/** The failure-store part of the ops API: list, replay, discard. */
@RestController
@RequestMapping("/ops/failures")
class FailuresController {

    private final FailureHandling failures;

    FailuresController(FailureHandling failures) {
        this.failures = failures;
    }

    @GetMapping
    List<FailureView> list(@RequestParam(required = false) String topic, @RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "100") int limit) {
        return failures.list(topic, status, limit);
    }

    @PostMapping("/{id}/replay")
    FailureView replay(@PathVariable UUID id) {
        return failures.replay(id);
    }

    @PostMapping("/{id}/discard")
    FailureView discard(@PathVariable UUID id) {
        return failures.discard(id);
    }
}
