package io.kefu.customer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import io.kefu.audit.AuditLog;
import io.kefu.customer.CustomerIdentity;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.ClusterNodes;
import io.kefu.platform.DomainException;
import io.kefu.platform.KefuProperties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports customers from a CSV or XLSX file in the background. All good rows are committed together
 * ({@link ImportTransaction}), so an import either adds all of them or, if it fails or the application stops,
 * none. Bad rows change nothing and are listed with their reason in a report; a row whose identity (phone,
 * email...) already belongs to a customer is counted as a duplicate and skipped, so importing the same file again
 * adds nobody.
 */
@Service
public class CustomerImporter implements ApplicationRunner {

    static final int CHUNK = 2000;
    /** After this many new customers the planner's statistics and the search indexes are brought up to date. */
    static final int REFRESH_AFTER = 10_000;
    /**
     * Imports running at once on this node; later ones wait their turn. Each holds a database connection per
     * writer until it ends: six at once took all ten of the pool's, and every request of the application waited
     * with them. Two keep both cores busy already.
     */
    static final int MAX_RUNNING = 2;
    /** The progress bar is moved about five times a second, not after every chunk. */
    private static final long SHOW_PROGRESS_EVERY = Duration.ofMillis(200).toNanos();
    private static final Logger log = LoggerFactory.getLogger(CustomerImporter.class);

    private final CustomerImports imports;
    private final CustomerRepository customers;
    private final ImportTransactions transactions;
    private final ClusterNodes nodes;
    private final CustomerFields fields;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TaskExecutor executor;
    private final Semaphore running = new Semaphore(MAX_RUNNING, true);
    private final Path uploads;

    CustomerImporter(CustomerImports imports, CustomerRepository customers, ImportTransactions transactions,
                     ClusterNodes nodes, CustomerFields fields, StaffDirectory staff, MessageSource messages,
                     AuditLog audit, KefuProperties properties) {
        this.imports = imports;
        this.customers = customers;
        this.transactions = transactions;
        this.nodes = nodes;
        this.fields = fields;
        this.staff = staff;
        this.messages = messages;
        this.audit = audit;
        this.executor = ImportThreads.NEW_THREAD_EACH;
        this.uploads = properties.dataDir().resolve("imports");
    }

    /** A file received and kept until it is imported: its headers, the mapping they suggest, its first rows. */
    public record Upload(String token, String fileName, List<String> headers, ImportMapping suggested,
                         List<List<String>> sample) {
    }

