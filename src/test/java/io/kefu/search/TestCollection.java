package io.kefu.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed Chinese test collection in {@code src/test/resources/search/collection}: 204 short knowledge articles
 * (34 each on broadband, mobile plans, billing, property repairs, hospital appointments and car maintenance) and
 * over 100 queries, each with the 1-3 articles a person judged relevant, and its type (paraphrase, keyword,
 * traditional, latin, segmentation). Scores a search index on it by recall@5 and MRR.
 */
public record TestCollection(List<SearchDocument> articles, List<Judged> queries) {

    static final String KIND = "article";
    private static final String[] DOMAINS = {"broadband", "mobile", "billing", "property", "hospital", "car"};

    public record Judged(String text, Set<Long> relevant, String type) {
    }

    /** recall@5: the share of relevant articles among the first five, averaged; MRR: 1 / rank of the first. */
    public record Score(double recallAt5, double mrr, Map<String, Double> recallByType) {
        @Override
        public String toString() {
            return String.format("recall@5 %.3f  MRR %.3f  recall@5 by type %s", recallAt5, mrr, recallByType);
        }
    }

    public static TestCollection load() {
        JsonMapper json = JsonMapper.builder().build();
        List<SearchDocument> articles = new ArrayList<>();
        for (String domain : DOMAINS) {
            for (JsonNode node : lines(json, "articles-" + domain + ".jsonl")) {
                articles.add(new SearchDocument(KIND, node.get("id").asLong(), node.get("title").asString(),
                        node.get("body").asString(), Set.of("public"), 0, Instant.EPOCH));
            }
        }
        List<Judged> queries = new ArrayList<>();
        for (JsonNode node : lines(json, "queries.jsonl")) {
            Set<Long> relevant = new java.util.LinkedHashSet<>();
            node.get("relevant").forEach(id -> relevant.add(id.asLong()));
            queries.add(new Judged(node.get("q").asString(), relevant, node.get("type").asString()));
        }
        return new TestCollection(List.copyOf(articles), List.copyOf(queries));
    }

    private static List<JsonNode> lines(JsonMapper json, String file) {
        try (InputStream in = TestCollection.class.getResourceAsStream("/search/collection/" + file)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).map(json::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Score score(SearchIndex index, SearchMode mode) {
        double recall = 0;
        double reciprocal = 0;
        Map<String, double[]> byType = new TreeMap<>();
        for (Judged query : queries) {
            List<Long> ids = index.search(new SearchQuery(query.text(), Set.of(KIND), Set.of("public"), mode, 10))
                    .stream().map(SearchHit::id).toList();
            long found = ids.stream().limit(5).filter(query.relevant()::contains).count();
            double queryRecall = found / (double) query.relevant().size();
            recall += queryRecall;
            for (int rank = 0; rank < ids.size(); rank++) {
                if (query.relevant().contains(ids.get(rank))) {
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
            double[] sum = byType.computeIfAbsent(query.type(), t -> new double[2]);
            sum[0] += queryRecall;
            sum[1]++;
        }
        Map<String, Double> recallByType = new TreeMap<>();
        byType.forEach((type, sum) -> recallByType.put(type, Math.round(sum[0] / sum[1] * 1000) / 1000.0));
        return new Score(recall / queries.size(), reciprocal / queries.size(), recallByType);
    }
}
