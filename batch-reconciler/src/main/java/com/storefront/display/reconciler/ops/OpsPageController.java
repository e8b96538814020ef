package com.storefront.display.reconciler.ops;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The ops page ({@code static/ops}): job executions, drift over time, failures with replay and discard. */
@Controller
class OpsPageController {

    @GetMapping({"/ops", "/ops/"})
    String page() {
        return "redirect:/ops/index.html";
    }
}
