package io.kefu.customer.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import io.kefu.customer.internal.CustomerExporter;
import io.kefu.customer.internal.CustomerImporter;
import io.kefu.customer.internal.ImportMapping;
import io.kefu.customer.internal.ImportStatus;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customer import and export")
class CustomerImportApiController {

    private final CustomerImporter importer;
    private final CustomerExporter exporter;

    CustomerImportApiController(CustomerImporter importer, CustomerExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    /**
     * Starts importing a CSV or XLSX file (multipart field {@code file}). {@code mapping} names the field of each
     * column in order, comma-separated (e.g. {@code NAME,PHONE,,EMAIL,attribute:plan}); without it the headers
     * decide. Answers 202 with the import's status; poll it until {@code status} is DONE or FAILED.
     */
    @PostMapping("/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    ImportStatus start(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mapping,
                       @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        String fileName = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        CustomerImporter.Upload upload;
        try (InputStream content = file.getInputStream()) {
            upload = importer.receive(fileName, content);
        }
        ImportMapping chosen = mapping == null ? upload.suggested()
                : new ImportMapping(Arrays.stream(mapping.split(",", -1))
                        .map(t -> t.isBlank() ? null : t.strip()).toList());
        UUID id = importer.start(upload.token(), fileName, chosen, me, LocaleContextHolder.getLocale());
        return importer.status(id, me);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    ImportStatus status(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return importer.status(id, me);
    }

    /** The rows that were not imported (rejected or duplicates), each with its reason, as CSV. */
    @GetMapping("/imports/{id}/report")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    ResponseEntity<String> report(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected.csv\"")
                .body("\uFEFF" + importer.report(id, me));
    }

    /** The customers the search {@code q} finds, as {@code format=csv} or {@code xlsx}; audited. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CUSTOMER_EXPORT')")
    void export(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "csv") String format,
                @AuthenticationPrincipal StaffPrincipal me, HttpServletResponse response) throws IOException {
        download(exporter, q, format, me, LocaleContextHolder.getLocale(), response);
    }

    /** Streams the export into the response, on the request's own thread so that its audit line names the caller. */
    static void download(CustomerExporter exporter, String q, String format, StaffPrincipal me, Locale locale,
                         HttpServletResponse response) throws IOException {
        CustomerExporter.Format chosen;
        try {
            chosen = CustomerExporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "format", "customer.export.badFormat", format);
        }
        response.setContentType(chosen == CustomerExporter.Format.CSV ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers."
                + chosen.name().toLowerCase(Locale.ROOT) + "\"");
        exporter.export(q, chosen, me, locale, response.getOutputStream());
    }
}
