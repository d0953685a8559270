package io.kefu.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kefu.audit.AuditLog;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.Locales;
import io.kefu.portal.PortalCustomer;
import io.kefu.portal.PortalInvitations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' portal accounts: sign-up, sign-in by password or by emailed link, invitations and password resets.
 * Nothing here tells a visitor whether an email has an account: sign-up, links and resets answer alike either way,
 * and what differs goes only to the mailbox of that email.
 */
@Service
@Transactional
public class PortalAccountService implements PortalInvitations {

    private static final StaffPrincipal PORTAL = StaffPrincipal.system("portal");

    private final AccountStore accounts;
    private final OneTimeTokens tokens;
    private final CustomerPasswords passwords;
    private final RequestLimits limits;
    private final PortalMail mail;
    private final CustomerDirectory customers;
    private final AuditLog audit;
    private final PortalProperties properties;
    private final Clock clock;

    PortalAccountService(AccountStore accounts, OneTimeTokens tokens, CustomerPasswords passwords,
                         RequestLimits limits, PortalMail mail, CustomerDirectory customers, AuditLog audit,
                         PortalProperties properties, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.limits = limits;
        this.mail = mail;
        this.customers = customers;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new account waits for its email to be verified; the password chosen here travels with the verification
     * link and becomes the account's only when that link is followed. An address that has an account already gets
     * a sign-in link instead.
     */
    public void signUp(String name, String email, String password, Locale locale, String clientAddress) {
        String validName = ContactInput.name(name);
        String validEmail = ContactInput.email(email);
        String hash = passwords.hash(password);
        limits.count(clientAddress, validEmail);
        Account account = accounts.findOrCreate(validEmail, validName, locale);
        if (account.verified()) {
            sendLink(account, "alreadyRegistered", TokenPurpose.SIGN_IN_LINK, null);
        } else {
            sendLink(account, "verify", TokenPurpose.VERIFY, hash);
        }
    }

    /**
     * Signs in with a password. Each failure counts towards a lockout, and is kept although the sign-in is refused.
     *
     * @throws DomainException 401 {@code portal.signIn.failed} whatever was wrong, or {@code portal.signIn.locked}
     */
    @Transactional(noRollbackFor = DomainException.class)
    public PortalCustomer signIn(String email, String password) {
        Optional<Account> found = accounts.byEmail(email).flatMap(a -> accounts.byIdForUpdate(a.id()));
        if (found.isEmpty()) {
            passwords.matches(password, null);
            throw new DomainException(HttpStatus.UNAUTHORIZED, "portal.signIn.failed");
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "portal.signIn.locked",
                    properties.lockout().toMinutes());
        }
        if (!account.verified() || !passwords.matches(password, account.passwordHash())) {
            int failures = account.failedSignIns() + 1;
            boolean lock = failures >= properties.maxFailedSignIns();
            accounts.failedSignIn(account.id(), lock ? 0 : failures, lock ? now.plus(properties.lockout()) : null);
            throw new DomainException(HttpStatus.UNAUTHORIZED, lock ? "portal.signIn.locked" : "portal.signIn.failed",
                    properties.lockout().toMinutes());
        }
        accounts.signedIn(account.id(), now);
        return principalOf(account);
    }

    /** Emails a one-time sign-in link (or, to an unverified address, a verification link) if the email has an account. */
    public void emailSignInLink(String email, String clientAddress) {
        String validEmail = ContactInput.email(email);
        limits.count(clientAddress, validEmail);
        accounts.byEmail(validEmail).ifPresent(account -> {
            if (account.verified()) {
                sendLink(account, "signInLink", TokenPurpose.SIGN_IN_LINK, null);
            } else {
                sendLink(account, "verify", TokenPurpose.VERIFY, null);
            }
        });
    }

    /** Emails a link to choose a new password if the email has an account. */
    public void emailPasswordReset(String email, String clientAddress) {
        String validEmail = ContactInput.email(email);
        limits.count(clientAddress, validEmail);
        accounts.byEmail(validEmail).ifPresent(account -> sendLink(account, "reset", TokenPurpose.RESET, null));
    }

