package io.kefu.ticket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.internal.TicketDraft;
import io.kefu.ticket.internal.TicketIntake;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The new-ticket form: the customer by number or by phone/email (found or created), and the ticket itself. */
public class TicketForm {

    private Long customerId;
    @Size(max = 100)
    private String customerName;
    @Size(max = 40)
    private String phone;
    @Size(max = 200)
    private String email;
    @NotBlank
    private String type = "CONSULTATION";
    private TicketPriority priority = TicketPriority.NORMAL;
    private TicketChannel channel = TicketChannel.PHONE;
    private Long categoryId;
    @NotBlank
    @Size(max = 200)
    private String subject;
    @NotBlank
    @Size(max = 20000)
    private String description;
    private boolean assignToMe = true;

    TicketIntake.CustomerRef customerRef() {
        if (customerId != null) {
            return new TicketIntake.CustomerRef(customerId, null, List.of());
        }
        List<CustomerIdentity> identities = new ArrayList<>();
        if (phone != null && !phone.isBlank()) {
            identities.add(new CustomerIdentity(IdentityKind.PHONE, phone));
        }
        if (email != null && !email.isBlank()) {
            identities.add(new CustomerIdentity(IdentityKind.EMAIL, email));
        }
        return new TicketIntake.CustomerRef(null, customerName, identities);
    }

    TicketDraft draft(long me) {
        return new TicketDraft(0, type, priority, channel, categoryId, subject, description, Map.of(),
                assignToMe ? me : null);
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public TicketPriority getPriority() {
        return priority;
    }

    public void setPriority(TicketPriority priority) {
        this.priority = priority;
    }

    public TicketChannel getChannel() {
        return channel;
    }

    public void setChannel(TicketChannel channel) {
        this.channel = channel;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isAssignToMe() {
        return assignToMe;
    }

    public void setAssignToMe(boolean assignToMe) {
        this.assignToMe = assignToMe;
    }
}
