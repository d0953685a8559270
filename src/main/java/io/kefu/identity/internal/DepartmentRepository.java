package io.kefu.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, Long> {

    List<Department> findAllByOrderBySortOrderAscIdAsc();

    boolean existsByParentId(Long parentId);
}
