package io.kefu.phone.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.kefu.phone.internal.CallDirection;
import io.kefu.phone.internal.CallDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A call logged by hand: the agent types what the telephone showed her. Times are in the queue's time zone. */
public class CallForm {

    private CallDirection direction = CallDirection.INBOUND;
    @NotBlank
    @Size(max = 40)
    private String callerNumber;
    @Size(max = 100)
    private String queueName;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startedAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime answeredAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endedAt;
    @Size(max = 1000)
    private String recordingUrl;
    @Size(max = 4000)
    private String notes;
    private Long ticketId;

    CallDraft draft(long agentId, ZoneId zone) {
        return new CallDraft(null, direction, callerNumber, null, agentId, queueName, at(startedAt, zone),
                at(answeredAt, zone), at(endedAt, zone), null, null, recordingUrl, notes, ticketId);
    }

    private static Instant at(LocalDateTime time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).toInstant();
    }

    public CallDirection getDirection() {
        return direction;
    }

    public void setDirection(CallDirection direction) {
        this.direction = direction;
    }

    public String getCallerNumber() {
        return callerNumber;
    }

    public void setCallerNumber(String callerNumber) {
        this.callerNumber = callerNumber;
    }

    public String getQueueName() {
        return queueName;
    }

    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(LocalDateTime startedAt) {
        this.startedAt = startedAt;
    }

    public LocalDateTime getAnsweredAt() {
        return answeredAt;
    }

    public void setAnsweredAt(LocalDateTime answeredAt) {
        this.answeredAt = answeredAt;
    }

    public LocalDateTime getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(LocalDateTime endedAt) {
        this.endedAt = endedAt;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public void setRecordingUrl(String recordingUrl) {
        this.recordingUrl = recordingUrl;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public void setTicketId(Long ticketId) {
        this.ticketId = ticketId;
    }
}
