package io.kefu.customer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.kefu.customer.CustomerIdentity;
import io.kefu.identity.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs the import's own code over generated customers ({@link SampleCustomers}) while Kefu starts, so that the
 * JIT has compiled it before a person's first import. Without it, the first 100,000 rows after a start cost the
 * JVM about three times the CPU of later ones (the compiler's work, and the slow code it replaces), on the two
 * cores PostgreSQL needs too: docs/benchmarks.md has the figures. The rows are read from a file, checked, keyed,
 * looked up, fingerprinted and put in COPY's binary form as an import does; nothing is written to the database.
 */
@Component
class ImportWarmUp implements ApplicationRunner {

    /**
     * What a rehearsal did: customers it would have added, rows it would have skipped as duplicates or rejected,
     * and the bytes of COPY's form it made for the rows read.
     */
    record Rehearsal(int customers, int duplicates, int rejected, long bytes) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImportWarmUp.class);
    private static final String ACTOR = "warm-up";
    /** Rows of the generated file, read once per pass. */
    static final int PASS_ROWS = 20_000;
    /** A pass in which the JIT compiled less than this (in ms) is a quiet one. */
    private static final long QUIET_MILLIS = 100;
    /**
     * Quiet passes in a row that mean the JIT is done with the import's code. One is not enough: while the compiler
     * has a queue, it raises the count at which it takes the hottest code to its top tier, and a pass can pass
     * quietly with that code still waiting (docs/benchmarks.md).
     */
    private static final int QUIET_PASSES = 3;

    private final CustomerFields fields;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final CustomerRepository repository;
    private final BulkCustomerWriter writer;
    private final int maxRows;

    ImportWarmUp(CustomerFields fields, StaffDirectory staff, MessageSource messages, CustomerRepository repository,
                 BulkCustomerWriter writer, @Value("${kefu.customers.import-warm-up-rows:600000}") int maxRows) {
        this.fields = fields;
        this.staff = staff;
        this.messages = messages;
        this.repository = repository;
        this.writer = writer;
        this.maxRows = maxRows;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (maxRows <= 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            List<Long> compiled = warmUp();
            log.info("Customer import warmed up in {} ms: {} pass(es) over {} generated rows, the JIT compiling {} ms "
                    + "in each", (System.nanoTime() - started) / 1_000_000, compiled.size(),
                    Math.min(maxRows, PASS_ROWS), compiled);
        } catch (RuntimeException e) {
            // Only the first import's speed depends on it: Kefu starts all the same.
            log.warn("Customer import could not warm up", e);
        }
    }

    /**
     * Passes over one generated file until, for a few passes in a row, the JIT compiled almost nothing: it has then
     * compiled the import's code, not merely queued it (while Kefu starts, the compiler is busy with everything else
     * and puts off the code that gets hot). Stops after {@code maxRows} rows in any case; returns the compiler's
     * time in each pass.
     */
    private List<Long> warmUp() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int passRows = Math.min(maxRows, PASS_ROWS);
        Path file = sampleFile(passRows);
        try {
            List<Long> compiled = new ArrayList<>();
            int quietInARow = 0;
            do {
                long before = jit.getTotalCompilationTime();
                rehearse(file);
                long pass = jit.getTotalCompilationTime() - before;
                compiled.add(pass);
                quietInARow = pass < QUIET_MILLIS ? quietInARow + 1 : 0;
            } while (quietInARow < QUIET_PASSES && (compiled.size() + 1) * passRows <= maxRows);
            return compiled;
        } finally {
            CustomerImporter.deleteQuietly(file);
        }
    }

    /** Reads this many generated rows through the import's code once; writes nothing. */
    Rehearsal rehearse(int count) {
        Path file = sampleFile(count);
        try {
            return rehearse(file);
        } finally {
            CustomerImporter.deleteQuietly(file);
        }
    }

    /**
     * Reads the file through the import's code, as an upload is read, and looks up its identities as an import
     * does; writes nothing.
     */
    private Rehearsal rehearse(Path file) {
        return rehearse(SpreadsheetRows.open(file, file.getFileName().toString()));
    }

    private Rehearsal rehearse(SpreadsheetRows file) {
        ImportRowReader reader = new ImportRowReader(ImportMapping.guess(file.headers(), fields.all()), fields, staff,
                messages, Locale.SIMPLIFIED_CHINESE);
        // The timeline entry's summary in Chinese, as imports write it: the JIT compiles for the text it has seen.
        String summary = messages.getMessage("customer.import.timeline", new Object[] {"warm-up.csv"},
                Locale.SIMPLIFIED_CHINESE);
        IdentityFingerprints taken = new IdentityFingerprints();
        int customers = 0;
        int rejected = 0;
        int read = 0;
        long bytes = 0;
        try (PreparedChunks chunks = new PreparedChunks(file, reader, CustomerImporter.CHUNK,
                ImportThreads.NEW_THREAD_EACH)) {
            for (PreparedChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                rejected += chunk.rejections().size();
                customers += countNew(chunk.candidates(), taken);
                bytes += encode(chunk.candidates(), read, summary);
                read += chunk.candidates().size();
            }
        }
        return new Rehearsal(customers, read - customers, rejected, bytes);
    }

    /** How many of the candidates are new, as the importer finds them: in neither the database nor earlier rows. */
    private int countNew(List<PreparedChunks.Candidate> candidates, IdentityFingerprints taken) {
        Map<CustomerIdentity, Long> existing = repository.holdersOf(PreparedChunks.Candidate.identitiesOf(candidates));
        int fresh = 0;
        for (PreparedChunks.Candidate c : candidates) {
            if (c.holderIn(existing) == null && !taken.containsAny(c.draft().identities())) {
                taken.addAll(c.draft().identities());
                fresh++;
            }
        }
        return fresh;
    }

    /**
     * Every candidate in COPY's form, new or not, so that this code is compiled whatever the database holds (a
     * restarted benchmark's database holds the sample's customers); returns the bytes. The lists are of the
     * classes an import passes (array lists), since the JIT compiles for the classes it has seen and compiles
     * again when another one comes.
     */
    private long encode(List<PreparedChunks.Candidate> candidates, int before, String summary) {
        List<BulkCustomerWriter.NewCustomer> customers = new ArrayList<>(candidates.size());
        List<Long> ids = new ArrayList<>(candidates.size());
        for (PreparedChunks.Candidate c : candidates) {
            // with its owner set, as the importer does (none here, as for an administrator's import)
            customers.add(new BulkCustomerWriter.NewCustomer(c.draft().withOwner(null), null, c.keys()));
            ids.add((long) before + ids.size() + 1);
        }
        BulkCustomerWriter.Streams streams = writer.encode(customers, ids, ACTOR, summary);
        return (long) streams.customers().size() + streams.identities().size() + streams.timeline().size();
    }

    private static Path sampleFile(int count) {
        SplittableRandom random = new SplittableRandom(count);
        try {
            Path file = Files.createTempFile("kefu-import-warm-up-", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(SampleCustomers.header());
                out.write('\n');
                for (int i = 0; i < count; i++) {
                    out.write(SampleCustomers.row(i, random));
                    out.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
