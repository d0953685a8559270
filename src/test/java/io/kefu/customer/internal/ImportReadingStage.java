package io.kefu.customer.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.kefu.identity.StaffDirectory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.task.TaskExecutor;

/**
 * The importer's reading stage (parse the file, read each row into a draft, normalise its identities, key its name)
 * as {@link CustomerImporter} runs it, on a thread of its own, without a database: for the import benchmark.
 */
public final class ImportReadingStage {

    /** What a pass over a file gave and cost; the times are the reading thread's. */
    public record Outcome(int candidates, int rejections, long readNanos, long cpuNanos) {
    }

    private ImportReadingStage() {
    }

    public static Outcome run(Path csv) {
        SpreadsheetRows rows = SpreadsheetRows.open(csv, csv.getFileName().toString());
        ImportRowReader reader = reader(ImportMapping.guess(rows.headers(), List.of()).checked());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        TaskExecutor ownThread = work -> new Thread(() -> {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            cpu.set(threads.getCurrentThreadCpuTime() - start);
            done.countDown();
        }, "import-reader").start();
        int candidates = 0;
        int rejections = 0;
        long readNanos = 0;
        try (PreparedChunks chunks = new PreparedChunks(rows, reader, CustomerImporter.CHUNK, ownThread)) {
            for (PreparedChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                candidates += chunk.candidates().size();
                rejections += chunk.rejections().size();
                readNanos += chunk.readNanos();
            }
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome(candidates, rejections, readNanos, cpu.get());
    }

    /** A row reader with the application's messages, no staff and no custom fields. */
    static ImportRowReader reader(ImportMapping mapping) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        StaffDirectory staff = (StaffDirectory) Proxy.newProxyInstance(StaffDirectory.class.getClassLoader(),
                new Class<?>[] {StaffDirectory.class}, (proxy, method, args) -> List.of());
        CustomerFields noCustomFields = new CustomerFields(null, null) {
            @Override
            public List<Field> all() {
                return List.of();
            }
        };
        return new ImportRowReader(mapping, noCustomFields, staff, messages, Locale.SIMPLIFIED_CHINESE);
    }
}