    public Upload receive(String fileName, InputStream content) {
        if (!SpreadsheetRows.isSupported(fileName)) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "customer.import.unsupported", fileName);
        }
        String token = UUID.randomUUID() + (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv");
        Path stored = uploads.resolve(token);
        try {
            Files.createDirectories(uploads);
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SpreadsheetRows rows = SpreadsheetRows.open(stored, token)) {
            List<List<String>> sample = new ArrayList<>();
            while (rows.hasNext() && sample.size() < 5) {
                sample.add(rows.next());
            }
            return new Upload(token, fileName, rows.headers(), ImportMapping.guess(rows.headers(), fields.all()),
                    sample);
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e instanceof DomainException domain ? domain : DomainException.onField(HttpStatus.BAD_REQUEST,
                    "file", "customer.import.unreadable", fileName);
        }
    }

    /** Starts importing a received file; follow it with {@link #status}. */
    public UUID start(String token, String fileName, ImportMapping mapping, StaffPrincipal by, Locale locale) {
        if (!token.matches("[0-9a-f-]{36}\\.(csv|xlsx)") || !Files.exists(uploads.resolve(token))) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "token", "customer.import.noSuchUpload");
        }
        mapping.checked();
        UUID id = UUID.randomUUID();
        imports.begin(id, fileName, by.username(), nodes.self());
        executor.execute(() -> runAs(by, () -> run(id, uploads.resolve(token), fileName, mapping, by, locale)));
        return id;
    }

    /** An import as its owner sees it; others are told it does not exist, since its report holds personal data. */
    public ImportStatus status(UUID id, StaffPrincipal viewer) {
        return imports.find(id).filter(i -> i.createdBy().equals(viewer.username()))
                .orElseThrow(() -> DomainException.notFound("customerImport", id));
    }

    /** CSV: row number, outcome, reason, then the row as it was. */
    public String report(UUID id, StaffPrincipal viewer) {
        status(id, viewer);
        return imports.report(id).orElseThrow(() -> DomainException.notFound("customerImport", id));
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        // Files uploaded but never imported are not kept beyond a day.
        if (Files.isDirectory(uploads)) {
            try (var files = Files.list(uploads)) {
                files.filter(f -> isOlderThanADay(f)).forEach(CustomerImporter::deleteQuietly);
            }
        }
    }

    private void run(UUID id, Path file, String fileName, ImportMapping mapping, StaffPrincipal by, Locale locale) {
        try {
            int total = SpreadsheetRows.countRows(file, file.getFileName().toString());
            Progress progress = new Progress(id, total);
            imports.progress(id, progress.counts());
            running.acquireUninterruptibly();
            long started = System.nanoTime();
            try {
                if (!imports.markRunning(id)) {
                    log.warn("Customer import {} was failed while it waited its turn", id);
                    return;
                }
                importRows(id, file, fileName, mapping, by, locale, progress);
            } finally {
                running.release();
            }
            if (progress.imported >= REFRESH_AFTER) {
                customers.refreshSearchStatistics();
            }
            log.info("Customer import {}: {} rows in {} ms ({} ms reading rows, alongside: {} ms checking duplicates, "
                    + "{} ms waiting for the writers)", id, total, (System.nanoTime() - started) / 1_000_000,
                    progress.readNanos / 1_000_000, progress.checkNanos / 1_000_000, progress.writeNanos / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Customer import {} failed", id, e);
            imports.fail(id, e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    /** Removes an import's file (an upload, or the warm-up's sample); a file that stays is logged, not fatal. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the import file {}", file, e);
        }
    }

    private void importRows(UUID id, Path file, String fileName, ImportMapping mapping, StaffPrincipal by,
                            Locale locale, Progress progress) {
        ImportRowReader reader = new ImportRowReader(mapping, fields, staff, messages, locale);
        Map<Long, Long> departmentOfOwner = new HashMap<>();
        staff.active().forEach(s -> departmentOfOwner.put(s.id(), s.departmentId()));
        String summary = messages.getMessage("customer.import.timeline", new Object[] {fileName}, locale);
        IdentityFingerprints taken = new IdentityFingerprints();
        SpreadsheetRows rows = SpreadsheetRows.open(file, file.getFileName().toString());
        try (PreparedChunks chunks = new PreparedChunks(rows, reader, CHUNK, executor);
             ImportTransaction transaction = transactions.begin(id, by.username(), summary)) {
            for (PreparedChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                progress.readNanos += chunk.readNanos();
                chunk.rejections().forEach(r -> progress.reject(r.rowNumber(), r.reason(), r.cells()));
                List<BulkCustomerWriter.NewCustomer> fresh = newCustomers(chunk.candidates(), taken, by,
                        departmentOfOwner, locale, progress);
                long handing = System.nanoTime();
                transaction.write(fresh);
                progress.writeNanos += System.nanoTime() - handing;
                progress.imported(fresh.size(), chunk.candidates().size());
            }
            long committing = System.nanoTime();
            transaction.commit(() -> {
                imports.recordOutcome(id, progress.counts(), progress.report());
                audit.record("customer.imported", "customerImport", id, progress.imported + " imported, "
                        + progress.duplicates + " duplicates, " + progress.rejected + " rejected");
            });
            progress.writeNanos += System.nanoTime() - committing;
        }
    }

    /**
     * The candidates whose identities belong to no customer yet, neither in the database nor earlier in this
     * file; the others are reported as duplicates.
     */
    private List<BulkCustomerWriter.NewCustomer> newCustomers(List<PreparedChunks.Candidate> chunk,
                                                             IdentityFingerprints taken, StaffPrincipal by,
                                                             Map<Long, Long> departmentOfOwner, Locale locale,
                                                             Progress progress) {
        long start = System.nanoTime();
        Map<CustomerIdentity, Long> existing = customers.holdersOf(PreparedChunks.Candidate.identitiesOf(chunk));
        List<BulkCustomerWriter.NewCustomer> fresh = new ArrayList<>();
        for (PreparedChunks.Candidate c : chunk) {
            Long holder = c.holderIn(existing);
            if (holder != null) {
                progress.duplicate(c.rowNumber(), messages.getMessage("customer.import.alreadyPresent",
                        new Object[] {String.valueOf(holder)}, locale), c.cells());
            } else if (taken.containsAny(c.draft().identities())) {
                progress.duplicate(c.rowNumber(), messages.getMessage("customer.import.repeatedInFile", null,
                        locale), c.cells());
            } else {
                taken.addAll(c.draft().identities());
                Long owner = CustomerService.defaultOwner(c.draft().ownerId(), by);
                Long department = owner != null ? departmentOfOwner.get(owner) : by.departmentId();
                fresh.add(new BulkCustomerWriter.NewCustomer(c.draft().withOwner(owner), department, c.keys()));
            }
        }
        progress.checkNanos += System.nanoTime() - start;
        return fresh;
    }

    private static boolean isOlderThanADay(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)));
        } catch (IOException e) {
            return false;
        }
    }

    private static void runAs(StaffPrincipal by, Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(by, null, by.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Counts and the report of one import, written to its record after every chunk. */
    private final class Progress {
        private final UUID id;
        private final int total;
        private final StringWriter report = new StringWriter();
        private final CSVPrinter printer;
        private int processed;
        private int imported;
        private int duplicates;
        private int rejected;
        private long readNanos;
        private long checkNanos;
        private long writeNanos;
        private long shownAt = System.nanoTime();

        Progress(UUID id, int total) {
            this.id = id;
            this.total = total;
            try {
                this.printer = new CSVPrinter(report, CSVFormat.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void reject(int row, String reason, List<String> cells) {
            rejected++;
            processed++;
            print(row, "rejected", reason, cells);
        }

        void duplicate(int row, String reason, List<String> cells) {
            duplicates++;
            print(row, "duplicate", reason, cells);
        }

        void imported(int count, int chunkSize) {
            imported += count;
            processed += chunkSize;
            if (System.nanoTime() - shownAt >= SHOW_PROGRESS_EVERY) {
                imports.progress(id, counts());
                shownAt = System.nanoTime();
            }
        }

        ImportCounts counts() {
            return new ImportCounts(total, processed, imported, duplicates, rejected);
        }

        String report() {
            return report.toString();
        }

        private void print(int row, String outcome, String reason, List<String> cells) {
            try {
                List<Object> line = new ArrayList<>(List.of(row, outcome, reason));
                line.addAll(cells);
                printer.printRecord(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
