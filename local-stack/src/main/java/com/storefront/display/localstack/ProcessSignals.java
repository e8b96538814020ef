package com.storefront.display.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspends and resumes a process (SIGSTOP, SIGCONT), which Java's {@link ProcessHandle} cannot: a
 * suspended server keeps its sockets open and answers nothing, as a hung one does; a suspended consumer
 * holds its partitions and reads nothing until it is resumed or the group's session timeout takes them.
 */
public final class ProcessSignals {

    private static final Logger log = LoggerFactory.getLogger(ProcessSignals.class);

    private ProcessSignals() {
    }

    /** SIGSTOP to {@code pid}. */
    public static void suspend(long pid) {
        send("STOP", pid);
    }

    /** SIGCONT to {@code pid}. */
    public static void resume(long pid) {
        send("CONT", pid);
    }

    private static void send(String signal, long pid) {
        log.info("SIG{} to pid {}", signal, pid);
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new LocalStackException("kill -" + signal + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while signalling pid " + pid);
        }
    }
}
