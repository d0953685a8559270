package io.kefu.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.kefu.identity.DataScope;
import io.kefu.platform.DaemonThreads;
import io.kefu.search.SearchDocument;
import io.kefu.search.SearchHit;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchMode;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tickets in the search index, found by their subject, description and conversation, each only by those whose data
 * scope includes it. A changed ticket is re-indexed shortly after its transaction commits, in batches on a thread of
 * its own, so that opening or answering a ticket never waits for the index. A stop indexes what is pending first; a
 * change in the last moments before a crash may be missed until the ticket changes again or the index is rebuilt.
 */
@Component
public class TicketSearch implements SearchSource {

    static final String KIND = "ticket";
    private static final Logger log = LoggerFactory.getLogger(TicketSearch.class);
    private static final int BATCH = 500;
    /** Each batch makes a new index segment for searches to open and merges to fold: about one a second at most. */
    private static final long DELAY_MILLIS = 1000;

    private final SearchIndex index;
    private final JdbcClient jdbc;
    private final ConcurrentLinkedQueue<Long> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor indexer =
            new ScheduledThreadPoolExecutor(1, DaemonThreads.named("ticket-search-indexer"));

    TicketSearch(SearchIndex index, JdbcClient jdbc) {
        this.index = index;
        this.jdbc = jdbc;
        // a stop indexes what is pending itself, at once (stop)
        indexer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The tickets the viewer may see that match the text, best first. */
    public List<SearchHit> search(String text, TicketScope scope, int limit) {
        return index.search(new SearchQuery(text, Set.of(KIND), keysOf(scope), SearchMode.TEXT, limit));
    }

    /** The ticket changed in the current transaction (or just now): it is re-indexed once that commits. */
    void changed(long ticketId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(ticketId);
                }
            });
        } else {
            enqueue(ticketId);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Stream<SearchDocument> all() {
        long max = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ticket").query(Long.class).single();
        return LongStream.iterate(0, from -> from <= max, from -> from + BATCH).boxed()
                .flatMap(from -> documents(jdbc.sql("SELECT id FROM ticket WHERE id > :from AND id <= :to")
                        .param("from", from).param("to", from + BATCH).query(Long.class).list()).stream());
    }

    /**
     * Indexes the changes still pending, before the index closes: an orderly stop misses none. A batch under way
     * finishes first (an interrupted index writer would be damaged).
     */
    @PreDestroy
    void stop() throws InterruptedException {
        indexer.shutdown();
        indexer.awaitTermination(1, TimeUnit.MINUTES);
        while (!pending.isEmpty()) {
            drain();
        }
    }

    private void enqueue(long ticketId) {
        pending.add(ticketId);
        if (!indexer.isShutdown() && scheduled.compareAndSet(false, true)) {
            indexer.schedule(this::drain, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        scheduled.set(false);
        Set<Long> batch = new LinkedHashSet<>();
        for (Long id; batch.size() < BATCH && (id = pending.poll()) != null; ) {
            batch.add(id);
        }
        try {
            index.putAll(documents(List.copyOf(batch)));
        } catch (RuntimeException e) {
            log.warn("Tickets {} could not be indexed for search; they will be when they change again", batch, e);
        }
        if (!pending.isEmpty() && !indexer.isShutdown() && scheduled.compareAndSet(false, true)) {
            indexer.execute(this::drain);
        }
    }

    /** Who may find a ticket: everyone with scope ALL, its department, and the people and group involved in it. */
    private static Set<String> keysOf(Long department, Long owner, Long assignee, Long creator, Long group) {
        Set<String> keys = new HashSet<>(Set.of("all"));
        if (department != null) {
            keys.add("dept:" + department);
        }
        Stream.of(owner, assignee, creator).filter(Objects::nonNull).forEach(id -> keys.add("staff:" + id));
        if (group != null) {
            keys.add("group:" + group);
        }
        return keys;
    }

    /** The keys a viewer holds: the same rule as {@link TicketScope#allows}. */
    static Set<String> keysOf(TicketScope scope) {
        if (scope.scope() == DataScope.ALL) {
            return Set.of("all");
        }
        Set<String> keys = new HashSet<>(Set.of("staff:" + scope.staffId()));
        scope.skillGroups().forEach(group -> keys.add("group:" + group));
        if (scope.scope() == DataScope.DEPARTMENT) {
            scope.departments().forEach(department -> keys.add("dept:" + department));
        }
        return keys;
    }

    private List<SearchDocument> documents(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, String> conversations = jdbc.sql("""
                SELECT ticket_id, string_agg(body, E'\\n' ORDER BY id) FROM ticket_article
                WHERE ticket_id = ANY(:ids) GROUP BY ticket_id""").param("ids", array)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<SearchDocument> documents = new ArrayList<>();
        jdbc.sql("""
                SELECT id, subject, description, department_id, owner_id, assignee_id, created_by, skill_group_id,
                       updated_at FROM ticket WHERE id = ANY(:ids)""").param("ids", array)
                .query((ResultSet rs) -> {
                    documents.add(documentOf(rs, conversations.getOrDefault(rs.getLong(1), "")));
                });
        return documents;
    }

    private static SearchDocument documentOf(ResultSet rs, String conversation) throws SQLException {
        Set<String> keys = keysOf(rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                rs.getObject(6, Long.class), rs.getObject(7, Long.class), rs.getObject(8, Long.class));
        return new SearchDocument(KIND, rs.getLong(1), "#" + rs.getLong(1) + " " + rs.getString(2),
                rs.getString(3) + "\n" + conversation, keys, 0, rs.getTimestamp(9).toInstant());
    }
}
