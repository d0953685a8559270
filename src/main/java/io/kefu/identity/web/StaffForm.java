package io.kefu.identity.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.kefu.identity.internal.Role;
import io.kefu.identity.internal.Staff;
import io.kefu.identity.internal.StaffDraft;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The staff form. A blank password on a new member means: generate one and show it once. */
public class StaffForm {

    @NotBlank
    @Size(max = 50)
    @Pattern(regexp = "[A-Za-z0-9._-]*")
    private String username;
    @NotBlank
    @Size(max = 100)
    private String displayName;
    @Email
    @Size(max = 200)
    private String email;
    @Size(max = 30)
    private String phone;
    private Long departmentId;
    @NotEmpty
    private List<Long> roleIds = new ArrayList<>();
    private boolean enabled = true;
    private String password;

    static StaffForm of(Staff staff) {
        StaffForm form = new StaffForm();
        form.username = staff.getUsername();
        form.displayName = staff.getDisplayName();
        form.email = staff.getEmail();
        form.phone = staff.getPhone();
        form.departmentId = staff.getDepartmentId();
        form.roleIds = new ArrayList<>(staff.getRoles().stream().map(Role::getId).toList());
        form.enabled = staff.isEnabled();
        return form;
    }

    StaffDraft draft() {
        return new StaffDraft(username, displayName, email, phone, departmentId,
                roleIds == null ? null : new HashSet<>(roleIds), enabled);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public List<Long> getRoleIds() {
        return roleIds;
    }

    public void setRoleIds(List<Long> roleIds) {
        this.roleIds = roleIds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
