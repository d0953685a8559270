package io.kefu.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
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

    /**
     * Adds a failed sign-in, starting again from one when an earlier lock has run out, and locks the account at
     * the limit; returns how many staff matched (0 for an unknown username).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            UPDATE staff SET
                failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                                     ELSE failed_logins + 1 END,
                locked_until = CASE
                    WHEN locked_until IS NOT NULL AND locked_until > now() THEN locked_until
                    WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                               ELSE failed_logins + 1 END) >= :limit THEN :lockUntil
                    ELSE NULL END
            WHERE lower(username) = lower(:username)""", nativeQuery = true)
    int countFailedLogin(@Param("username") String username, @Param("limit") int limit,
                         @Param("lockUntil") Instant lockUntil);

    /** Locked by this very failure: the lock was set now, with the count exactly at the limit. */
    @Query(value = "SELECT count(*) > 0 FROM staff WHERE lower(username) = lower(:username)"
            + " AND failed_logins = :limit AND locked_until > now()", nativeQuery = true)
    boolean isLockedNow(@Param("username") String username, @Param("limit") int limit);

    @Query("select s.username from Staff s join s.roles r where r.id = :roleId")
    List<String> usernamesWithRole(@Param("roleId") Long roleId);

    @Query("select count(s) from Staff s join s.roles r where r.id = :roleId")
    long countWithRole(@Param("roleId") Long roleId);

    @Query("select count(s) from Staff s join s.roles r where r.code = 'ADMINISTRATOR' and s.enabled = true")
    long countEnabledAdministrators();
}
