package io.kefu.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
/**
 * Looks up staff for form sign-in. Not a bean of its own: only the sign-in provider uses it (a UserDetailsService
 * bean beside that provider would make Spring Security warn at every start).
 */
class StaffAccounts implements UserDetailsService {

    private final StaffRepository staff;

    StaffAccounts(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return staff.findByUsernameIgnoreCase(username.trim())
                .map(StaffPrincipals::of)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
