package io.kefu.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StaffRepository extends JpaRepository<Staff, Long> {

    Optional<Staff> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByDepartment_Id(Long departmentId);

    @Query("""
            select s from Staff s left join s.department d
            where (:q = '' or lower(s.username) like concat('%', lower(:q), '%')
                           or lower(s.displayName) like concat('%', lower(:q), '%'))
              and (:departmentId is null or d.id = :departmentId)
            order by s.id""")
    List<Staff> search(@Param("q") String q, @Param("departmentId") Long departmentId, Pageable page);

    @Query("select count(s) from Staff s join s.roles r where r.id = :roleId")
    long countWithRole(@Param("roleId") Long roleId);

    @Query("select count(s) from Staff s join s.roles r where r.code = 'ADMINISTRATOR' and s.enabled = true")
    long countEnabledAdministrators();
}
