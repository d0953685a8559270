package io.kefu.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @EntityGraph(attributePaths = "staff")
    List<ApiToken> findAllByOrderByIdDesc();
}
