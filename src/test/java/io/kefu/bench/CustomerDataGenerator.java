package io.kefu.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import io.kefu.customer.internal.SampleCustomers;

/**
 * Writes a CSV of realistic customers ({@link SampleCustomers}) for the import and search benchmarks. The file
 * goes through the same import a user's spreadsheet does.
 *
 * <p>Usage: {@code CustomerDataGenerator <rows> <file> [seed]}.
 */
public final class CustomerDataGenerator {

    private CustomerDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 20261126L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SampleCustomers.header() + "\n");
            for (int i = 0; i < rows; i++) {
                out.write(SampleCustomers.row(i, random));
                out.write('\n');
            }
        }
    }
}
