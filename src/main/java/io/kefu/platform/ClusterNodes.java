package io.kefu.platform;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Kefu processes (nodes) working on this database. Each writes a heartbeat every {@value #HEARTBEAT_SECONDS}
 * seconds and counts as alive while its last one is younger than {@value #ALIVE_SECONDS} seconds, by the database's
 * clock. Work a node owns in memory, like a running customer import, is failed by the others only once that node
 * is no longer alive: two nodes on one database behave as one, and a node starting leaves the others' work alone.
 */
@Component
public class ClusterNodes implements SmartInitializingSingleton, DisposableBean {

    static final int HEARTBEAT_SECONDS = 10;
    static final int ALIVE_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);

    private final UUID self = UUID.randomUUID();
    private final JdbcClient jdbc;
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kefu-node-heartbeat"));

    ClusterNodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This process, from its start to its stop. */
    public UUID self() {
        return self;
    }

    /** The nodes alive now, this one included. */
    public Set<UUID> alive() {
        return Set.copyOf(jdbc.sql("SELECT id FROM kefu_node WHERE seen_at > now() - make_interval(secs => :alive)")
                .param("alive", ALIVE_SECONDS).query(UUID.class).list());
    }

    /** Before the web server takes requests, so that no work is begun by a node the others cannot see. */
    @Override
    public void afterSingletonsInstantiated() {
        beat();
        heartbeat.scheduleWithFixedDelay(this::beatQuietly, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** A node that stops says so, so that the others need not wait for its heartbeat to age. */
    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        try {
            jdbc.sql("DELETE FROM kefu_node WHERE id = :id").param("id", self).update();
        } catch (DataAccessException e) {
            log.warn("Could not sign this node off; the others will see its heartbeat age", e);
        }
    }

    void beat() {
        jdbc.sql("""
                INSERT INTO kefu_node (id) VALUES (:id) ON CONFLICT (id) DO UPDATE SET seen_at = now()""")
                .param("id", self).update();
        // a node that died without signing off is of no interest after a day
        jdbc.sql("DELETE FROM kefu_node WHERE seen_at < now() - interval '1 day'").update();
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Node heartbeat failed; will try again in {} s", HEARTBEAT_SECONDS, e);
        }
    }
}
