package io.kefu.identity.internal;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What an admin or supervisor sets on a skill group. */
public record SkillGroupDraft(String name, String description, Long departmentId, Set<Long> memberIds) {

    public SkillGroupDraft {
        memberIds = memberIds == null ? Set.of()
                : memberIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
