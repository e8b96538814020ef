package com.storefront.display.bench.common;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} options of a benchmark's command line; a bare {@code --name} means {@code true}. */
public final class BenchOptions {

    private BenchOptions() {
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        return options;
    }
}
