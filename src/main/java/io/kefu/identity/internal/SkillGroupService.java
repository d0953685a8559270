package io.kefu.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Skill groups and their members. */
@Service
@Transactional
public class SkillGroupService {

    private final SkillGroupRepository groups;
    private final DepartmentRepository departments;
    private final StaffRepository staff;
    private final AuditLog audit;

    SkillGroupService(SkillGroupRepository groups, DepartmentRepository departments, StaffRepository staff,
                      AuditLog audit) {
        this.groups = groups;
        this.departments = departments;
        this.staff = staff;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<SkillGroup> all() {
        List<SkillGroup> all = groups.findAllByOrderByIdAsc();
        all.forEach(group -> group.getMembers().size());
        return all;
    }

    @Transactional(readOnly = true)
    public SkillGroup get(long id) {
        SkillGroup group = groups.findById(id).orElseThrow(() -> DomainException.notFound("skillGroup", id));
        group.getMembers().size();
        return group;
    }

    public SkillGroup create(SkillGroupDraft draft) {
        SkillGroup group = new SkillGroup(draft.name().trim(), draft.description(), null);
        apply(group, draft);
        audit.record("skillGroup.created", "skillGroup", group.getId(), group.getName());
        return group;
    }

    public SkillGroup update(long id, SkillGroupDraft draft) {
        SkillGroup group = get(id);
        apply(group, draft);
        audit.record("skillGroup.updated", "skillGroup", id, group.getName() + " members=" + draft.memberIds().size());
        return group;
    }

    public void delete(long id) {
        SkillGroup group = get(id);
        groups.delete(group);
        audit.record("skillGroup.deleted", "skillGroup", id, group.getName());
    }

    private void apply(SkillGroup group, SkillGroupDraft draft) {
        var department = draft.departmentId() == null ? null : departments.findById(draft.departmentId())
                .orElseThrow(() -> DomainException.onField(HttpStatus.BAD_REQUEST, "departmentId",
                        "error.notFound.department", draft.departmentId()));
        Set<Staff> members = new HashSet<>();
        for (Long memberId : draft.memberIds()) {
            members.add(staff.findById(memberId).orElseThrow(() -> DomainException.onField(
                    HttpStatus.BAD_REQUEST, "memberIds", "error.notFound.staff", memberId)));
        }
        group.update(draft.name().trim(), Text.blankToNull(draft.description()), department, members);
        try {
            groups.saveAndFlush(group);
        } catch (DataIntegrityViolationException e) {
            throw DomainException.onField(HttpStatus.CONFLICT, "name", "skillGroup.nameTaken", draft.name().trim());
        }
    }
}
