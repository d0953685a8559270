package io.kefu.customer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows for {@code COPY ... FROM STDIN (FORMAT binary)}: each value in PostgreSQL's own wire form, so the server
 * neither splits lines nor parses text, and nothing needs escaping. The values written must have exactly the
 * column's type: text for {@code text} and {@code varchar}, 8-byte integers for {@code bigint}, text arrays for
 * {@code text[]}.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int TEXT_OID = 25;
    /** PostgreSQL counts days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final byte JSONB_VERSION = 1;

    private byte[] buffer = new byte[1 << 16];
    private int length;

    BinaryCopy() {
        append(SIGNATURE);
        int32(0);
        int32(0);
    }

    BinaryCopy row(int columns) {
        int16(columns);
        return this;
    }

    BinaryCopy int8(Long value) {
        if (value == null) {
            return nullValue();
        }
        int32(8);
        int32((int) (value >>> 32));
        int32((int) (long) value);
        return this;
    }

    BinaryCopy text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        append(bytes);
        return this;
    }

    BinaryCopy bool(boolean value) {
        int32(1);
        ensure(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    BinaryCopy date(LocalDate value) {
        if (value == null) {
            return nullValue();
        }
        int32(4);
        int32((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    BinaryCopy jsonb(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length + 1);
        ensure(1);
        buffer[length++] = JSONB_VERSION;
        append(bytes);
        return this;
    }

    /** A one-dimensional text array without nulls; an empty one has no dimension. */
    BinaryCopy textArray(List<String> values) {
        byte[][] elements = new byte[values.size()][];
        int size = values.isEmpty() ? 12 : 20;
        for (int i = 0; i < elements.length; i++) {
            elements[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + elements[i].length;
        }
        int32(size);
        int32(values.isEmpty() ? 0 : 1);
        int32(0);
        int32(TEXT_OID);
        if (!values.isEmpty()) {
            int32(values.size());
            int32(1);
        }
        for (byte[] element : elements) {
            int32(element.length);
            append(element);
        }
        return this;
    }

    /** The bytes written so far. */
    int size() {
        return length;
    }

    /** Ends the data and sends it with the COPY statement. */
    void send(Connection connection, String copyStatement) throws SQLException {
        int16(-1);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copyStatement, new ByteArrayInputStream(buffer, 0, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BinaryCopy nullValue() {
        int32(-1);
        return this;
    }

    private void int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
