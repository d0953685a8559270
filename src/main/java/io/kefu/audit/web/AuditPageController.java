package io.kefu.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.kefu.audit.AuditEntry;
import io.kefu.audit.AuditLog;
import io.kefu.audit.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log screen: filters at the top, results below, refreshed in place by htmx as filters change. */
@Controller
class AuditPageController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 50;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasAuthority('AUDIT_READ')")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long beforeId,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<AuditEntry> entries = audit.search(new AuditQuery(actor, action, targetType, targetId,
                from == null ? null : from.atStartOfDay(ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant(), beforeId, PAGE));
        model.addAttribute("entries", entries);
        model.addAttribute("zone", ZONE);
        model.addAttribute("nextBeforeId", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        return htmx != null ? "audit/list :: results" : "audit/list";
    }
}
