package io.kefu.customer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.kefu.platform.DomainException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.http.HttpStatus;

/**
 * The rows of an uploaded CSV or XLSX file, read as they are needed. The first row holds the headers. CSV files
 * are read as UTF-8 (with or without BOM) when they are valid UTF-8, else as GB18030, which is what Excel writes
 * on a Chinese Windows.
 */
public final class SpreadsheetRows implements AutoCloseable, Iterator<List<String>> {

    private final AutoCloseable source;
    private final Iterator<List<String>> rows;
    private final List<String> headers;

    private SpreadsheetRows(AutoCloseable source, Iterator<List<String>> rows) {
        this.source = source;
        this.rows = rows;
        this.headers = rows.hasNext() ? rows.next() : List.of();
    }

    public static boolean isSupported(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx");
    }

    public static SpreadsheetRows open(Path file, String fileName) {
        try {
            if (isXlsx(fileName)) {
                return xlsx(file);
            }
            return csv(file);
        } catch (IOException | RuntimeException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "customer.import.unreadable", fileName);
        }
    }

    /**
     * How many rows follow the headers. A CSV file is counted from its bytes, without decoding or parsing it: a
     * quote, comma and line break are the same byte in UTF-8 and GB18030, and a line break inside quotes is part of
     * its cell, as the parser reads it. An XLSX file is read through.
     */
    public static int countRows(Path file, String fileName) {
        if (isXlsx(fileName)) {
            try (SpreadsheetRows rows = open(file, fileName)) {
                int count = 0;
                for (; rows.hasNext(); rows.next()) {
                    count++;
                }
                return count;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            CsvRecordCounter counter = new CsvRecordCounter();
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    counter.accept(buffer[i]);
                }
            }
            return Math.max(0, counter.records() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isXlsx(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public List<String> next() {
        return rows.next();
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SpreadsheetRows csv(Path file) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        BufferedReader reader = Files.newBufferedReader(file, charset);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        Iterator<List<String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public List<String> next() {
                return records.next().toList();
            }
        };
        return new SpreadsheetRows(parser, rows);
    }

    private static SpreadsheetRows xlsx(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        ReadableWorkbook workbook = new ReadableWorkbook(in);
        Stream<Row> sheet = workbook.getFirstSheet().openStream();
        Iterator<List<String>> rows = sheet.map(SpreadsheetRows::cells).iterator();
        return new SpreadsheetRows(() -> {
            sheet.close();
            workbook.close();
            in.close();
        }, rows);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : text(cell));
        }
        return cells;
    }

    /** A number cell as written, not as stored: 13800138000 rather than 1.3800138E10. */
    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            try {
                return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return cell.getText();
            }
        }
        return cell.getText();
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            byte[] carry = new byte[0];
            int read;
            while ((read = in.read(buffer)) > 0) {
                byte[] chunk = new byte[carry.length + read];
                System.arraycopy(carry, 0, chunk, 0, carry.length);
                System.arraycopy(buffer, 0, chunk, carry.length, read);
                // A character may straddle two reads: keep up to 3 trailing bytes for the next round.
                int cut = completeUpTo(chunk);
                decoder.reset().decode(ByteBuffer.wrap(chunk, 0, cut));
                carry = Arrays.copyOfRange(chunk, cut, chunk.length);
            }
            return carry.length == 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
    private static int completeUpTo(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) == 0xC0) {
                int length = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                return length > back ? end - back : end;
            }
            if ((b & 0x80) == 0) {
                return end;
            }
        }
        return end;
    }
}
