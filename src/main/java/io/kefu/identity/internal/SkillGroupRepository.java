package io.kefu.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SkillGroupRepository extends JpaRepository<SkillGroup, Long> {

    List<SkillGroup> findAllByOrderByIdAsc();

    boolean existsByDepartment_Id(Long departmentId);
}
