package com.storefront.display.reconciler;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.reconciler.*}: how the batch jobs reach the sources, split and write their work, when
 * the nightly reconcile runs, and who may call the ops API.
 *
 * @param source             the source APIs the jobs read from
 * @param partitions         partitions of a job's worker step, run on local threads in parallel
 * @param chunkSize          items (bulk load) or shops (reconcile, backfill) per committed chunk
 * @param writeConcurrency   Cassandra writes in flight per partition
 * @param driftSamples       drifted keys recorded per partition, domain and kind (the counts are complete)
 * @param progressLogEvery   a partition logs its progress every this many items
 * @param staleAfter         an execution left STARTED whose last update is older than this was
 *                           abandoned by a dead process: a restart recovers it first
 * @param schedule           the nightly reconcile
 * @param ops                the ops API's credentials
 * @param reconnectMaxDelay  the longest wait between the driver's attempts to reconnect to a Cassandra
 *                           node that went down: after an outage, jobs can run again within about this
 *                           long of the node coming back (the driver's default is a minute)
 */
@ConfigurationProperties("display.reconciler")
public record ReconcilerProperties(@DefaultValue Source source, @DefaultValue("8") int partitions,
                                   @DefaultValue("1000") int chunkSize, @DefaultValue("256") int writeConcurrency,
                                   @DefaultValue("100") int driftSamples, @DefaultValue("100000") long progressLogEvery,
                                   @DefaultValue("2m") Duration staleAfter, @DefaultValue Schedule schedule,
                                   @DefaultValue Ops ops, @DefaultValue("5s") Duration reconnectMaxDelay) {

    public ReconcilerProperties {
        requirePositive(partitions, "partitions");
        requirePositive(chunkSize, "chunk-size");
        requirePositive(writeConcurrency, "write-concurrency");
    }

    /**
     * @param baseUrl              e.g. {@code http://127.0.0.1:8090}
     * @param timeout              per request
     * @param requestsPerSecond    rate limit over all partitions of this instance
     * @param attempts             tries of one call while the circuit stays closed
     * @param failureRateThreshold percent of failed calls in the window that opens the circuit
     * @param slidingWindow        calls the failure rate is measured over
     * @param openFor              how long the circuit stays open before probing again
     */
    public record Source(@DefaultValue("http://127.0.0.1:8090") String baseUrl, @DefaultValue("10s") Duration timeout,
                         @DefaultValue("2000") int requestsPerSecond, @DefaultValue("3") int attempts,
                         @DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindow,
                         @DefaultValue("30s") Duration openFor) {
        public Source {
            requirePositive(requestsPerSecond, "source.requests-per-second");
            requirePositive(attempts, "source.attempts");
        }
    }

    /**
     * @param enabled whether this instance schedules the nightly reconcile
     * @param cron    Quartz cron expression, in {@code zone}
     * @param zone    time zone of the cron expression
     */
    public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 3 * * ?") String cron,
                           @DefaultValue("UTC") String zone) {
    }

    /**
     * Credentials of the ops API. Unset, the local default {@code ops}/{@code ops} applies, and only when
     * no profile is active: any other profile refuses to start without them.
     *
     * @param password plain, or in Spring Security's {@code {id}encoded} form, e.g. {@code {bcrypt}...}
     */
    public record Ops(String username, String password) {
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("display.reconciler." + name + " must be positive, was " + value);
        }
    }
}
