package io.kefu.ticket.internal;

import java.nio.file.Path;
import java.util.Set;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchMode;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSettings;
import io.kefu.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket changed just before Kefu stops is in the search index after the stop: the indexer, which waits a second
 * to gather changes into one batch, indexes what is pending before the index closes.
 */
@KefuTest
class TicketSearchStopTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void aChangeJustBeforeTheStopIsIndexed() throws InterruptedException {
        long id = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN).post("/api/v1/tickets",
                Tickets.newTicketJson("REPAIR", Tickets.uniquePhone(), "停机前改过的工单")).json().get("id").asLong();
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            TicketSearch search = new TicketSearch(index, jdbc);

            search.changed(id);
            search.stop();

            assertThat(index.search(new SearchQuery("光猫指示灯", Set.of(TicketSearch.KIND), Set.of("all"),
                    SearchMode.TEXT, 10))).extracting(hit -> hit.id()).containsExactly(id);
        }
    }
}
