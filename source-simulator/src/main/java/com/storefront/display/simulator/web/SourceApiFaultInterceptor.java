package com.storefront.display.simulator.web;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.FaultSwitch;
import com.storefront.display.simulator.fault.SourceApiFaults;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;

/** Makes the source APIs misbehave as the fault switch says: outage, random errors, added latency. */
class SourceApiFaultInterceptor implements HandlerInterceptor {

    private final FaultSwitch faults;
    private final SimulatorStats stats;

    SourceApiFaultInterceptor(FaultSwitch faults, SimulatorStats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        stats.apiRequests.incrementAndGet();
        SourceApiFaults now = faults.current().sourceApi();
        if (now.outage()) {
            stats.apiOutageRejections.incrementAndGet();
            return unavailable(response, "source outage (simulated)");
        }
        if (now.latencyMillis() > 0) {
            Thread.sleep(now.latencyMillis());
        }
        if (now.errorPercent() > 0 && ThreadLocalRandom.current().nextDouble() * 100 < now.errorPercent()) {
            stats.apiErrors.incrementAndGet();
            return unavailable(response, "source error (simulated)");
        }
        return true;
    }

    private static boolean unavailable(HttpServletResponse response, String detail) throws Exception {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ObjectNode problem = DomainJson.MAPPER.createObjectNode().put("type", "about:blank")
                .put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase())
                .put("status", HttpStatus.SERVICE_UNAVAILABLE.value()).put("detail", detail);
        response.getOutputStream().write(DomainJson.MAPPER.writeValueAsBytes(problem));
        return false;
    }
}
