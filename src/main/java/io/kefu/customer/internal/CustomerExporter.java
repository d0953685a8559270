package io.kefu.customer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.audit.AuditLog;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the customers a search finds, within the viewer's scope, as CSV (UTF-8 with BOM, for Excel) or XLSX,
 * with the columns an import recognises. Personal data stays masked unless the viewer may reveal it. Every export
 * is audited.
 */
@Service
public class CustomerExporter {

    public enum Format { CSV, XLSX }

    private static final int PAGE = 1000;
    private static final List<ImportField> COLUMNS = List.of(ImportField.NAME, ImportField.TYPE, ImportField.PHONE,
            ImportField.EMAIL, ImportField.WECHAT_OPENID, ImportField.MEMBER_NO, ImportField.ID_NUMBER,
            ImportField.TIER, ImportField.TAGS, ImportField.REGION, ImportField.LIFECYCLE_STAGE, ImportField.BIRTHDAY,
            ImportField.OWNER);

    private final CustomerService customers;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate separately;

    CustomerExporter(CustomerService customers, StaffDirectory staff, MessageSource messages, AuditLog audit,
                     PlatformTransactionManager transactions) {
        this.customers = customers;
        this.staff = staff;
        this.messages = messages;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public int export(String query, Format format, StaffPrincipal viewer, Locale locale, OutputStream out) {
        boolean reveal = viewer.can(Permission.CUSTOMER_REVEAL);
        Map<Long, String> owners = new HashMap<>();
        staff.active().forEach(s -> owners.put(s.id(), s.username()));
        List<String> headers = COLUMNS.stream()
                .map(c -> messages.getMessage("customer.column." + c, null, c.name(), locale)).toList();
        int[] sent = {0};
        boolean finished = false;
        try {
            int count = format == Format.CSV ? csv(query, viewer, reveal, owners, locale, headers, out, sent)
                    : xlsx(query, viewer, reveal, owners, locale, headers, out, sent);
            finished = true;
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // In a transaction of its own: a download broken off half-way has still handed out what it sent.
            String details = sent[0] + " customers, " + format + ", query \"" + (query == null ? "" : query) + "\""
                    + (reveal ? ", unmasked" : ", masked") + (finished ? "" : ", broken off");
            separately.executeWithoutResult(status -> audit.record("customer.exported", "customer", null, details));
        }
    }

    private int csv(String query, StaffPrincipal viewer, boolean reveal, Map<Long, String> owners, Locale locale,
                    List<String> headers, OutputStream out, int[] sent) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(headers);
        int count = forEachRow(query, viewer, reveal, owners, locale, values -> {
            printer.printRecord(values);
            sent[0]++;
        });
        printer.flush();
        return count;
    }

    private int xlsx(String query, StaffPrincipal viewer, boolean reveal, Map<Long, String> owners, Locale locale,
                     List<String> headers, OutputStream out, int[] sent) throws IOException {
        Workbook workbook = new Workbook(out, "Kefu", "1.0");
        Worksheet sheet = workbook.newWorksheet("customers");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        int[] row = {1};
        int count = forEachRow(query, viewer, reveal, owners, locale, values -> {
            for (int c = 0; c < values.size(); c++) {
                sheet.value(row[0], c, values.get(c));
            }
            row[0]++;
            sent[0]++;
        });
        workbook.finish();
        return count;
    }

    private interface RowSink {
        void accept(List<String> values) throws IOException;
    }

    private int forEachRow(String query, StaffPrincipal viewer, boolean reveal, Map<Long, String> owners,
                           Locale locale, RowSink sink) throws IOException {
        int count = 0;
        Long cursor = null;
        List<CustomerRecord> page;
        do {
            page = customers.search(query, cursor, PAGE, viewer);
            for (CustomerRecord c : page) {
                sink.accept(values(c, reveal, owners, locale));
                count++;
            }
            cursor = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return count;
    }

    private List<String> values(CustomerRecord c, boolean reveal, Map<Long, String> owners, Locale locale) {
        List<String> values = new ArrayList<>();
        values.add(c.name());
        values.add(messages.getMessage("customer.type." + c.type(), null, c.type().name(), locale));
        values.add(identities(c, IdentityKind.PHONE, reveal));
        values.add(identities(c, IdentityKind.EMAIL, reveal));
        values.add(identities(c, IdentityKind.WECHAT_OPENID, reveal));
        values.add(identities(c, IdentityKind.MEMBER_NO, reveal));
        values.add(identities(c, IdentityKind.ID_NUMBER, reveal));
        values.add(c.tier() == null ? "" : c.tier());
        values.add(String.join(",", c.tags()));
        values.add(c.region() == null ? "" : c.region());
        values.add(messages.getMessage("customer.stage." + c.lifecycleStage(), null, c.lifecycleStage().name(),
                locale));
        values.add(c.birthday() == null ? "" : c.birthday().toString());
        values.add(c.ownerId() == null ? "" : owners.getOrDefault(c.ownerId(), ""));
        return values;
    }

    private static String identities(CustomerRecord c, IdentityKind kind, boolean reveal) {
        return String.join(",", c.identities().stream().filter(i -> i.kind() == kind)
                .map(i -> reveal ? shown(i) : IdentityNormaliser.mask(i)).toList());
    }

    private static String shown(CustomerIdentity i) {
        return i.kind() == IdentityKind.PHONE ? IdentityNormaliser.displayPhone(i.value()) : i.value();
    }
}
