package com.storefront.display.reconciler;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.reconciler.*}: how the batch jobs split and write their work, when the nightly
 * reconcile runs, and who may call the ops API (the source APIs: {@code display.source.*}).
 *
 * @param partitions         partitions of a job's worker step, run on local threads in parallel
 * @param chunkSize          items (bulk load) or shops (reconcile, backfill) per committed chunk
 * @param writeConcurrency   Cassandra writes in flight per partition
 * @param driftSamples       drifted keys recorded per partition, domain and kind (the counts are complete)
 * @param progressLogEvery   a partition logs its progress every this many items
 * @param staleAfter         an execution left STARTED whose last update is older than this was
 *                           abandoned by a dead process: a restart recovers it first
 * @param schedule           the nightly reconcile
 * @param ops                the ops API's credentials
 * @param instance           this instance's name in the execution view's partitions ({@code worker});
 *                           unset, {@code <host>:<pid>}
 */
@ConfigurationProperties("display.reconciler")
public record ReconcilerProperties(@DefaultValue("8") int partitions,
                                   @DefaultValue("1000") int chunkSize, @DefaultValue("256") int writeConcurrency,
                                   @DefaultValue("100") int driftSamples, @DefaultValue("100000") long progressLogEvery,
                                   @DefaultValue("2m") Duration staleAfter, @DefaultValue Schedule schedule,
                                   @DefaultValue Ops ops, String instance) {

    public ReconcilerProperties {
        requirePositive(partitions, "partitions");
        requirePositive(chunkSize, "chunk-size");
        requirePositive(writeConcurrency, "write-concurrency");
        if (instance == null || instance.isBlank()) {
            instance = defaultInstance();
        }
    }

    /** {@code <host>:<pid>}: unique among the instances of one machine and readable across machines. */
    private static String defaultInstance() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
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
