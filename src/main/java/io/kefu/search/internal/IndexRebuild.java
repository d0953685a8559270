package io.kefu.search.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kefu.platform.DaemonThreads;
import io.kefu.platform.DomainException;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refills the index from every {@link SearchSource}: by itself once the application is ready if the index was
 * missing, of an older format or left unfinished by an earlier rebuild, and when an administrator asks. It runs on
 * its own thread, one at a time; searches keep working meanwhile and see each kind refill.
 */
@Component
public class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    private final SearchIndex index;
    private final List<SearchSource> sources;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Thread rebuilding;

    IndexRebuild(SearchIndex index, List<SearchSource> sources) {
        this.index = index;
        this.sources = sources;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfFresh() {
        if (index.fresh()) {
            start();
        }
    }

    /** Starts a rebuild of every kind; answers the kinds it covers. Refused (409) while one runs. */
    public List<String> start() {
        if (!running.compareAndSet(false, true)) {
            throw new DomainException(HttpStatus.CONFLICT, "search.rebuild.running");
        }
        Thread thread = DaemonThreads.named("search-rebuild").newThread(this::rebuildAll);
        rebuilding = thread;
        thread.start();
        return sources.stream().map(SearchSource::kind).toList();
    }

    /**
     * A rebuild under way stops after its current batch, before the index closes; it is not marked finished, so
     * the next start rebuilds again.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        Thread thread = rebuilding;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void rebuildAll() {
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            long start = System.nanoTime();
            index.rebuildStarted();
            for (SearchSource source : sources) {
                counts.put(source.kind(), index.rebuild(source.kind(), source.all().takeWhile(d -> !stopping)));
            }
            if (stopping) {
                logCutShort();
                return;
            }
            index.merge();
            index.rebuildFinished();
            log.info("Search index rebuilt in {} ms: {}", (System.nanoTime() - start) / 1_000_000, counts);
        } catch (RuntimeException e) {
            // a stop by a signal closes the embedder under the rebuild (StopSignals)
            if (stopping || e instanceof Embedder.EmbedderClosedException) {
                logCutShort();
            } else {
                log.error("Search index rebuild failed", e);
            }
        } finally {
            running.set(false);
        }
    }

    private static void logCutShort() {
        log.info("Search index rebuild cut short by the stop; the next start rebuilds the index");
    }
}
