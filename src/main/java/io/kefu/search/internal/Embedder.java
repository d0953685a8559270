package io.kefu.search.internal;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * Sentence vectors from bge-small-zh-v1.5 (quantised ONNX, 512 dimensions), run in-process from the model file
 * inside the Maven artifact: no network, no service. The model is loaded once per process on first use (about a
 * second and 100 MB) and shared, since it is stateless and thread-safe.
 */
final class Embedder {

    static final int DIMENSIONS = 512;
    /** The retrieval instruction the model card recommends prefixing to short queries (not to documents). */
    static final String QUERY_INSTRUCTION = "\u4e3a\u8fd9\u4e2a\u53e5\u5b50\u751f\u6210\u8868\u793a\u4ee5\u7528\u4e8e"
            + "\u68c0\u7d22\u76f8\u5173\u6587\u7ae0\uff1a";
    /** Characters of a document that are embedded: its title and the start of its body carry its topic. */
    private static final int MAX_CHARS = 400;

    private Embedder() {
    }

    private static final class Model {
        static final EmbeddingModel INSTANCE = new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    static float[] query(String text, boolean instruction) {
        return Model.INSTANCE.embed(instruction ? QUERY_INSTRUCTION + text : text).content().vector();
    }

    static List<float[]> documents(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(Embedder::clip).map(TextSegment::from).toList();
        return Model.INSTANCE.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    private static String clip(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}
