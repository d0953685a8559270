package io.kefu.ticket.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.kefu.KefuTest;
import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain INSERT that opens a ticket writes what JPA would have written, and nothing the entity maps is left out. */
@KefuTest
class TicketInsertsTest {

    @Autowired
    EntityManagerFactory entityManagers;
    @Autowired
    TicketInserts inserts;
    @Autowired
    TicketNumbers numbers;
    @Autowired
    TicketRepository tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theInsertWritesEveryColumnTheEntityMaps() {
        Set<String> mapped = new TreeSet<>();
        EntityPersister ticket = entityManagers.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(Ticket.class);
        ticket.getIdentifierMapping().forEachSelectable((index, column) -> mapped.add(column.getSelectionExpression()));
        ticket.forEachSelectable((index, column) -> mapped.add(column.getSelectionExpression()));

        assertThat(new TreeSet<>(Arrays.asList(TicketInserts.COLUMNS.split(",\\s*")))).isEqualTo(mapped);
    }

    @Test
    void aTicketWrittenByTheInsertReadsBackThroughJpaWithEveryField() {
        long customerId = jdbc.sql("SELECT min(id) FROM customer").query(Long.class).single();
        long staffId = jdbc.sql("SELECT min(id) FROM staff").query(Long.class).single();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Ticket written = new Ticket(numbers.next(), new TicketDraft(customerId, "REPAIR", TicketPriority.URGENT,
                TicketChannel.EMAIL, null, "宽带断网", "光猫红灯", Map.of("region", "杭州", "floor", 3), null),
                staffId, null, now);
        written.assignTo(staffId, now);
        written.apply(TicketAction.START, staffId, now.plusSeconds(1));
        written.markFirstResponse(now.plusSeconds(2));
        written.recordVerdict(ReturnVisitVerdict.SATISFIED, now.plusSeconds(3));
        written.slaChanged(now.plusSeconds(3600), SlaFlag.WARNING);

        transactions.executeWithoutResult(status -> inserts.insert(written));

        assertThat(written.isNew()).isFalse();
        Ticket read = tickets.findById(written.getId()).orElseThrow();
        assertThat(read).usingRecursiveComparison().isEqualTo(written);
    }
}
