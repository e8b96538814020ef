package com.storefront.display.reconciler.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * Runs one job from the command line and exits: {@code --run=<job> [name=value ...]}, e.g.
 * {@code java -jar batch-reconciler-exec.jar --run=reconcile shops=1-500 dryRun=true}. Bad parameters are
 * refused before the job starts with the reason on stderr and exit code 2; otherwise the job runs to its
 * end (progress in the log) and the exit code is 0 when it completed, 1 when not.
 */
public final class JobCommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final String OPTION = "run";
    static final int REFUSED = 2;

    private static final Logger log = LoggerFactory.getLogger(JobCommandLine.class);

    private final JobRequests requests;
    private int exitCode;

    public JobCommandLine(JobRequests requests) {
        this.requests = requests;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!args.containsOption(OPTION)) {
            return;
        }
        List<String> jobs = args.getOptionValues(OPTION);
        if (jobs.size() != 1 || jobs.get(0).isBlank()) {
            refuse("--run names one job: --run=bulk-load, --run=reconcile or --run=backfill");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String argument : args.getNonOptionArgs()) {
            int equals = argument.indexOf('=');
            if (equals < 1) {
                refuse("job parameters are name=value, got '" + argument + "'");
                return;
            }
            parameters.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        JobExecution execution;
        try {
            execution = requests.start(jobs.get(0), parameters, System.currentTimeMillis());
        } catch (JobRequestException e) {
            refuse(e.getMessage());
            return;
        }
        exitCode = await(execution.getId()) == BatchStatus.COMPLETED ? 0 : 1;
    }

    private BatchStatus await(long executionId) throws InterruptedException {
        while (true) {
            JobExecution execution = requests.execution(executionId);
            if (!execution.isRunning() && execution.getStatus() != BatchStatus.STARTING) {
                log.info("{} execution {} ended {}: {}", execution.getJobInstance().getJobName(), executionId,
                        execution.getStatus(), execution.getExitStatus().getExitDescription());
                return execution.getStatus();
            }
            Thread.sleep(1_000);
        }
    }

    private void refuse(String reason) {
        System.err.println("refused: " + reason);
        log.error("refused: {}", reason);
        exitCode = REFUSED;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
