package io.kefu.phone.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.phone.internal.CallDirection;
import io.kefu.phone.internal.CallLog;
import io.kefu.phone.internal.CallQuery;
import io.kefu.phone.internal.CallRecord;
import io.kefu.phone.internal.PhoneProperties;
import io.kefu.phone.internal.PhoneQueueFigures;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.platform.web.PageProblem;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The phone line's screens: the day's calls, logging a call by hand, one call, and the queue hour by hour. */
@Controller
@RequestMapping("/calls")
class CallPageController {

    private final CallLog calls;
    private final PhoneQueueFigures queue;
    private final PhoneProperties properties;
    private final CustomerDirectory customers;
    private final StaffDirectory staff;

    CallPageController(CallLog calls, PhoneQueueFigures queue, PhoneProperties properties,
                       CustomerDirectory customers, StaffDirectory staff) {
        this.calls = calls;
        this.queue = queue;
        this.properties = properties;
        this.customers = customers;
        this.staff = staff;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CALL_READ')")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) Boolean abandoned, Model model) {
        LocalDate day = date == null ? LocalDate.now(properties.zone()) : date;
        ZonedDateTime start = day.atStartOfDay(properties.zone());
        List<CallRecord> page = calls.search(new CallQuery(start.toInstant(), start.plusDays(1).toInstant(), null,
                null, abandoned, null, 500));
        model.addAttribute("calls", page);
        model.addAttribute("customers", customers.summaries(page.stream().map(CallRecord::customerId)
                .filter(id -> id != null).toList()));
        model.addAttribute("date", day);
        model.addAttribute("abandoned", abandoned);
        return "phone/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('CALL_WRITE')")
    String form(Model model) {
        CallForm form = new CallForm();
        form.setStartedAt(LocalDateTime.now(properties.zone()).withSecond(0).withNano(0));
        return formPage(form, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CALL_WRITE')")
    String log(@Valid @ModelAttribute("call") CallForm form, BindingResult binding,
               @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (binding.hasErrors()) {
            return formPage(form, model);
        }
        try {
            return "redirect:/calls/" + calls.log(form.draft(me.id(), properties.zone()), me.id()).call().id();
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return formPage(form, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CALL_READ')")
    String show(@PathVariable long id, Model model) {
        return detail(calls.get(id), false, model);
    }

    /** The same page with the caller's number in full; the reveal is audited. */
    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('CALL_READ') and hasAuthority('CUSTOMER_REVEAL')")
    String reveal(@PathVariable long id, Model model) {
        return detail(calls.reveal(id), true, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('CALL_WRITE')")
    String update(@PathVariable long id, @RequestParam(required = false) Long customerId,
                  @RequestParam(required = false) Long ticketId, @RequestParam(required = false) String notes,
                  RedirectAttributes redirect) {
        try {
            calls.update(id, customerId, ticketId, notes == null ? "" : notes);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/calls/" + id;
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAuthority('CALL_READ')")
    String queue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 Model model) {
        LocalDate day = date == null ? LocalDate.now(properties.zone()) : date;
        model.addAttribute("figures", queue.of(day));
        model.addAttribute("date", day);
        return "phone/queue";
    }

    private String detail(CallRecord call, boolean revealed, Model model) {
        model.addAttribute("call", call);
        model.addAttribute("revealed", revealed);
        model.addAttribute("customer", call.customerId() == null ? null
                : customers.summary(call.customerId()).orElse(null));
        model.addAttribute("agent", call.agentId() == null ? null : staff.find(call.agentId()).orElse(null));
        return "phone/detail";
    }

    private String formPage(CallForm form, Model model) {
        model.addAttribute("call", form);
        model.addAttribute("directions", CallDirection.values());
        return "phone/form";
    }
}
