package com.storefront.display.bench.api;

import java.nio.file.Files;
import java.nio.file.Path;

import com.storefront.display.bench.common.Latencies;

/**
 * wrk (Debian's package) against shops picked at random: uniformly, or by Zipf-distributed popularity
 * (shop 1 the most popular, shop k requested 1/k^s as often), as store-front traffic is skewed.
 */
record Wrk(String baseUrl, int connections, int shops) {

    /** How shops are picked for the requests. */
    enum Popularity {
        UNIFORM, ZIPF;

        /** Zipf's exponent for {@link #ZIPF}. */
        static final double ZIPF_S = 1.0;
    }

    /** A run's throughput and latencies, and the requests answered with a status other than 2xx or 3xx. */
    record Result(Latencies latencies, long requests, long errors) {
    }

    /** A run that must be answered without errors. */
    Latencies run(String pathFormat, int durationSeconds) throws Exception {
        return run(pathFormat, durationSeconds, Popularity.UNIFORM);
    }

    Latencies run(String pathFormat, int durationSeconds, Popularity popularity) throws Exception {
        Result result = runCounting(pathFormat, durationSeconds, popularity, connections);
        if (result.errors() > 0) {
            throw new IllegalStateException("the API answered " + result.errors() + " of " + result.requests() + " requests with errors under load");
        }
        return result.latencies();
    }

    /** A run that may be answered with errors (an overload), with {@code connections} of its own. */
    Result runCounting(String pathFormat, int durationSeconds, Popularity popularity, int connections) throws Exception {
        Path script = Files.createTempFile("display-api-bench", ".lua");
        Files.writeString(script, script(pathFormat, popularity));
        try {
            Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + durationSeconds + "s", "--timeout", "10s",
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

    private String script(String pathFormat, Popularity popularity) {
        String pick = popularity == Popularity.UNIFORM ? "math.random(1, n)" : "zipf()";
        return """
                local counter = 0
                local n = %d
                local cdf = {}
                function setup(thread)
                  counter = counter + 1
                  thread:set("seed", counter)
                end
                function init(args)
                  math.randomseed(os.time() * 100 + seed)
                  local sum = 0
                  for k = 1, n do sum = sum + 1 / k ^ %s; cdf[k] = sum end
                  for k = 1, n do cdf[k] = cdf[k] / sum end
                end
                function zipf()
                  local r, lo, hi = math.random(), 1, n
                  while lo < hi do
                    local mid = math.floor((lo + hi) / 2)
                    if cdf[mid] < r then lo = mid + 1 else hi = mid end
                  end
                  return lo
                end
                function request()
                  return wrk.format("GET", string.format("%s", %s))
                end
                """.formatted(shops, Popularity.ZIPF_S, pathFormat, pick);
    }

    static Result parse(String output) {
        long requests = Long.parseLong(output.lines().map(String::trim).filter(line -> line.contains(" requests in "))
                .findFirst().orElseThrow(() -> new IllegalStateException("no request count in wrk's output:\n" + output))
                .split("\\s+")[0]);
        long errors = output.lines().map(String::trim).filter(line -> line.startsWith("Non-2xx or 3xx responses:"))
                .findFirst().map(line -> Long.parseLong(line.substring("Non-2xx or 3xx responses:".length()).trim())).orElse(0L);
        Latencies latencies = new Latencies(Double.parseDouble(field(output, "Requests/sec:")), millis(field(output, "50%")),
                millis(field(output, "99%")));
        return new Result(latencies, requests, errors);
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
