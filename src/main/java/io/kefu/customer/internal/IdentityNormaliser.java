package io.kefu.customer.internal;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.http.HttpStatus;

/**
 * Brings identities to one form so that the same customer is recognised however she wrote them: phones to E.164
 * (a Chinese number without country code is taken as Chinese), emails and ids trimmed, emails lower-cased. Also
 * masks personal data for display: 138****5678, z***@example.com.
 */
public final class IdentityNormaliser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private IdentityNormaliser() {
    }

    /** @throws DomainException (400, on the field named after the kind) when the value cannot be an identity */
    public static CustomerIdentity normalise(IdentityKind kind, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.length() > 200) {
            throw invalid(kind, raw);
        }
        return new CustomerIdentity(kind, switch (kind) {
            case PHONE -> phone(value, raw);
            case EMAIL -> email(value, raw);
            case ID_NUMBER -> value.toUpperCase(Locale.ROOT);
            default -> value;
        });
    }

    private static String phone(String value, String raw) {
        String mobile = chineseMobile(value);
        if (mobile != null) {
            return mobile;
        }
        try {
            PhoneNumber number = PHONES.parse(value, "CN");
            if (!PHONES.isPossibleNumber(number)) {
                throw invalid(IdentityKind.PHONE, raw);
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid(IdentityKind.PHONE, raw);
        }
    }

    /**
     * The E.164 form of a mainland mobile number written plainly (11 digits starting 13–19, optionally after +86 or
     * 86, with spaces or dashes), or null for anything else. Most numbers are such, and libphonenumber's general
     * parser, which gives the same answer for them, costs far more.
     */
    static String chineseMobile(String value) {
        StringBuilder digits = new StringBuilder(13);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == ' ' || c == '-' || (c == '+' && i == 0))) {
                return null;
            }
        }
        boolean international = value.charAt(0) == '+';
        if (digits.length() == 13 && digits.charAt(0) == '8' && digits.charAt(1) == '6') {
            digits.delete(0, 2);
        } else if (international) {
            return null;
        }
        boolean mobile = digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3';
        return mobile ? "+86" + digits : null;
    }

    private static String email(String value, String raw) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!isEmail(lower)) {
            throw invalid(IdentityKind.EMAIL, raw);
        }
        return lower;
    }

    /**
     * Whether the value is name@domain.tld as {@code ^[^@\s]+@[^@\s]+\.[^@\s]+$} means it: one @ after
     * something, a dot between two parts of what follows, no ASCII white space. Checked by hand, since every row of
     * an import has emails to check and the expression costs several times more.
     */
    static boolean isEmail(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || value.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Text.isRegexSpace(value.charAt(i))) {
                return false;
            }
        }
        int dot = value.indexOf('.', at + 2);
        return dot >= 0 && dot < value.length() - 1;
    }

    /** How a phone is shown: Chinese numbers without +86, others in international form. */
    public static String displayPhone(String e164) {
        return e164.startsWith("+86") ? e164.substring(3) : e164;
    }

    /** Personal data with its middle hidden; other identities as they are. */
    public static String mask(CustomerIdentity identity) {
        String value = identity.kind() == IdentityKind.PHONE ? displayPhone(identity.value()) : identity.value();
        if (!identity.kind().isPersonalData()) {
            return value;
        }
        if (identity.kind() == IdentityKind.EMAIL) {
            int at = value.indexOf('@');
            return value.charAt(0) + "***" + value.substring(at);
        }
        int length = value.length();
        int keepStart = length >= 11 ? 3 : length >= 7 ? 2 : 1;
        int keepEnd = length >= 11 ? 4 : length >= 7 ? 2 : Math.min(1, length - 1);
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }

    private static DomainException invalid(IdentityKind kind, String raw) {
        return DomainException.onField(HttpStatus.BAD_REQUEST, fieldOf(kind), "customer.invalidIdentity." + kind,
                raw == null ? "" : raw);
    }

    /** The JSON field that carries this kind of identity. */
    public static String fieldOf(IdentityKind kind) {
        return switch (kind) {
            case PHONE -> "phones";
            case EMAIL -> "emails";
            case WECHAT_OPENID -> "wechatOpenId";
            case WECHAT_UNIONID -> "wechatUnionId";
            case APP_USER_ID -> "appUserId";
            case MEMBER_NO -> "memberNo";
            case ID_NUMBER -> "idNumber";
        };
    }
}
