package io.kefu.customer.internal;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.kefu.KefuTest;
import io.kefu.customer.IdentityKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's warm-up at start reads generated customers through the import's code and writes nothing. */
@KefuTest
class ImportWarmUpTest {

    private static final int ROWS = 5000;

    @Autowired
    ImportWarmUp warmUp;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyGeneratedRowIsReadAsACustomerAndNoneIsWritten() {
        long imports = count("SELECT count(*) FROM customer_import");

        ImportWarmUp.Rehearsal done = warmUp.rehearse(ROWS);

        assertThat(done.rejected()).as("the sample is what an import accepts").isZero();
        assertThat(done.customers() + done.duplicates()).isEqualTo(ROWS);
        assertThat(done.customers()).isGreaterThan(ROWS * 9 / 10);
        assertThat(done.bytes()).as("each row put in COPY's form").isGreaterThan(100L * ROWS);
        assertThat(count("SELECT count(*) FROM customer_identity WHERE kind = 'PHONE' AND value = ANY (?)",
                (Object) samplePhones())).as("none of the sample's customers is stored").isZero();
        assertThat(count("SELECT count(*) FROM customer_timeline WHERE actor_name = 'warm-up'")).isZero();
        assertThat(count("SELECT count(*) FROM customer_import")).isEqualTo(imports);
    }

    /** A sample row's phone depends on its number only. */
    private static String[] samplePhones() {
        SplittableRandom random = new SplittableRandom();
        return IntStream.range(0, ROWS).mapToObj(i -> SampleCustomers.row(i, random).split(",")[2])
                .map(phone -> IdentityNormaliser.normalise(IdentityKind.PHONE, phone).value()).toArray(String[]::new);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
