package io.kefu.platform;

import java.util.UUID;

import io.kefu.KefuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A node is alive while its heartbeat is recent, and its heartbeat brings it back. */
@KefuTest
class ClusterNodesTest {

    @Autowired
    ClusterNodes nodes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStartedNodeIsAliveAndANodeWhoseHeartbeatAgedIsNot() {
        UUID aged = UUID.randomUUID();
        jdbc.sql("INSERT INTO kefu_node (id, seen_at) VALUES (?, now() - make_interval(secs => ?))")
                .params(aged, ClusterNodes.ALIVE_SECONDS + 1).update();

        assertThat(nodes.alive()).contains(nodes.self()).doesNotContain(aged);
    }

    @Test
    void theHeartbeatMakesANodeAliveAgain() {
        jdbc.sql("UPDATE kefu_node SET seen_at = now() - interval '1 hour' WHERE id = ?").params(nodes.self()).update();
        assertThat(nodes.alive()).doesNotContain(nodes.self());

        nodes.beat();

        assertThat(nodes.alive()).contains(nodes.self());
    }
}
