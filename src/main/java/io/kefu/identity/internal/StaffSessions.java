package io.kefu.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every open session of a staff member. Her permissions are read when she signs in, so after she is
 * disabled, given other roles or a new password, she must sign in again before she can do anything more.
 */
@Component
class StaffSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void signOutEverywhere(String username) {
        signOutEverywhereBut(username, null);
    }

    /** Ends her sessions except the one she is using now. */
    void signOutEverywhereBut(String username, String keepSessionId) {
        sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }
}
