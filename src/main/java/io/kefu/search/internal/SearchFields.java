package io.kefu.search.internal;

import io.kefu.search.SearchDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The fields of an indexed document, written by {@link LuceneSearchIndex} and read by {@link BlendedSearch}. The
 * text fields' names and analysis are {@link ChineseAnalysis}'s. A change here changes the index's format
 * ({@link LuceneSearchIndex#FORMAT}).
 */
final class SearchFields {

    /** Kind and id together: what a document is replaced and removed by. */
    static final String KEY = "key";
    static final String KIND = "kind";
    static final String ID = "id";
    /** Who may see the document: a search passes the viewer's keys. */
    static final String ACCESS = "access";
    static final String POPULARITY = "popularity";
    static final String VECTOR = "vector";
    /** Stored for display, with offsets in the postings so snippets need no second analysis. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_STORED);

    static {
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WORDS.freeze();
    }

    private SearchFields() {
    }

    static Term keyOf(String kind, long id) {
        return new Term(KEY, kind + ":" + id);
    }

    /** The document as Lucene stores it; {@code vector} is its embedding, or null for a kind never embedded. */
    static Document toLucene(SearchDocument source, float[] vector) {
        Document document = new Document();
        document.add(new StringField(KEY, keyOf(source.kind(), source.id()).text(), Field.Store.NO));
        document.add(new StringField(KIND, source.kind(), Field.Store.YES));
        document.add(new StoredField(ID, source.id()));
        source.accessKeys().forEach(k -> document.add(new StringField(ACCESS, k, Field.Store.NO)));
        document.add(new Field(ChineseAnalysis.TITLE, source.title(), WORDS));
        document.add(new Field(ChineseAnalysis.BODY, source.body(), WORDS));
        document.add(new TextField(ChineseAnalysis.TITLE_BIGRAMS, source.title(), Field.Store.NO));
        document.add(new TextField(ChineseAnalysis.BODY_BIGRAMS, source.body(), Field.Store.NO));
        document.add(new DoubleDocValuesField(POPULARITY, source.popularity()));
        if (vector != null) {
            document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return document;
    }
}
