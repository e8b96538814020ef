package com.storefront.display.reconciler;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storefront.display.core.domain.Domain;

/**
 * {@code display.reconciler.*}: how the batch jobs split and write their work, when the nightly
 * reconcile runs, and who may call the ops API (the source APIs: {@code display.source.*}).
 *
 * @param partitions         partitions of a job's worker step, run in parallel: on local threads, or
 *                           on every instance's workers when {@code remote} is enabled
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
 * @param role               {@code manager-and-worker} starts jobs (ops API, schedule, command line) and
 *                           runs partitions; {@code worker} only runs partitions it takes from Kafka
 * @param remote             remote partitioning over Kafka; off, partitions run on local threads
 * @param sync               the {@code incremental-sync} job: which domains it keeps, how often
 */
@ConfigurationProperties("display.reconciler")
public record ReconcilerProperties(@DefaultValue("8") int partitions,
                                   @DefaultValue("1000") int chunkSize, @DefaultValue("256") int writeConcurrency,
                                   @DefaultValue("100") int driftSamples, @DefaultValue("100000") long progressLogEvery,
                                   @DefaultValue("2m") Duration staleAfter, @DefaultValue Schedule schedule,
                                   @DefaultValue Ops ops, String instance,
                                   @DefaultValue("manager-and-worker") Role role, @DefaultValue Remote remote,
                                   @DefaultValue Sync sync) {

    public ReconcilerProperties {
        requirePositive(partitions, "partitions");
        requirePositive(chunkSize, "chunk-size");
        requirePositive(writeConcurrency, "write-concurrency");
        if (role == Role.WORKER && !remote.enabled()) {
            throw new IllegalArgumentException("display.reconciler.role=worker takes its partitions from Kafka: "
                    + "set display.reconciler.remote.enabled=true (on a job store the managers share)");
        }
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
     * The domains kept fresh by {@code incremental-sync} from their sources' incremental exports: the
     * ones without events (opening-hours), and any evented one added as a safety net.
     *
     * @param domains   by source path; empty turns the scheduled sync off
     * @param interval  how often each domain is synced (clustered Quartz: one run per fire)
     * @param intervals a domain's own interval, by source path, e.g. {@code opening-hours: 1m}
     * @param pageSize  changes per page, one committed chunk each
     * @param bulkLoadMargin a completed bulk load sets the mark to its start minus this: changes made
     *                       while it read (or with a source clock somewhat behind) are synced again
     * @param scheduled whether this instance schedules the sync (the ops API starts it either way)
     */
    public record Sync(@DefaultValue("opening-hours") List<String> domains, @DefaultValue("5m") Duration interval,
                       Map<String, Duration> intervals, @DefaultValue("500") int pageSize,
                       @DefaultValue("1m") Duration bulkLoadMargin, @DefaultValue("true") boolean scheduled) {

        public Sync {
            domains = List.copyOf(domains);
            intervals = intervals == null ? Map.of() : Map.copyOf(intervals);
            ReconcilerProperties.requirePositive(pageSize, "sync.page-size");
            domains.forEach(Domain::ofSourcePath);
            for (String name : intervals.keySet()) {
                if (!domains.contains(name)) {
                    throw new IllegalArgumentException("display.reconciler.sync.intervals." + name + " is set but "
                            + name + " is not in display.reconciler.sync.domains " + domains);
                }
            }
            for (Duration every : intervals.values()) {
                requirePositiveDuration(every, "sync.intervals.*");
            }
            requirePositiveDuration(interval, "sync.interval");
        }

        /** The synced domains. */
        public List<Domain> synced() {
            return domains.stream().map(Domain::ofSourcePath).toList();
        }

        public Duration intervalOf(Domain domain) {
            return intervals.getOrDefault(domain.sourcePath(), interval);
        }

        private static void requirePositiveDuration(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("display.reconciler." + name + " must be positive, was " + value);
            }
        }
    }

    /** What an instance does: start jobs and run partitions, or only run partitions. */
    public enum Role {
        MANAGER_AND_WORKER, WORKER;

        public boolean manages() {
            return this == MANAGER_AND_WORKER;
        }
    }

    /**
     * Remote partitioning (Spring Batch Integration over Kafka): a manager step sends one request per
     * partition on {@code topic}; every instance's workers, one consumer group, take them and run them
     * against the shared job repository; the manager polls the repository until every partition ended.
     *
     * @param enabled         off by default: the single-process default keeps local threads, no Kafka hop
     * @param topic           the requests' topic, under {@code display.topics.prefix}
     * @param topicPartitions partitions of that topic when this app creates it: at least the workers' total threads
     * @param group           the workers' consumer group
     * @param workerThreads   partitions this instance runs at once
     * @param pollInterval    how often the manager reads the job repository for its partitions' ends
     * @param lease           a running partition whose last update is older than this lost its worker
     *                        (killed, or hung): the manager fails it, so its job ends FAILED and a
     *                        restart re-runs it from its last committed chunk. Longer than a chunk takes,
     *                        and than the workers' consumer session ({@link #SESSION_TIMEOUT}) plus one poll, so
     *                        that the requests a dead worker's topic partitions held are re-delivered to the
     *                        others before a still job's lease fails them.
     */
    public record Remote(@DefaultValue("false") boolean enabled,
                         @DefaultValue("batch-partition-requests") String topic,
                         @DefaultValue("12") int topicPartitions,
                         @DefaultValue("batch-reconciler-workers") String group,
                         @DefaultValue("4") int workerThreads,
                         @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("5m") Duration lease) {

        /** How soon the group notices a worker that died and gives its topic partitions to the others. */
        public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

        public Remote {
            requirePositive(topicPartitions, "remote.topic-partitions");
            requirePositive(workerThreads, "remote.worker-threads");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("display.reconciler.remote.poll-interval must be positive, was " + pollInterval);
            }
            if (lease.compareTo(SESSION_TIMEOUT.plus(pollInterval)) <= 0) {
                throw new IllegalArgumentException("display.reconciler.remote.lease (" + lease + ") must be longer than the "
                        + "workers' consumer session (" + SESSION_TIMEOUT + ") plus the poll-interval (" + pollInterval
                        + "): a dead worker's waiting requests must reach the others before the lease fails them");
            }
        }
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
