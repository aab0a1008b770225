package com.siyu.mall.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory product index of this replica (no Spring). Writes are serialised; readers see a consistent
 * snapshot that changes only on {@link SearcherManager#maybeRefreshBlocking()} after a write, so a rebuild
 * (delete all, add all) is never seen half done.
 */
final class ProductIndex implements AutoCloseable {

    /** Deep paging stops here: a search shows at most this many hits (offset + limit). */
    static final int MAX_WINDOW = 1_000;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    ProductIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.indexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the documents of {@code spuIds}: those in {@code docs} are (re)written, the others removed. */
    synchronized void replace(Collection<Long> spuIds, Collection<ProductDocument> docs) {
        try {
            for (Long id : spuIds) {
                writer.deleteDocuments(new Term(SearchQueries.ID, String.valueOf(id)));
            }
            for (ProductDocument doc : docs) {
                writer.updateDocument(new Term(SearchQueries.ID, String.valueOf(doc.spuId())), document(doc));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything anew: readers keep the old snapshot until the new one is complete. */
    synchronized void replaceAll(Collection<ProductDocument> docs) {
        try {
            writer.deleteAll();
            List<Document> batch = new ArrayList<>(docs.size());
            docs.forEach(d -> batch.add(document(d)));
            writer.addDocuments(batch);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SearchHits search(SearchQuery q) {
        int window = Math.min(q.offset() + q.limit() + 1, MAX_WINDOW + 1);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopFieldDocs top = searcher.search(SearchQueries.build(q), window, SearchQueries.sort(q.sort()),
                        q.sort() == SearchQuery.Sort.RELEVANCE);
                List<Long> ids = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                int end = Math.min(docs.length, Math.min(q.offset() + q.limit(), MAX_WINDOW));
                for (int i = q.offset(); i < end; i++) {
                    ids.add(Long.parseLong(searcher.storedFields().document(docs[i].doc).get(SearchQueries.ID)));
                }
                boolean more = docs.length > q.offset() + q.limit() && q.offset() + q.limit() < MAX_WINDOW;
                return new SearchHits(ids, top.totalHits.value, more);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(ProductDocument p) {
        Document doc = new Document();
        doc.add(new StringField(SearchQueries.ID, String.valueOf(p.spuId()), Field.Store.YES));
        doc.add(new TextField(SearchAnalyzers.TITLE_WORDS, p.title(), Field.Store.NO));
        doc.add(new TextField(SearchAnalyzers.TITLE_GRAMS, p.title(), Field.Store.NO));
        String extra = String.join(" ", nonNull(p.subtitle()), nonNull(p.brandName()), nonNull(p.categoryName()),
                String.join(" ", p.tags()));
        doc.add(new TextField(SearchAnalyzers.EXTRA_GRAMS, extra, Field.Store.NO));
        doc.add(new StringField(SearchQueries.AUDIENCE, p.audience(), Field.Store.NO));
        if (p.categoryId() != null) {
            doc.add(new StringField(SearchQueries.CATEGORY, String.valueOf(p.categoryId()), Field.Store.NO));
        }
        if (p.brandId() != null) {
            doc.add(new StringField(SearchQueries.BRAND, String.valueOf(p.brandId()), Field.Store.NO));
        }
        p.tags().forEach(t -> doc.add(new StringField(SearchQueries.TAG, t, Field.Store.NO)));
        doc.add(new LongPoint(SearchQueries.PRICE, p.minPriceFen()));
        doc.add(new NumericDocValuesField(SearchQueries.PRICE, p.minPriceFen()));
        doc.add(new NumericDocValuesField(SearchQueries.SALES, p.sales()));
        doc.add(new NumericDocValuesField(SearchQueries.NEWEST, p.spuId()));
        doc.add(new NumericDocValuesField(SearchQueries.WEIGHT, p.sortWeight()));
        return doc;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
