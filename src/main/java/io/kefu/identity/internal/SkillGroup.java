package io.kefu.identity.internal;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

/** Agents who can take the same kind of work, e.g. 宽带故障组; work is dispatched to a group. */
@Entity
public class SkillGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToMany
    @JoinTable(name = "skill_group_member", joinColumns = @JoinColumn(name = "skill_group_id"),
            inverseJoinColumns = @JoinColumn(name = "staff_id"))
    private Set<Staff> members = new HashSet<>();

    protected SkillGroup() {
    }

    public SkillGroup(String name, String description, Department department) {
        this.name = name;
        this.description = description;
        this.department = department;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Department getDepartment() {
        return department;
    }

    public Long getDepartmentId() {
        return department == null ? null : department.getId();
    }

    public Set<Staff> getMembers() {
        return Set.copyOf(members);
    }

    void update(String newName, String newDescription, Department newDepartment, Set<Staff> newMembers) {
        this.name = newName;
        this.description = newDescription;
        this.department = newDepartment;
        members.clear();
        members.addAll(newMembers);
    }
}