    @Override
    public void invite(long customerId, String email, StaffPrincipal by) {
        CustomerDirectory.CustomerSummary customer = customers.summary(customerId)
                .orElseThrow(() -> DomainException.notFound("customer", customerId));
        String validEmail = ContactInput.email(email);
        if (!customers.findByIdentity(IdentityKind.EMAIL, validEmail).equals(Optional.of(customer.id()))) {
            throw DomainException.onField(HttpStatus.UNPROCESSABLE_ENTITY, "email", "portal.invite.notHers");
        }
        Account account = accounts.findOrCreate(validEmail, customer.name(), Locales.DEFAULT);
        sendLink(account, "invite", TokenPurpose.INVITE, null);
        audit.record("portal.invite", "customer", customer.id(), "account " + account.id());
    }

    /** What a link from an email is for, while it is valid. */
    @Transactional(readOnly = true)
    public Optional<TokenPurpose> purposeOf(String secret) {
        return tokens.peek(secret).map(OneTimeTokens.Token::purpose);
    }

    /**
     * Follows a link from an email, once: it proves she reads that mailbox, so her email is verified (and her
     * customer found or created by it); an invitation or reset link also sets the password she chose. She is then
     * signed in.
     *
     * @param password the new password, for invitation and reset links; ignored otherwise
     * @throws DomainException 410 {@code portal.link.invalid} for a used, expired or unknown link
     */
    public PortalCustomer redeem(String secret, String password) {
        TokenPurpose purpose = purposeOf(secret).orElseThrow(PortalAccountService::invalidLink);
        String newHash = purpose.choosesPassword() ? passwords.hash(password) : null;
        OneTimeTokens.Token token = tokens.redeem(secret).orElseThrow(PortalAccountService::invalidLink);
        Account account = accounts.byIdForUpdate(token.accountId()).orElseThrow(PortalAccountService::invalidLink);
        String chosen = newHash != null ? newHash : token.pendingPasswordHash();
        if (chosen != null) {
            accounts.setPassword(account.id(), chosen);
            tokens.voidUnused(account.id(), TokenPurpose.RESET);
            tokens.voidUnused(account.id(), TokenPurpose.INVITE);
        }
        if (!account.verified()) {
            long customerId = customers.resolveOrCreate(account.name(),
                    List.of(new CustomerIdentity(IdentityKind.EMAIL, account.email())), PORTAL).id();
            accounts.verify(account.id(), customerId);
            // Sign-ups someone else may have started with this address can no longer set its password.
            tokens.voidUnused(account.id(), TokenPurpose.VERIFY);
        }
        accounts.signedIn(account.id(), clock.instant());
        return principalOf(account);
    }

    /** The customer a signed-in portal user is, now (after a merge, the survivor). */
    @Transactional(readOnly = true)
    public long customerOf(PortalCustomer me) {
        return accounts.byId(me.accountId()).filter(Account::verified).map(Account::customerId)
                .orElseThrow(() -> new DomainException(HttpStatus.UNAUTHORIZED, "portal.signIn.failed"));
    }

    /**
     * The web form's sender gave her email: an account is kept for it (unverified until she follows a link) and the
     * confirmation of her ticket carries a link that verifies it and signs her in.
     */
    void confirmFormTicket(String email, String name, Locale locale, String ticketNumber, String subject) {
        Account account = accounts.findOrCreate(email, name, locale);
        String link = mail.tokenLink(tokens.issue(account.id(), TokenPurpose.VERIFY, null));
        mail.send(email, locale, "formConfirmation", null, name, ticketNumber, subject, link);
    }

    /** Emails the account a link of this purpose; the mail's body names her and carries the link. */
    private void sendLink(Account account, String kind, TokenPurpose purpose, String pendingPasswordHash) {
        mail.send(account.email(), account.locale(), kind, null, account.name(),
                mail.tokenLink(tokens.issue(account.id(), purpose, pendingPasswordHash)));
    }

    private static PortalCustomer principalOf(Account account) {
        return new PortalCustomer(account.id(), account.email(), account.name());
    }

    private static DomainException invalidLink() {
        return new DomainException(HttpStatus.GONE, "portal.link.invalid");
    }
}
