package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the load benchmark keeps of a phase: the CPU each process spent in it (from {@code /proc}), and, when asked,
 * a flame graph of each process named from async-profiler, attached to the running JVM with {@code jcmd} and written
 * as HTML (issue 11: "profile before you optimise, and keep the profile with the result").
 */
final class Profiles implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100; // Linux's USER_HZ
    /** What is sampled: {@code cpu} (the default), or {@code wall} ({@code -Dbench.profile-event}). */
    static final String EVENT = System.getProperty("bench.profile-event", "cpu");
    /** Where the stacks go as text: this module's build output. */
    private static final Path STACKS = Path.of("target", "profiles").toAbsolutePath();

    private final Map<String, Long> pids;
    private final Path directory;
    private final String label;
    private final Path library;
    /** The processes profiled (none without a directory for their graphs). */
    private final List<String> profiled;
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final long begun = System.nanoTime();
    private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
    private double wallSeconds;

    /**
     * @param pids      the processes to measure, by name; those in {@code profiled} profiled when {@code directory}
     *                  is given
     * @param directory where the flame graphs go, or null for the CPU figures only
     * @param label     the phase, in each graph's file name
     * @param profiled  the processes among {@code pids} to profile (each one's name, spaces as dashes, in its
     *                  files' names)
     */
    private Profiles(Map<String, Long> pids, Path directory, String label, List<String> profiled) {
        this.pids = pids;
        this.directory = directory;
        this.label = label;
        this.library = directory == null ? null : library();
        this.profiled = directory == null ? List.of() : List.copyOf(profiled);
        pids.forEach((name, pid) -> ticksAtStart.put(name, ticks(pid)));
    }

    /** Starts measuring (and profiling, where {@code directory} is given) the phase named {@code label}. */
    static Profiles start(Map<String, Long> pids, Path directory, String label, List<String> profiled) {
        Profiles profiles = new Profiles(pids, directory, label, profiled);
        if (directory != null) {
            try {
                Files.createDirectories(directory);
                Files.createDirectories(STACKS);
            } catch (IOException e) {
                throw new IllegalStateException("could not make " + directory + " or " + STACKS, e);
            }
            for (String process : profiled) {
                // cpu: perf events where the kernel allows them, otherwise a CPU timer (async-profiler chooses);
                // wall: every thread, running or waiting, each thread's stacks apart (where a listener waits)
                profiles.agent(pids.get(process), "wall".equals(EVENT) ? "start,event=wall,interval=5ms,threads"
                        : "start,event=cpu,interval=2ms");
            }
        }
        return profiles;
    }

    /** The CPU seconds each process spent while this was open, and the seconds it was open. */
    @Override
    public void close() {
        wallSeconds = (System.nanoTime() - begun) / 1e9;
        pids.forEach((name, pid) -> cpuSeconds.put(name,
                (ticks(pid) - ticksAtStart.get(name)) / (double) TICKS_PER_SECOND));
        for (String process : profiled) {
            // the stacks as text too (one line a stack, with its samples), for reading and comparing without a browser;
            // tens of megabytes, so in the build's output, not beside the graphs
            String file = label + "-" + EVENT + "-" + process.replace(' ', '-');
            agent(pids.get(process), "dump,collapsed,file=" + STACKS.resolve(file + ".collapsed"));
            // frames under 0.1% of the samples left out of the graph: a file a tenth the size, nothing that matters lost
            agent(pids.get(process), "stop,minwidth=0.1,file=" + directory.resolve(file + ".html").toAbsolutePath());
        }
    }

    /** The CPU seconds every process measured spent in all, while this was open. */
    double totalCpuSeconds() {
        return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** e.g. "referrals 41.2 s (35%), ..." of the phase's CPU, each process's share of all of them. */
    String cpuSummary() {
        double total = totalCpuSeconds();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "%.0f s of CPU in %.0f s (%.2f cores busy): ", total, wallSeconds, total / wallSeconds));
        cpuSeconds.forEach((name, seconds) -> summary.append(String.format(Locale.ROOT, "%s %.0f%%, ", name,
                100 * seconds / total)));
        return summary.substring(0, summary.length() - 2);
    }

    /** User and system ticks of a process, its threads included (the 14th and 15th fields of its stat line). */
    private static long ticks(long pid) {
        try {
            // as lines: a /proc file reports no size, and Files.readString can stop short on one (FreePorts)
            String stat = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")).get(0);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private void agent(long pid, String options) {
        Commands.Run result;
        try {
            // quoted, or jcmd takes the options' name=value pairs for its own; the agent reports its errors on the
            // service's output, and its return code here
            result = Commands.run(List.of("jcmd", Long.toString(pid), "JVMTI.agent_load", library.toString(),
                    '"' + options + '"'), null, Map.of(), Duration.ofMinutes(1));
        } catch (Exception e) {
            throw new IllegalStateException("could not run jcmd", e);
        }
        if (result.exitCode() != 0 || !result.output().contains("return code: 0")) {
            throw new IllegalStateException("async-profiler (" + options + ") on process " + pid + ": "
                    + result.output());
        }
    }

    /** The profiler's native library for this machine, out of its jar on the test class path. */
    private static Path library() {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "linux-arm64" : "linux-x64";
        try (InputStream in = one.profiler.AsyncProfiler.class.getResourceAsStream("/" + arch
                + "/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler has no library for " + arch);
            }
            Path library = Files.createTempFile("libasyncProfiler", ".so");
            library.toFile().deleteOnExit();
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            return library;
        } catch (IOException e) {
            throw new IllegalStateException("could not unpack async-profiler's library", e);
        }
    }
}
