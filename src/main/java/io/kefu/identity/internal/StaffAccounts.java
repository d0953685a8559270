package io.kefu.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks up staff for form sign-in. */
@Component
class StaffAccounts implements UserDetailsService {

    private final StaffRepository staff;

    StaffAccounts(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return staff.findByUsernameIgnoreCase(username.trim())
                .map(StaffPrincipals::of)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
