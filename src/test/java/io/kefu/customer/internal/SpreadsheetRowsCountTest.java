package io.kefu.customer.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows counted from a CSV file's bytes, for the progress bar, are the rows the import then reads. */
class SpreadsheetRowsCountTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {
            "姓名,手机\n张三,13800138000\n李四,13900139000\n",
            "姓名,手机\r\n张三,13800138000\r\n李四,13900139000",
            "姓名,手机\n\n张三,13800138000\n\r\n\n李四,13900139000\n\n",
            "姓名,备注\n张三,\"第一行\n第二行\"\n李四,\"他说\"\"好\"\"\n,行\"\n",
            "姓名,备注\n张三,半个\"引号\n李四,\",\"\n",
            "姓名,备注\n,\n\"\"\n",
            "姓名,备注\n",
            "\uFEFF姓名,备注\n王五,\"\r\n\"\n",
    })
    void countedRowsAreTheRowsRead(String csv) throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
            Path file = folder.resolve("rows-" + charset.name() + ".csv");
            Files.writeString(file, csv, charset);

            assertThat(SpreadsheetRows.countRows(file, "rows.csv")).as(charset.name()).isEqualTo(read(file));
        }
    }

    private static int read(Path file) {
        try (SpreadsheetRows rows = SpreadsheetRows.open(file, "rows.csv")) {
            int count = 0;
            for (; rows.hasNext(); rows.next()) {
                count++;
            }
            return count;
        }
    }
}
