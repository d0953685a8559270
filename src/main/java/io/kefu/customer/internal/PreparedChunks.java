package io.kefu.customer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.kefu.customer.CustomerIdentity;
import org.springframework.core.task.TaskExecutor;

/**
 * Reads and checks the rows of an imported file on a thread of its own, a chunk ahead of the writer: parsing,
 * normalising phones, Simplified Chinese and pinyin keep one core busy while PostgreSQL writes the previous chunk
 * on the other.
 */
final class PreparedChunks implements AutoCloseable {

    record Rejection(int rowNumber, String reason, List<String> cells) {
    }

    record Candidate(int rowNumber, List<String> cells, CustomerDraft draft, SearchKeys keys) {

        /** The customer already holding one of this candidate's identities, among these holders; null if none. */
        Long holderIn(Map<CustomerIdentity, Long> holders) {
            for (CustomerIdentity identity : draft.identities()) {
                Long holder = holders.get(identity);
                if (holder != null) {
                    return holder;
                }
            }
            return null;
        }

        /** The identities of all these candidates, to look them up at once. */
        static List<CustomerIdentity> identitiesOf(List<Candidate> candidates) {
            return candidates.stream().flatMap(c -> c.draft().identities().stream()).toList();
        }
    }

    record Chunk(List<Candidate> candidates, List<Rejection> rejections, long readNanos) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private final SpreadsheetRows rows;
    private final ImportRowReader reader;
    private final int chunkSize;
    private volatile boolean closed;

    PreparedChunks(SpreadsheetRows rows, ImportRowReader reader, int chunkSize, TaskExecutor executor) {
        this.rows = rows;
        this.reader = reader;
        this.chunkSize = chunkSize;
        executor.execute(this::prepare);
    }

    /** The next chunk, or null when the file is done. */
    Chunk next() {
        try {
            Object item = ready.take();
            if (item instanceof RuntimeException failure) {
                throw failure;
            }
            return item == END ? null : (Chunk) item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void prepare() {
        try (SpreadsheetRows source = rows) {
            int rowNumber = 1;
            List<Candidate> candidates = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            long started = System.nanoTime();
            while (source.hasNext() && !closed) {
                List<String> cells = source.next();
                rowNumber++;
                ImportRowReader.Read read = reader.read(cells);
                if (read.draft() == null) {
                    rejections.add(new Rejection(rowNumber, read.rejection(), cells));
                } else {
                    candidates.add(new Candidate(rowNumber, cells, read.draft(), SearchKeys.of(read.draft().name())));
                }
                if (candidates.size() == chunkSize) {
                    hand(new Chunk(candidates, rejections, System.nanoTime() - started));
                    candidates = new ArrayList<>();
                    rejections = new ArrayList<>();
                    started = System.nanoTime();
                }
            }
            hand(new Chunk(candidates, rejections, System.nanoTime() - started));
            hand(END);
        } catch (RuntimeException e) {
            hand(e);
        }
    }

    /** Waits for the writer to take it, unless the writer gave up. */
    private void hand(Object item) {
        try {
            while (!closed && !ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the writer is still busy with the chunk before
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
