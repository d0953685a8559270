package io.kefu.customer.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.LifecycleStage;
import io.kefu.identity.StaffDirectory;
import io.kefu.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * Turns one row of an imported file into a customer draft, or says in the importer's language why it cannot:
 * no name, no identity to recognise the customer by on a re-import, an invalid phone, an unknown owner...
 */
final class ImportRowReader {

    /** A row read: the draft, or the reason it was refused. */
    record Read(CustomerDraft draft, String rejection) {
    }

    private static final Separators LIST = new Separators(",;，；、|/ \t\n\u000B\f\r");
    /** Phones are written with spaces inside (138 0013 8000): only punctuation separates two of them. */
    private static final Separators PHONE_LIST = new Separators(",;，；、|/");
    private static final Separators TAG_LIST = new Separators(",;，；、|");
    private static final Pattern EXCEL_DAY = Pattern.compile("\\d{4,5}(\\.0+)?");
    private static final int MAX_CELL = 2000;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"));

    private final ImportMapping mapping;
    private final List<CustomerFields.Field> fields;
    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, Long> ownersByUsername = new HashMap<>();
    private final Map<String, LifecycleStage> stages = new HashMap<>();
    private final Map<String, CustomerType> types = new HashMap<>();

    ImportRowReader(ImportMapping mapping, CustomerFields fields, StaffDirectory staff, MessageSource messages,
                    Locale locale) {
        this.mapping = mapping;
        this.fields = fields.all();
        this.messages = messages;
        this.locale = locale;
        staff.active().forEach(s -> ownersByUsername.put(s.username().toLowerCase(Locale.ROOT), s.id()));
        for (LifecycleStage stage : LifecycleStage.values()) {
            stages.put(stage.name().toLowerCase(Locale.ROOT), stage);
            labels("customer.stage." + stage).forEach(label -> stages.put(label, stage));
        }
        for (CustomerType type : CustomerType.values()) {
            types.put(type.name().toLowerCase(Locale.ROOT), type);
            labels("customer.type." + type).forEach(label -> types.put(label, type));
        }
    }

    Read read(List<String> cells) {
        try {
            return new Read(draft(cells), null);
        } catch (DomainException e) {
            return new Read(null, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
    }

    private CustomerDraft draft(List<String> cells) {
        String name = null;
        String tier = null;
        String region = null;
        Long owner = null;
        LocalDate birthday = null;
        CustomerType type = CustomerType.PERSON;
        LifecycleStage stage = LifecycleStage.PROSPECT;
        boolean consentEmail = false;
        boolean consentSms = false;
        boolean consentPhone = false;
        List<String> tags = new ArrayList<>();
        List<CustomerIdentity> identities = new ArrayList<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int column = 0; column < cells.size(); column++) {
            String target = mapping.targetOf(column);
            String value = cells.get(column) == null ? "" : cells.get(column).strip();
            if (target == null || value.isEmpty()) {
                continue;
            }
            if (value.indexOf('\u0000') >= 0 || value.length() > MAX_CELL) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "customer.import.badCell", column + 1);
            }
            if (target.startsWith(ImportMapping.ATTRIBUTE)) {
                attributes.put(target.substring(ImportMapping.ATTRIBUTE.length()), value);
                continue;
            }
            ImportField field = ImportField.valueOf(target);
            if (field.identity() != null) {
                for (String one : (field == ImportField.PHONE ? PHONE_LIST : LIST).split(value)) {
                    if (!one.isBlank()) {
                        identities.add(IdentityNormaliser.normalise(field.identity(), one));
                    }
                }
                continue;
            }
            switch (field) {
                case NAME -> name = value;
                case TYPE -> type = lookUp(types, value, "customer.import.badType");
                case TIER -> tier = limited(value, 50, column);
                case TAGS -> tags.addAll(List.of(TAG_LIST.split(value)));
                case REGION -> region = limited(value, 100, column);
                case LIFECYCLE_STAGE -> stage = lookUp(stages, value, "customer.import.badStage");
                case BIRTHDAY -> birthday = date(value);
                case CONSENT_EMAIL -> consentEmail = yes(value);
                case CONSENT_SMS -> consentSms = yes(value);
                case CONSENT_PHONE -> consentPhone = yes(value);
                case OWNER -> owner = lookUp(ownersByUsername, value, "customer.import.unknownOwner");
                default -> throw new IllegalStateException(field.name());
            }
        }
        if (name == null || name.length() > 200) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "customer.import.noName");
        }
        if (identities.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "customer.import.noIdentity");
        }
        return new CustomerDraft(type, name, null, owner, tier, tags, region, stage, birthday,
                new CustomerRecord.Consent(consentEmail, consentSms, consentPhone), attributes.isEmpty() ? attributes : CustomerFields.check(attributes, fields),
                CustomerService.normalised(identities));
    }

    private static String limited(String value, int max, int column) {
        if (value.length() > max) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "customer.import.tooLong", column + 1, max);
        }
        return value;
    }

    private static <T> T lookUp(Map<String, T> known, String value, String refusal) {
        T found = known.get(value.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, refusal, value);
        }
        return found;
    }

    private static LocalDate date(String value) {
        if (EXCEL_DAY.matcher(value).matches()) {
            int dot = value.indexOf('.');
            return EXCEL_EPOCH.plusDays(Long.parseLong(dot < 0 ? value : value.substring(0, dot)));
        }
        LocalDate iso = isoDate(value);
        if (iso != null) {
            return iso;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        throw new DomainException(HttpStatus.BAD_REQUEST, "customer.import.badDate", value);
    }

    /**
     * A date written yyyy-MM-dd, as {@link DateTimeFormatter#ISO_LOCAL_DATE} reads it, or null for anything else
     * (which the formatters then try): most files write dates so, and the formatter costs more than the date.
     */
    private static LocalDate isoDate(String value) {
        if (value.length() != 10) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean yes(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "\u662f" -> true;
            default -> false;
        };
    }

    /**
     * Where a cell holding several values is cut: at each run of these characters. A cell without any of them is
     * one value as it is, found without running the pattern (most cells hold one value).
     */
    private record Separators(Pattern pattern, BitSet characters) {

        Separators(String characters) {
            this(Pattern.compile("[" + Pattern.quote(characters) + "]+"), new BitSet());
            characters.chars().forEach(this.characters::set);
        }

        String[] split(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (characters.get(value.charAt(i))) {
                    return pattern.split(value);
                }
            }
            return new String[] {value};
        }
    }

    private List<String> labels(String key) {
        List<String> labels = new ArrayList<>();
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String label = messages.getMessage(key, null, null, l);
            if (label != null) {
                labels.add(label.toLowerCase(Locale.ROOT));
            }
        }
        return labels;
    }
}
