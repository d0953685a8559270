package io.kefu.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * Sentence vectors from bge-small-zh-v1.5 (quantised ONNX, 512 dimensions), run in-process from the model file
 * inside the Maven artifact: no network, no service. The model is loaded once per process on first use (about a
 * second and 100 MB) and shared, since it is stateless and thread-safe.
 *
 * <p>ONNX Runtime releases its native environment in a JVM shutdown hook of its own, which runs alongside every
 * other thread: an embedding still running then crashes the JVM. So the embedder is {@link #close closed} before
 * the shutdown begins ({@link StopSignals}): it lets the embeddings under way finish and refuses new ones.
 */
final class Embedder {

    static final int DIMENSIONS = 512;
    /** The retrieval instruction the model card recommends prefixing to short queries (not to documents). */
    static final String QUERY_INSTRUCTION = "\u4e3a\u8fd9\u4e2a\u53e5\u5b50\u751f\u6210\u8868\u793a\u4ee5\u7528\u4e8e"
            + "\u68c0\u7d22\u76f8\u5173\u6587\u7ae0\uff1a";
    /** Characters of a document that are embedded: its title and the start of its body carry its topic. */
    private static final int MAX_CHARS = 400;
    /** Documents embedded in one call: a stop waits for at most one such call (well under a second). */
    private static final int DOCUMENTS_PER_CALL = 16;

    /** Held shared by each embedding, exclusively by {@link #close}. */
    private static final ReentrantReadWriteLock running = new ReentrantReadWriteLock();
    private static volatile boolean closed;

    private Embedder() {
    }

    private static final class Model {
        static final EmbeddingModel INSTANCE = new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    static float[] query(String text, boolean instruction) {
        return whileOpen(() -> Model.INSTANCE.embed(instruction ? QUERY_INSTRUCTION + text : text).content()
                .vector());
    }

    static List<float[]> documents(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += DOCUMENTS_PER_CALL) {
            List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + DOCUMENTS_PER_CALL))
                    .stream().map(Embedder::clip).map(TextSegment::from).toList();
            whileOpen(() -> Model.INSTANCE.embedAll(segments).content()).forEach(e -> vectors.add(e.vector()));
        }
        return vectors;
    }

    /**
     * Waits for the embeddings under way (at most ten seconds) and refuses any later one with
     * {@link EmbedderClosedException}. For the stop of the process: nothing opens it again.
     */
    static void close() throws InterruptedException {
        boolean idle = running.writeLock().tryLock(10, TimeUnit.SECONDS);
        closed = true;
        if (idle) {
            running.writeLock().unlock();
        }
    }

    private static <T> T whileOpen(Supplier<T> embedding) {
        running.readLock().lock();
        try {
            if (closed) {
                throw new EmbedderClosedException();
            }
            return embedding.get();
        } finally {
            running.readLock().unlock();
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    /** An embedding asked for while the process stops. */
    static final class EmbedderClosedException extends IllegalStateException {
        EmbedderClosedException() {
            super("No more embeddings: Kefu is stopping");
        }
    }
}
