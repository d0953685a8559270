package io.kefu.customer.internal;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * The threads of an import (the importing thread, the reader and the writers), one new thread each, not taken
 * from the application's shared pool of eight: an import holds its threads until it ends and waits on its
 * writers, so four imports started together would fill that pool with importing threads and readers waiting for
 * writers queued behind them, for ever, and every other background task of the application would wait with them.
 */
final class ImportThreads {

    static final TaskExecutor NEW_THREAD_EACH = new SimpleAsyncTaskExecutor("customer-import-");

    private ImportThreads() {
    }
}
