package io.kefu.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What modules and people rely on from the search index, through its public API on a folder of its own: Chinese
 * words found inside sentences, Traditional matching Simplified, who may see what, highlighted snippets, rebuilds
 * and restarts.
 */
class SearchIndexTest {

    private static final Set<String> PUBLIC = Set.of("public");

    @TempDir
    Path folder;

    private static SearchDocument article(long id, String title, String body, String... keys) {
        return new SearchDocument("article", id, title, body, Set.of(keys), 0, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static List<SearchDocument> someArticles() {
        return List.of(
                article(1, "\u5bbd\u5e26\u4ece\u6628\u5929\u5f00\u59cb\u65ad\u7f51",
                        "\u8bf7\u5148\u91cd\u542f\u5149\u732b\u548c\u8def\u7531\u5668\u3002", "public"),
                article(2, "\u5982\u4f55\u67e5\u8be2\u5269\u4f59\u6d41\u91cf",
                        "\u53d1\u9001\u77ed\u4fe1CXLL\u5230\u5ba2\u670d\u53f7\u7801\u3002", "public"),
                article(3, "\u7535\u68af\u56f0\u4eba\u600e\u4e48\u529e",
                        "\u6309\u4e0b\u8b66\u94c3\u7b49\u5f85\u6551\u63f4\u3002", "public"),
                article(4, "\u5bbd\u5e26\u5185\u90e8\u6392\u969c\u624b\u518c",
                        "\u65ad\u7f51\u65f6\u5148\u67e5OLT\u544a\u8b66\u3002", "internal"));
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    @Test
    void aWordIsFoundInsideASentenceWithoutSpaces() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
            // 断网 finds 宽带从昨天开始断网
            List<SearchHit> hits = index.search(new SearchQuery("\u65ad\u7f51", Set.of("article"), PUBLIC,
                    SearchMode.TEXT, 5));
            assertThat(ids(hits)).containsExactly(1L);
        }
    }

    @Test
    void traditionalCharactersFindSimplifiedOnesAndBack() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
            // 寬帶 finds 宽带
            assertThat(ids(index.search(new SearchQuery("\u5bec\u5e36", Set.of(), PUBLIC, SearchMode.TEXT, 5))))
                    .containsExactly(1L);
            // a Traditional document (電梯困人) is found by the Simplified 电梯
            index.put(article(5, "\u96fb\u68af\u5b89\u5168\u6aa2\u67e5", "\u6bcf\u6708\u4e00\u6b21\u3002", "public"));
            assertThat(ids(index.search(new SearchQuery("\u7535\u68af\u68c0\u67e5", Set.of(), PUBLIC,
                    SearchMode.TEXT, 5)))).first().isEqualTo(5L);
        }
    }

    @Test
    void aParaphraseFindsTheArticleByMeaning() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
            // 我的流量还剩多少 finds 如何查询剩余流量
            List<SearchHit> hits = index.search(SearchQuery.of(
                    "\u6211\u7684\u6d41\u91cf\u8fd8\u5269\u591a\u5c11", "article", PUBLIC, 5));
            assertThat(hits.get(0).id()).isEqualTo(2L);
            assertThat(hits.get(0).semantic()).isGreaterThan(0);
            assertThat(hits.get(0).score()).isGreaterThan(hits.size() > 1 ? hits.get(1).score() : 0);
        }
    }

    @Test
    void aDocumentIsOnlyFoundBySomeoneHoldingOneOfItsKeys() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
            for (SearchMode mode : SearchMode.values()) {
                assertThat(ids(index.search(new SearchQuery("\u5bbd\u5e26\u65ad\u7f51", Set.of(), PUBLIC, mode, 10))))
                        .as(mode.name()).doesNotContain(4L);
                assertThat(ids(index.search(new SearchQuery("\u5bbd\u5e26\u65ad\u7f51", Set.of(),
                        Set.of("public", "internal"), mode, 10)))).as(mode.name()).contains(4L);
            }
            assertThat(index.search(new SearchQuery("\u5bbd\u5e26", Set.of(), Set.of("dept:9"), SearchMode.BLEND, 10)))
                    .isEmpty();
        }
    }

    @Test
    void theSnippetMarksTheMatchedWordsAndEscapesTheRest() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            index.put(article(7, "\u8def\u7531\u5668", "\u767b\u5f55<b>192.168.1.1</b>\u540e\u4fee\u6539WiFi"
                    + "\u5bc6\u7801\u5e76\u4fdd\u5b58\u3002", "public"));
            SearchHit hit = index.search(new SearchQuery("WiFi\u5bc6\u7801", Set.of(), PUBLIC, SearchMode.TEXT, 5))
                    .get(0);
            assertThat(hit.snippet()).contains("<mark>WiFi</mark>").contains("<mark>\u5bc6\u7801</mark>")
                    .contains("&lt;b&gt;192.168.1.1&lt;&#x2F;b&gt;").doesNotContain("<b>");
        }
    }

    @Test
    void theSnippetLeavesOneCharacterParticlesUnmarkedWhenTheQueryHasLongerWords() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            // 我的WiFi密码忘了 (my WiFi password is forgotten): 我, 的 and 了 are words of one character
            index.put(article(8, "\u8def\u7531\u5668", "\u6211\u7684WiFi\u5bc6\u7801\u5fd8\u4e86\u3002", "public"));
            SearchHit hit = index.search(new SearchQuery("\u6211\u7684WiFi\u5bc6\u7801", Set.of(), PUBLIC,
                    SearchMode.TEXT, 5)).get(0);
            assertThat(hit.snippet()).contains("<mark>WiFi</mark>").contains("<mark>\u5bc6\u7801</mark>")
                    .doesNotContain("<mark>\u7684</mark>").doesNotContain("<mark>\u6211</mark>");
            SearchHit particleOnly = index.search(new SearchQuery("\u6211", Set.of(), PUBLIC, SearchMode.TEXT, 5))
                    .get(0);
            assertThat(particleOnly.snippet()).contains("<mark>\u6211</mark>");
        }
    }

    @Test
    void theMorePopularOfTwoEquallyRelevantArticlesComesFirst() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            String title = "\u5982\u4f55\u4fee\u6539WiFi\u5bc6\u7801";
            index.put(new SearchDocument("article", 1, title, "", Set.of("public"), 3, Instant.EPOCH));
            index.put(new SearchDocument("article", 2, title, "", Set.of("public"), 900, Instant.EPOCH));
            for (SearchMode mode : SearchMode.values()) {
                List<SearchHit> hits = index.search(new SearchQuery("WiFi\u5bc6\u7801", Set.of(), PUBLIC, mode, 5));
                assertThat(ids(hits)).as(mode.name()).containsExactly(2L, 1L);
                assertThat(hits.get(0).popularity()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void removedAndReplacedDocumentsAreFoundAsTheyNowAre() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
            index.put(article(3, "\u7535\u68af\u7ef4\u4fdd\u65f6\u95f4", "\u6bcf\u6708\u4e00\u6b21\u3002", "public"));
            assertThat(index.search(new SearchQuery("\u7535\u68af", Set.of(), PUBLIC, SearchMode.TEXT, 5)))
                    .extracting(SearchHit::title).containsExactly("\u7535\u68af\u7ef4\u4fdd\u65f6\u95f4");
            index.remove("article", 3);
            assertThat(index.search(new SearchQuery("\u7535\u68af", Set.of(), PUBLIC, SearchMode.TEXT, 5))).isEmpty();
            assertThat(index.count("article")).isEqualTo(3);
        }
    }

    @Test
    void aRebuildFromTheSourceGivesTheSameResults() {
        TestCollection all = TestCollection.load();
        // broadband and mobile plans, and the queries about them, keep the test short
        List<SearchDocument> articles = all.articles().stream().filter(a -> a.id() <= 68).toList();
        List<TestCollection.Judged> queries = all.queries().stream()
                .filter(q -> q.relevant().stream().allMatch(id -> id <= 68)).toList();
        SearchSource source = new SearchSource() {
            @Override
            public String kind() {
                return "article";
            }

            @Override
            public Stream<SearchDocument> all() {
                return articles.stream();
            }
        };
        List<List<Long>> before;
        try (SearchIndex index = SearchIndex.open(folder.resolve("one"), SearchSettings.defaults())) {
            articles.forEach(index::put);
            before = queries.stream()
                    .map(q -> ids(index.search(SearchQuery.of(q.text(), "article", PUBLIC, 5)))).toList();
        }
        try (SearchIndex index = SearchIndex.open(folder.resolve("two"), SearchSettings.defaults())) {
            index.put(article(999, "\u5e9f\u5f03\u7684\u6587\u7ae0", "\u65ad\u7f51", "public"));
            assertThat(index.rebuild(source.kind(), source.all())).isEqualTo(articles.size());
            List<List<Long>> after = queries.stream()
                    .map(q -> ids(index.search(SearchQuery.of(q.text(), "article", PUBLIC, 5)))).toList();
            assertThat(after).isEqualTo(before);
            assertThat(index.count("article")).isEqualTo(articles.size());
        }
    }

    @Test
    void theIndexSurvivesARestart() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            assertThat(index.fresh()).isTrue();
            index.rebuildStarted();
            index.rebuild("article", someArticles().stream().limit(3));
            index.rebuildFinished();
            someArticles().stream().skip(3).forEach(index::put);
        }
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            assertThat(index.fresh()).isFalse();
            assertThat(index.count("article")).isEqualTo(4);
            assertThat(ids(index.search(SearchQuery.of("\u6211\u7684\u6d41\u91cf\u8fd8\u5269\u591a\u5c11", "article",
                    PUBLIC, 3)))).first().isEqualTo(2L);
        }
    }

    @Test
    void anIndexNeverFilledOrStoppedInTheMiddleOfARebuildIsStartedAfresh() {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
        }
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            assertThat(index.fresh()).as("created, then stopped before its first rebuild").isTrue();
            index.rebuildStarted();
            index.rebuild("article", someArticles().stream());
            index.rebuildFinished();
        }
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            assertThat(index.fresh()).isFalse();
            index.rebuildStarted();
            index.rebuild("article", someArticles().stream().limit(1));
        }
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            assertThat(index.fresh()).as("stopped in the middle of a rebuild").isTrue();
            assertThat(index.count("article")).isZero();
        }
    }

    @Test
    void anIndexOfAnotherFormatIsStartedAfresh() throws Exception {
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            someArticles().forEach(index::put);
        }
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of("format", "kefu-search-0").entrySet());
            writer.commit();
        }
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            assertThat(index.fresh()).isTrue();
            assertThat(index.count("article")).isZero();
        }
    }
}
