package io.kefu.audit.web;

import java.time.Instant;
import java.util.List;

import io.kefu.audit.AuditEntry;
import io.kefu.audit.AuditLog;
import io.kefu.audit.AuditQuery;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit log")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; pass the smallest {@code id} seen as {@code beforeId} for the next page. */
    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasAuthority('AUDIT_READ')")
    List<AuditEntry> search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String targetType,
                            @RequestParam(required = false) String targetId,
                            @RequestParam(required = false) Instant from,
                            @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) Long beforeId,
                            @RequestParam(defaultValue = "50") int limit) {
        return audit.search(new AuditQuery(actor, action, targetType, targetId, from, to, beforeId, limit));
    }
}
