package io.kefu.customer.internal;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.kefu.customer.IdentityKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path for plain mainland mobile numbers agrees with libphonenumber, and leaves the rest to it. */
class IdentityNormaliserTest {

    @Test
    void plainMobileNumbersNormaliseAsLibphonenumberWould() {
        for (String written : List.of("13812345678", "+8613812345678", "8613812345678", "138 1234 5678",
                "138-1234-5678", "+86 138 1234 5678", "19912345678")) {
            assertThat(IdentityNormaliser.chineseMobile(written)).as(written).isNotNull();
            assertThat(IdentityNormaliser.normalise(IdentityKind.PHONE, written).value())
                    .isEqualTo(viaLibphonenumber(written));
        }
    }

    @Test
    void everythingElseGoesToLibphonenumber() {
        for (String written : List.of("010-12345678", "+1 650 253 0000", "(0571) 8888 6666", "12345678901",
                "+44 20 7946 0958", "400-800-8888")) {
            assertThat(IdentityNormaliser.chineseMobile(written)).as(written).isNull();
        }
        assertThat(IdentityNormaliser.normalise(IdentityKind.PHONE, "010-12345678").value()).isEqualTo("+861012345678");
    }

    private static String viaLibphonenumber(String written) {
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            return util.format(util.parse(written, "CN"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new AssertionError(e);
        }
    }
}
