package com.storefront.display.bench.api;

import java.nio.file.Files;
import java.nio.file.Path;

import com.storefront.display.bench.common.Latencies;

/** wrk (Debian's package) against random shops; its own latency percentiles and requests/s. */
record Wrk(String baseUrl, int connections, int shops) {

    Latencies run(String pathFormat, int durationSeconds) throws Exception {
        Path script = Files.createTempFile("display-api-bench", ".lua");
        Files.writeString(script, """
                local counter = 0
                function setup(thread)
                  counter = counter + 1
                  thread:set("seed", counter)
                end
                function init(args)
                  math.randomseed(os.time() * 100 + seed)
                end
                function request()
                  return wrk.format("GET", string.format("%s", math.random(1, %d)))
                end
                """.formatted(pathFormat, shops));
        try {
            Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + durationSeconds + "s",
                    "--latency", "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Latencies parse(String output) {
        if (output.contains("Non-2xx or 3xx responses")) {
            throw new IllegalStateException("the API answered errors under load:\n" + output);
        }
        return new Latencies(Double.parseDouble(field(output, "Requests/sec:")), millis(field(output, "50%")),
                millis(field(output, "99%")));
    }

    private static String field(String output, String label) {
        return output.lines().map(String::trim).filter(line -> line.startsWith(label)).findFirst()
                .map(line -> line.substring(label.length()).trim().split("\\s+")[0])
                .orElseThrow(() -> new IllegalStateException("no '" + label + "' in wrk's output:\n" + output));
    }

    private static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
        }
        throw new IllegalStateException("unknown unit in wrk latency " + value);
    }
}
