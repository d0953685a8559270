package io.kefu.ticket.internal;

/** Orders of the ticket list; each ends with the id so pages never overlap. */
public enum TicketSort {
    NEWEST("t.id DESC"),
    OLDEST("t.id ASC"),
    DUE("t.next_due_at ASC NULLS LAST, t.id ASC"),
    PRIORITY("CASE t.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END, t.id DESC");

    private final String orderBy;

    TicketSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
