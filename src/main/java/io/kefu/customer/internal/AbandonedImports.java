package io.kefu.customer.internal;

import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kefu.platform.ClusterNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Ends the imports whose node stopped or crashed while they waited or ran: a decided import's prepared rows are
 * committed and it is done; any other is failed with nothing kept. Done when a node starts (for a node that
 * stopped before it) and every 15 s by one node of the cluster (for one that stops while the others run).
 * Imports of live nodes are theirs: a node starting leaves them alone.
 */
@Component
class AbandonedImports implements ApplicationRunner {

    static final String TASK = "customer-import-abandoned";
    private static final Logger log = LoggerFactory.getLogger(AbandonedImports.class);

    private final ClusterNodes nodes;
    private final ImportTransactions transactions;
    private final CustomerImports imports;

    AbandonedImports(ClusterNodes nodes, ImportTransactions transactions, CustomerImports imports) {
        this.nodes = nodes;
        this.transactions = transactions;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        settle();
    }

    @Bean
    RecurringTask<Void> abandonedImportsTask() {
        return Tasks.recurring(TASK, FixedDelay.ofSeconds(15)).execute((instance, context) -> settle());
    }

    /** How many imports were failed. */
    int settle() {
        Set<UUID> alive = nodes.alive();
        int settled = transactions.settleAbandoned(alive);
        if (settled > 0) {
            log.warn("{} prepared part(s) of customer imports whose node stopped were settled", settled);
        }
        int failed = imports.failAbandoned(alive);
        if (failed > 0) {
            log.warn("{} customer import(s) were cut short by a stop of their node; none of their rows were kept",
                    failed);
        }
        return failed;
    }
}
