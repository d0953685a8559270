package io.kefu.sla.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.sla.PolicyChoices;
import io.kefu.sla.internal.CalendarRecord;
import io.kefu.sla.internal.CalendarService;
import io.kefu.sla.internal.PolicyService;
import io.kefu.platform.web.PageProblem;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** SLA policies and business calendars: lists and one form each to create or edit. */
@Controller
@RequestMapping("/admin/sla")
class SlaPageController {

    private static final String POLICIES = "redirect:/admin/sla/policies";
    private static final String CALENDARS = "redirect:/admin/sla/calendars";

    private final PolicyService policies;
    private final CalendarService calendars;
    private final PolicyChoices choices;

    SlaPageController(PolicyService policies, CalendarService calendars, PolicyChoices choices) {
        this.policies = policies;
        this.calendars = calendars;
        this.choices = choices;
    }

    @GetMapping("/policies")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String policies(Model model) {
        model.addAttribute("policies", policies.all());
        model.addAttribute("calendarNames", calendars.all().stream()
                .collect(Collectors.toMap(CalendarRecord::id, CalendarRecord::name)));
        model.addAttribute("typeLabels", labels(choices.ticketTypes(LocaleContextHolder.getLocale())));
        model.addAttribute("channelLabels", labels(choices.channels(LocaleContextHolder.getLocale())));
        return "sla/policies";
    }

    @GetMapping("/policies/new")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String newPolicy(Model model) {
        PolicyForm form = new PolicyForm();
        form.setCalendarId(calendars.defaultId());
        return policyForm(form, null, model);
    }

    @PostMapping("/policies")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String createPolicy(@Valid @ModelAttribute("form") PolicyForm form, BindingResult binding, Model model,
                        RedirectAttributes redirect) {
        return save(binding, redirect, POLICIES, () -> policies.create(form.draft()),
                () -> policyForm(form, null, model));
    }

    @GetMapping("/policies/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String editPolicy(@PathVariable long id, Model model) {
        return policyForm(PolicyForm.of(policies.get(id)), id, model);
    }

    @PostMapping("/policies/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String updatePolicy(@PathVariable long id, @Valid @ModelAttribute("form") PolicyForm form, BindingResult binding,
                        Model model, RedirectAttributes redirect) {
        return save(binding, redirect, POLICIES, () -> policies.update(id, form.draft()),
                () -> policyForm(form, id, model));
    }

    @PostMapping("/policies/{id}/delete")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String deletePolicy(@PathVariable long id, RedirectAttributes redirect) {
        policies.delete(id);
        redirect.addFlashAttribute("saved", true);
        return POLICIES;
    }

    @GetMapping("/calendars")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String calendars(Model model) {
        model.addAttribute("calendars", calendars.all());
        return "sla/calendars";
    }

    @GetMapping("/calendars/new")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String newCalendar(Model model) {
        return calendarForm(CalendarForm.blank(), null, model);
    }

    @PostMapping("/calendars")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String createCalendar(@Valid @ModelAttribute("form") CalendarForm form, BindingResult binding, Model model,
                          RedirectAttributes redirect) {
        return save(binding, redirect, CALENDARS, () -> calendars.create(form.draft()),
                () -> calendarForm(form, null, model));
    }

    @GetMapping("/calendars/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String editCalendar(@PathVariable long id, Model model) {
        return calendarForm(CalendarForm.of(calendars.get(id)), id, model);
    }

    @PostMapping("/calendars/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String updateCalendar(@PathVariable long id, @Valid @ModelAttribute("form") CalendarForm form,
                          BindingResult binding, Model model, RedirectAttributes redirect) {
        return save(binding, redirect, CALENDARS, () -> calendars.update(id, form.draft()),
                () -> calendarForm(form, id, model));
    }

    @PostMapping("/calendars/{id}/delete")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    String deleteCalendar(@PathVariable long id, RedirectAttributes redirect) {
        try {
            calendars.delete(id);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            // In use: said above the list rather than on an error page.
            PageProblem.flash(redirect, e);
        }
        return CALENDARS;
    }

    /** Saves unless the form has errors; a refusal goes back on the form under its field. */
    private static String save(BindingResult binding, RedirectAttributes redirect, String done, Runnable change,
                               Supplier<String> showForm) {
        if (!binding.hasErrors()) {
            try {
                change.run();
                redirect.addFlashAttribute("saved", true);
                return done;
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return showForm.get();
    }

    private String policyForm(PolicyForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("policyId", id);
        model.addAttribute("calendars", calendars.all());
        model.addAttribute("priorities", PolicyService.PRIORITIES);
        model.addAttribute("typeChoices", withHeld(choices.ticketTypes(LocaleContextHolder.getLocale()),
                form.getTicketTypes()));
        model.addAttribute("channelChoices", withHeld(choices.channels(LocaleContextHolder.getLocale()),
                form.getChannels()));
        return "sla/policy-form";
    }

    private static Map<String, String> labels(List<PolicyChoices.Choice> choices) {
        return choices.stream().collect(Collectors.toMap(PolicyChoices.Choice::code, PolicyChoices.Choice::label));
    }

    /** The choices, and any code the policy holds that is not among them (set through the API), kept on saving. */
    private static List<PolicyChoices.Choice> withHeld(List<PolicyChoices.Choice> choices, List<String> held) {
        Set<String> known = choices.stream().map(PolicyChoices.Choice::code).collect(Collectors.toSet());
        return Stream.concat(choices.stream(), held == null ? Stream.empty() : held.stream()
                .filter(code -> !known.contains(code)).map(code -> new PolicyChoices.Choice(code, code))).toList();
    }

    private String calendarForm(CalendarForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("calendarId", id);
        return "sla/calendar-form";
    }
}
