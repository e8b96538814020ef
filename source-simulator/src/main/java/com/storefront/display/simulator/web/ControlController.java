package com.storefront.display.simulator.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.simulator.SettingsPatch;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.simulator.truth.ShopSnapshot;

import tools.jackson.databind.JsonNode;

/**
 * The control API: faults ({@code POST /control/faults} with the knobs to change), the event stream
 * (start, stop, settings), counters, and the ground truth of a shop.
 */
@RestController
@RequestMapping
class ControlController {

    private final Simulator simulator;

    ControlController(Simulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/control/faults")
    Faults faults() {
        return simulator.faults().current();
    }

    @PostMapping("/control/faults")
    Faults changeFaults(@RequestBody JsonNode update) {
        return simulator.faults().merge(update);
    }

    @GetMapping("/control/stats")
    SimulatorStats.Snapshot stats() {
        return simulator.stats().snapshot();
    }

    @GetMapping("/control/producer")
    Map<String, Object> producer() {
        return Map.of("streaming", simulator.producer().streaming(), "settings", simulator.producer().settings());
    }

    /** Changes the stream's settings: the fields present replace the current ones. */
    @PostMapping("/control/producer")
    Map<String, Object> changeProducer(@RequestBody JsonNode update) {
        simulator.producer().update(SettingsPatch.apply(simulator.producer().settings(), update, ProducerSettings.class));
        return producer();
    }

    @PostMapping("/control/producer/{action:start|stop}")
    Map<String, Object> startOrStop(@PathVariable String action) {
        if (action.equals("start")) {
            simulator.producer().start();
        } else {
            simulator.producer().stop();
        }
        return producer();
    }

    /** Everything the sources hold for one shop now: the truth a read model must converge to. */
    @GetMapping("/truth/shops/{shopId}")
    ShopSnapshot truth(@PathVariable long shopId) {
        if (!simulator.truth().catalogue().contains(Domain.SHOP, shopId)) {
            throw new IllegalArgumentException("no shop " + shopId + " among the catalogue's "
                    + simulator.truth().catalogue().shops() + " shops");
        }
        return simulator.truth().snapshot(shopId);
    }
}
