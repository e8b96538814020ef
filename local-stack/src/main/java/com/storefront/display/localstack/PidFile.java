package com.storefront.display.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The pid of a server we started, who started it ({@link StackProvider.Owner}) and that owner's pid,
 * so that a later run can tell its own servers from a stranger's and adopt servers a dead test run left.
 */
public record PidFile(long pid, StackProvider.Owner owner, long ownerPid) {

    static Optional<PidFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()),
                    StackProvider.Owner.valueOf(lines.get(1).trim()), Long.parseLong(lines.get(2).trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n" + owner + "\n" + ownerPid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process, if it still runs and still runs the expected main class (pids get reused). */
    Optional<ProcessHandle> liveProcess(String mainClass) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(mainClass)).orElse(true));
    }

    boolean ownerGone() {
        return ProcessHandle.of(ownerPid).map(p -> !p.isAlive()).orElse(true);
    }
}
