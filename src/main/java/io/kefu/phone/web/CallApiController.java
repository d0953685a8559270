package io.kefu.phone.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;
import io.kefu.phone.internal.CallDirection;
import io.kefu.phone.internal.CallDraft;
import io.kefu.phone.internal.CallLog;
import io.kefu.phone.internal.CallQuery;
import io.kefu.phone.internal.CallRecord;
import io.kefu.phone.internal.PhoneQueueFigures;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Call records for the telephone system (pushing calls) and for reports; the phone queue's figures. */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Phone line")
class CallApiController {

    /**
     * A call pushed by the telephone system. {@code externalId} makes pushing it again harmless.
     *
     * @param waitSeconds when left out, computed from the times
     * @param abandoned   when left out, an inbound call nobody answered
     */
    record CallRequest(String externalId, CallDirection direction, String callerNumber, Long customerId,
                       Long agentId, String queueName, Instant startedAt, Instant answeredAt, Instant endedAt,
                       Integer waitSeconds, Boolean abandoned, String recordingUrl, String notes, Long ticketId) {

        CallDraft draft() {
            return new CallDraft(externalId, direction, callerNumber, customerId, agentId, queueName, startedAt,
                    answeredAt, endedAt, waitSeconds, abandoned, recordingUrl, notes, ticketId);
        }
    }

    /** What an agent links or notes after the call; a field left out keeps its value. */
    record CallUpdate(Long customerId, Long ticketId, String notes) {
    }

    private final CallLog calls;
    private final PhoneQueueFigures queue;

    CallApiController(CallLog calls, PhoneQueueFigures queue) {
        this.calls = calls;
        this.queue = queue;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CALL_WRITE')")
    ResponseEntity<CallView> log(@RequestBody CallRequest body, @AuthenticationPrincipal StaffPrincipal me) {
        CallLog.Logged logged = calls.log(body.draft(), me.id());
        return ResponseEntity.status(logged.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(CallView.of(logged.call(), false));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CALL_READ')")
    List<CallView> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                        @RequestParam(required = false) Long customerId,
                        @RequestParam(required = false) Long agentId,
                        @RequestParam(required = false) Boolean abandoned,
                        @RequestParam(required = false) Long cursor, @RequestParam(defaultValue = "50") int limit) {
        return calls.search(new CallQuery(from, to, customerId, agentId, abandoned, cursor,
                        Math.max(1, Math.min(limit, 500))))
                .stream().map(call -> CallView.of(call, false)).toList();
    }

    /** With {@code reveal=true} (permission CUSTOMER_REVEAL) the caller's number in full, and audited. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CALL_READ')")
    CallView get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal,
                 @AuthenticationPrincipal StaffPrincipal me) {
        if (reveal && !me.can(Permission.CUSTOMER_REVEAL)) {
            throw new AccessDeniedException("reveal");
        }
        CallRecord call = reveal ? calls.reveal(id) : calls.get(id);
        return CallView.of(call, reveal);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('CALL_WRITE')")
    CallView update(@PathVariable long id, @RequestBody CallUpdate body) {
        return CallView.of(calls.update(id, body.customerId(), body.ticketId(), body.notes()), false);
    }

    /** The phone queue hour by hour on one day (the zone is {@code kefu.phone.zone}). */
    @GetMapping("/queue")
    @PreAuthorize("hasAuthority('CALL_READ')")
    PhoneQueueFigures.Day queue(@RequestParam LocalDate date) {
        return queue.of(date);
    }
}
