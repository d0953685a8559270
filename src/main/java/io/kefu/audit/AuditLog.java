package io.kefu.audit;

import java.util.List;

import io.kefu.audit.internal.AuditRepository;
import io.kefu.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The public door to the audit log. {@link #record} joins the caller's transaction, so a change and its audit
 * line commit together or not at all. The actor and the address are taken from the current request.
 */
@Service
public class AuditLog {

    static final String SYSTEM = "system";

    private final AuditRepository repository;

    public AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, Object targetId, String details) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long actorId = null;
        String actorName = SYSTEM;
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            actorId = actor.actorId();
            actorName = actor.actorName();
        }
        repository.insert(actorId, actorName, action, targetType, targetId, details, clientAddress());
    }

    /** For events with no signed-in actor, such as a failed sign-in: the actor is who it claimed to be. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordUnauthenticated(String claimedActor, String action, String details) {
        repository.insert(null, claimedActor, action, null, null, details, clientAddress());
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery query) {
        return repository.search(query);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
