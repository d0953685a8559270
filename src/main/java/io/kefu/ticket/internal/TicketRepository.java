package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketState;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findFirstByCustomerIdAndChannelAndStateInOrderByIdDesc(long customerId, TicketChannel channel,
                                                                          Collection<TicketState> states);

    List<Ticket> findByCustomerIdOrderByIdDesc(long customerId, Pageable page);

    /** Changes are made under a row lock, so the version a caller read is compared with the one she would overwrite. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT t FROM Ticket t WHERE t.id = :id")
    Optional<Ticket> findForUpdate(long id);

    @Modifying
    @Query("UPDATE Ticket t SET t.customerId = :survivorId WHERE t.customerId = :sourceId")
    int moveToCustomer(long sourceId, long survivorId);

    /** The ticket's copy of its SLA standing; not a change of the ticket, so its version stays. */
    @Modifying
    @Query("UPDATE Ticket t SET t.nextDueAt = :nextDueAt, t.slaFlag = :flag WHERE t.id = :id")
    int updateSla(long id, Instant nextDueAt, SlaFlag flag);
}
