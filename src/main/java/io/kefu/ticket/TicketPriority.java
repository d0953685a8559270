package io.kefu.ticket;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
