package io.kefu.search;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking quality on the fixed test collection ({@link TestCollection}), through the public API with the default
 * settings. The floors sit just under the figures measured when they were set (docs/benchmarks.md): a change that
 * makes search find fewer of the articles a person judged relevant fails here.
 */
class SearchQualityTest {

    @TempDir
    static Path folder;
    static SearchIndex index;
    static TestCollection collection;

    @BeforeAll
    static void indexTheCollection() {
        collection = TestCollection.load();
        index = SearchIndex.open(folder, SearchSettings.defaults());
        index.rebuild(TestCollection.KIND, collection.articles().stream());
        index.merge();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void theCollectionIsLargeEnough() {
        assertThat(collection.articles()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(collection.queries()).hasSizeGreaterThanOrEqualTo(100);
    }

    /** Floors: the figures measured when they were set (docs/benchmarks.md) less about 0.03. */
    @ParameterizedTest
    @CsvSource({"TEXT, 0.84, 0.78", "SEMANTIC, 0.92, 0.90", "BLEND, 0.94, 0.90"})
    void findsWhatAPersonJudgedRelevant(SearchMode mode, double recallFloor, double mrrFloor) {
        TestCollection.Score score = collection.score(index, mode);
        System.out.printf("%-8s %s%n", mode, score);
        assertThat(score.recallAt5()).isGreaterThanOrEqualTo(recallFloor);
        assertThat(score.mrr()).isGreaterThanOrEqualTo(mrrFloor);
    }
}
