package org.safeguarding.backbone.launcher;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the child processes of the embedded default. One that dies is reported on the terminal at once (which,
 * how it ended, where its log is) and started again after a pause that doubles with each restart; one that keeps
 * dying ({@link Policy#maxRestarts} restarts within {@link Policy#window}) is given up on, and the whole backbone
 * stops with a message saying why, rather than running on with a part missing.
 */
final class Supervisor implements AutoCloseable {

    /** How patient the supervisor is. */
    record Policy(Duration firstPause, Duration maxPause, int maxRestarts, Duration window,
                  Duration healthyWithin) {

        static Policy defaults() {
            return new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10),
                    Duration.ofSeconds(180));
        }
    }

    /** Where a process is in its life, as {@code ./run status} shows it. */
    enum State { RUNNING, RESTARTING, GAVE_UP }

    /** One process as the supervisor sees it; {@code healthUrl} answers 200 when it is healthy. */
    record Status(String name, long pid, String healthUrl, State state, int restarts, String log) {
    }

    private static final class Watched {
        final Supervised process;
        final Deque<Instant> recentRestarts = new ArrayDeque<>();
        volatile State state = State.RUNNING;
        volatile int restarts;

        Watched(Supervised process) {
            this.process = process;
        }
    }

    private final Policy policy;
    private final PrintStream terminal;
    private final Runnable giveUp;
    private final Runnable changed;
    private final Clock clock;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    /**
     * @param giveUp  what to do when a process keeps dying: stop everything (run on its own thread)
     * @param changed called after each change of a process's state (to keep {@code ./run status} current)
     */
    Supervisor(Policy policy, PrintStream terminal, Runnable giveUp, Runnable changed, Clock clock) {
        this.policy = policy;
        this.terminal = terminal;
        this.giveUp = giveUp;
        this.changed = changed;
        this.clock = clock;
    }

    /** Starts watching {@code process}, which is running. */
    synchronized void watch(Supervised process) {
        Watched entry = new Watched(process);
        watched.put(process.name(), entry);
        watchExit(entry);
    }

    private void watchExit(Watched entry) {
        Process current = entry.process.process();
        current.onExit().thenAccept(exited -> {
            if (!stopping && exited == entry.process.process()) {
                died(entry, "stopped unexpectedly (pid " + exited.pid() + ", " + howItEnded(exited.exitValue())
                        + ")");
            }
        });
    }

    /** An exit code as a person reads it: 137 is "killed by signal 9 (SIGKILL)". */
    static String howItEnded(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                case 2 -> " (SIGINT)";
                default -> "";
            };
            return "killed by signal " + signal + name + ", exit code " + exitCode;
        }
        return "exit code " + exitCode;
    }

    private synchronized void died(Watched entry, String how) {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        entry.recentRestarts.addLast(now);
        while (!entry.recentRestarts.isEmpty()
                && entry.recentRestarts.peekFirst().isBefore(now.minus(policy.window()))) {
            entry.recentRestarts.removeFirst();
        }
        String name = capitalised(entry.process.described());
        if (entry.recentRestarts.size() > policy.maxRestarts()) {
            entry.state = State.GAVE_UP;
            changed.run();
            say(name + " " + how + ", and has stopped " + entry.recentRestarts.size() + " times in "
                    + minutes(policy.window()) + ": giving up and stopping the backbone. Find out why in its log, "
                    + entry.process.log() + ", then start again with ./run.");
            Thread stop = new Thread(giveUp, "supervisor-gives-up");
            stop.start();
            return;
        }
        Duration pause = pauseBefore(entry.recentRestarts.size());
        entry.state = State.RESTARTING;
        changed.run();
        say(name + " " + how + ". Its log: " + entry.process.log() + ". Starting it again in "
                + pause.toSeconds() + " s (restart " + entry.recentRestarts.size() + "; after "
                + policy.maxRestarts() + " in " + minutes(policy.window()) + " the backbone stops).");
        restarter.schedule(() -> restart(entry), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** 1 s before the first restart, then doubling, to at most {@link Policy#maxPause}. */
    Duration pauseBefore(int restart) {
        long millis = policy.firstPause().toMillis() << Math.min(restart - 1, 20);
        return Duration.ofMillis(Math.min(millis, policy.maxPause().toMillis()));
    }

    private void restart(Watched entry) {
        if (stopping) {
            return;
        }
        long begun = System.nanoTime();
        try {
            entry.process.restart();
        } catch (RuntimeException e) {
            died(entry, "could not be started again (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return;
        }
        entry.restarts++;
        watchExit(entry);
        try {
            entry.process.awaitHealthy(policy.healthyWithin());
        } catch (RuntimeException notHealthy) {
            if (entry.process.process().isAlive() && !stopping) {
                say(capitalised(entry.process.described()) + " did not become healthy within "
                        + policy.healthyWithin().toSeconds() + " s; stopping it to start it again.");
                entry.process.process().destroyForcibly();
            }
            return;
        }
        entry.state = State.RUNNING;
        changed.run();
        say(capitalised(entry.process.described()) + " is running again (pid " + entry.process.process().pid()
                + ", healthy after " + (System.nanoTime() - begun) / 1_000_000_000 + " s).");
    }

    /** Each watched process now, in the order they were watched. */
    synchronized List<Status> status() {
        return watched.values().stream().map(entry -> new Status(entry.process.name(),
                entry.process.process().pid(), entry.process.healthUrl(), entry.state, entry.restarts,
                entry.process.log().toString())).toList();
    }

    private void say(String message) {
        terminal.println(stamp(LocalTime.now(clock.withZone(ZoneId.systemDefault()))) + " " + message);
        terminal.flush();
    }

    /** When the terminal is told something, to the second, always as {@code [HH:mm:ss]} (not "[22:00]" on the hour). */
    static String stamp(LocalTime time) {
        return "[" + STAMP.format(time) + "]";
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** Stops watching: processes stopped from now on are being stopped on purpose. */
    @Override
    public void close() {
        stopping = true;
        restarter.shutdownNow();
    }
}
