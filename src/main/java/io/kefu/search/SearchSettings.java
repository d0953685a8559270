package io.kefu.search;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How search ranks, bound from {@code kefu.search.*}. The three weights combine the normalised parts of a hit in
 * {@link SearchMode#BLEND}; they need not add up to 1. Only the kinds in {@code semanticKinds} are embedded
 * (embedding costs milliseconds per document: fine for articles, too slow for millions of tickets), the others are
 * found by their words only.
 *
 * @param textWeight        weight of BM25 text relevance, divided by the best text score among the candidates
 * @param semanticWeight    weight of the cosine similarity, rescaled from [{@code semanticFloor}, 1] to [0, 1]
 * @param popularityWeight  weight of log(1 + popularity), divided by the largest among the candidates
 * @param semanticFloor     cosine below which a document is not similar at all (bge-small-zh gives unrelated
 *                          Chinese sentences about 0.3); nearest neighbours below it are not returned
 * @param semanticKinds     the kinds whose documents get an embedding
 * @param queryInstruction  prefix queries with the model's retrieval instruction (see docs/benchmarks.md)
 */
@ConfigurationProperties("kefu.search")
public record SearchSettings(Double textWeight, Double semanticWeight, Double popularityWeight, Double semanticFloor,
                             Set<String> semanticKinds, Boolean queryInstruction) {

    public SearchSettings {
        textWeight = textWeight == null ? 0.15 : textWeight;
        semanticWeight = semanticWeight == null ? 0.75 : semanticWeight;
        popularityWeight = popularityWeight == null ? 0.1 : popularityWeight;
        semanticFloor = semanticFloor == null ? 0.45 : semanticFloor;
        semanticKinds = semanticKinds == null ? Set.of("article") : Set.copyOf(semanticKinds);
        queryInstruction = queryInstruction == null ? Boolean.FALSE : queryInstruction;
    }

    /** The defaults, as documented in README.md. */
    public static SearchSettings defaults() {
        return new SearchSettings(null, null, null, null, null, null);
    }
}
