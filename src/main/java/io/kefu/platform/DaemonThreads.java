package io.kefu.platform;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the application's own background work, named for thread dumps and the per-thread CPU the benchmarks
 * read. They are daemons: the context's shutdown stops their work, and they never hold the JVM open after it.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread it makes bears this name. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
