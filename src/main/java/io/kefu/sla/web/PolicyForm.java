package io.kefu.sla.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.sla.internal.PolicyDraft;
import io.kefu.sla.internal.PolicyRecord;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The policy form: ticket types, priorities and channels ticked, customer tiers typed comma-separated. */
public class PolicyForm {

    @NotBlank
    @Size(max = 100)
    private String name;
    private boolean active = true;
    @NotNull
    private Integer rank = 100;
    private List<String> ticketTypes = new ArrayList<>();
    private List<String> priorities = new ArrayList<>();
    private String customerTiers;
    private List<String> channels = new ArrayList<>();
    @NotNull
    @Positive
    private Integer firstResponseMinutes;
    @NotNull
    @Positive
    private Integer resolutionMinutes;
    @NotNull
    @Min(1)
    @Max(99)
    private Integer warnPercent = 80;
    private Long calendarId;

    static PolicyForm of(PolicyRecord p) {
        PolicyForm form = new PolicyForm();
        form.name = p.name();
        form.active = p.active();
        form.rank = p.rank();
        form.ticketTypes = new ArrayList<>(p.ticketTypes());
        form.priorities = new ArrayList<>(p.priorities());
        form.customerTiers = String.join(", ", p.customerTiers());
        form.channels = new ArrayList<>(p.channels());
        form.firstResponseMinutes = p.firstResponseMinutes();
        form.resolutionMinutes = p.resolutionMinutes();
        form.warnPercent = p.warnPercent();
        form.calendarId = p.calendarId();
        return form;
    }

    PolicyDraft draft() {
        return new PolicyDraft(name, active, rank, ticked(ticketTypes), ticked(priorities), split(customerTiers),
                ticked(channels), firstResponseMinutes, resolutionMinutes, warnPercent, calendarId);
    }

    private static Set<String> ticked(List<String> boxes) {
        return boxes == null ? Set.of() : new HashSet<>(boxes);
    }

    private static Set<String> split(String text) {
        return text == null ? Set.of() : Arrays.stream(text.split("[,，、\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getRank() {
        return rank;
    }

    public void setRank(Integer rank) {
        this.rank = rank;
    }

    public List<String> getTicketTypes() {
        return ticketTypes;
    }

    public void setTicketTypes(List<String> ticketTypes) {
        this.ticketTypes = ticketTypes;
    }

    public List<String> getPriorities() {
        return priorities;
    }

    public void setPriorities(List<String> priorities) {
        this.priorities = priorities;
    }

    public String getCustomerTiers() {
        return customerTiers;
    }

    public void setCustomerTiers(String customerTiers) {
        this.customerTiers = customerTiers;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public Integer getFirstResponseMinutes() {
        return firstResponseMinutes;
    }

    public void setFirstResponseMinutes(Integer firstResponseMinutes) {
        this.firstResponseMinutes = firstResponseMinutes;
    }

    public Integer getResolutionMinutes() {
        return resolutionMinutes;
    }

    public void setResolutionMinutes(Integer resolutionMinutes) {
        this.resolutionMinutes = resolutionMinutes;
    }

    public Integer getWarnPercent() {
        return warnPercent;
    }

    public void setWarnPercent(Integer warnPercent) {
        this.warnPercent = warnPercent;
    }

    public Long getCalendarId() {
        return calendarId;
    }

    public void setCalendarId(Long calendarId) {
        this.calendarId = calendarId;
    }
}
