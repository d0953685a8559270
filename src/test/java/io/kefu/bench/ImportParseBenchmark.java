package io.kefu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.kefu.customer.internal.ImportReadingStage;

/**
 * Measures the CPU an import spends per row before writing: parsing the CSV, reading each row into a customer
 * draft (identities normalised) and keying its name (Simplified Chinese, grams, pinyin), with the importer's own
 * classes on one thread, on a file from {@link CustomerDataGenerator}. Warms up, then prints µs per row for each
 * timed pass (the reading thread's CPU time, and the time the importer logs as "reading rows").
 *
 * <p>Usage: {@code ImportParseBenchmark [rows=100000] [timed passes=3] [warm-up passes=2]}.
 */
public final class ImportParseBenchmark {

    private ImportParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path csv = Files.createTempFile("customers", ".csv");
        try {
            CustomerDataGenerator.main(new String[] {String.valueOf(rows), csv.toString()});
            for (int i = 0; i < warmUps; i++) {
                ImportReadingStage.run(csv);
            }
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < passes; i++) {
                ImportReadingStage.Outcome outcome = ImportReadingStage.run(csv);
                double cpuPerRow = outcome.cpuNanos() / 1000.0 / rows;
                cpu.add(cpuPerRow);
                System.out.printf("pass %d: %d read, %d refused; %.1f µs/row CPU, %.1f µs/row reading time%n", i + 1,
                        outcome.candidates(), outcome.rejections(), cpuPerRow, outcome.readNanos() / 1000.0 / rows);
            }
            Collections.sort(cpu);
            System.out.printf("CPU per row over %d rows: best %.1f µs, median %.1f µs%n", rows, cpu.get(0),
                    cpu.get(cpu.size() / 2));
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
