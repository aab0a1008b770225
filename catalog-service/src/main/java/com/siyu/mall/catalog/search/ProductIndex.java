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
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory product index of this replica (no Spring). Single-product writes are serialised; readers see a
 * consistent snapshot that changes only when a write refreshes it. A rebuild fills a fresh index on the side and
 * swaps it in, so neither readers nor single-product writes wait for it.
 */
final class ProductIndex implements AutoCloseable {

    /** Deep paging stops here: a search shows at most this many hits (offset + limit). */
    static final int MAX_WINDOW = 1_000;

    /** One complete index: its writer and the searchers over it. */
    private record Generation(IndexWriter writer, SearcherManager searchers) {

        static Generation open() {
            try {
                IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(),
                        new IndexWriterConfig(SearchAnalyzers.indexing()).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
                return new Generation(writer, new SearcherManager(writer, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try {
                searchers.close(); // searchers still in use stay valid until released
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private volatile Generation current = Generation.open();

    /** Replaces the documents of {@code spuIds}: those in {@code docs} are (re)written, the others removed. */
    synchronized void replace(Collection<Long> spuIds, Collection<ProductDocument> docs) {
        try {
            for (Long id : spuIds) {
                current.writer().deleteDocuments(new Term(SearchQueries.ID, String.valueOf(id)));
            }
            for (ProductDocument doc : docs) {
                current.writer().updateDocument(new Term(SearchQueries.ID, String.valueOf(doc.spuId())), document(doc));
            }
            current.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything anew, built beside the live index and then swapped in. Single-product writes made meanwhile land in
     * the old index; the caller re-applies them afterwards ({@link ProductSearch#rebuild()}).
     */
    void replaceAll(Collection<ProductDocument> docs) {
        Generation fresh = Generation.open();
        try {
            // IndexWriter takes documents from several threads at once; smartcn segmentation is most of the time
            docs.parallelStream().forEach(d -> {
                try {
                    fresh.writer().addDocument(document(d));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            fresh.searchers().maybeRefreshBlocking();
        } catch (IOException | UncheckedIOException e) {
            fresh.close();
            throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
        }
        Generation old;
        synchronized (this) {
            old = current;
            current = fresh;
        }
        old.close();
    }

    SearchHits search(SearchQuery q) {
        int window = Math.min(q.offset() + q.limit() + 1, MAX_WINDOW + 1);
        return withSearcher(searcher -> {
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
        });
    }

    int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private interface SearcherCall<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Acquires a searcher of the current generation; a rebuild swapping generations meanwhile means: try again. */
    private <T> T withSearcher(SearcherCall<T> call) {
        while (true) {
            SearcherManager searchers = current.searchers();
            IndexSearcher searcher;
            try {
                searcher = searchers.acquire();
            } catch (AlreadyClosedException swapped) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return call.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
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
        current.close();
    }
}
