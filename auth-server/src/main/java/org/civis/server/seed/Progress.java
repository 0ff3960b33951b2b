package org.civis.server.seed;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain lines (every ten seconds and at
 * the end) when stderr is a file or a pipe, so logs stay readable.
 */
final class Progress {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long LINE_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long started = System.nanoTime();
    private long lastShown;
    private long done;
    private long skipped;

    Progress(PrintStream out, long total) {
        this.out = out;
        this.total = total;
        this.terminal = stderrIsTerminal();
    }

    /** Residents seeded by an earlier run: they count towards the total, not towards the rate. */
    void skip(long by) {
        skipped += by;
        advance(by);
    }

    void advance(long by) {
        done += by;
        long now = System.nanoTime();
        if (now - lastShown >= (terminal ? REDRAW_NANOS : LINE_NANOS) || done >= total) {
            lastShown = now;
            show(now);
        }
    }

    /** Residents seeded a second by this run. */
    double rate() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds > 0 ? (done - skipped) / seconds : 0;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }

    private void show(long now) {
        double fraction = total == 0 ? 1 : (double) done / total;
        double rate = rate();
        long etaSeconds = rate > 0 ? (long) ((total - done) / rate) : 0;
        String counts = String.format(
                Locale.ROOT,
                "%,d/%,d residents  %,.0f/s  elapsed %s  eta %s",
                done,
                total,
                rate,
                duration((long) ((now - started) / 1e9)),
                duration(etaSeconds));
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            out.print(String.format(
                    Locale.ROOT,
                    "\r[%s%s] %3.0f%% %s ",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    fraction * 100,
                    counts));
        } else {
            out.println(String.format(Locale.ROOT, "seed: %3.0f%% %s", fraction * 100, counts));
        }
        out.flush();
    }

    private static String duration(long seconds) {
        return seconds >= 60
                ? (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s"
                : seconds + "s";
    }

    /** Linux tells through /proc which file descriptor 2 is; elsewhere, a console means a terminal. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
