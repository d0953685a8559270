package io.kefu.customer.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.kefu.customer.internal.CustomerExporter;
import io.kefu.customer.internal.CustomerFields;
import io.kefu.customer.internal.CustomerImporter;
import io.kefu.customer.internal.ImportField;
import io.kefu.customer.internal.ImportMapping;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a spreadsheet in three steps (upload, map the columns, watch the progress bar) and exporting the
 * current search.
 */
@Controller
class CustomerImportPageController {

    private final CustomerImporter importer;
    private final CustomerExporter exporter;
    private final CustomerFields fields;

    CustomerImportPageController(CustomerImporter importer, CustomerExporter exporter, CustomerFields fields) {
        this.importer = importer;
        this.exporter = exporter;
        this.fields = fields;
    }

    /** A choice in a column's mapping select: the target and the message key of its label (or a literal label). */
    public record Target(String value, String labelKey, String label) {
    }

    @GetMapping("/customers/import")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    String uploadForm() {
        return "customer/import-upload";
    }

    @PostMapping("/customers/import")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problemKey", "customer.import.chooseFile");
            return "customer/import-upload";
        }
        try (InputStream content = file.getInputStream()) {
            CustomerImporter.Upload upload = importer.receive(file.getOriginalFilename(), content);
            return mappingPage(upload.token(), upload.fileName(), upload.headers(), upload.sample(),
                    upload.suggested().targets(), null, model);
        } catch (DomainException e) {
            model.addAttribute("problemKey", e.messageKey());
            model.addAttribute("problemArgs", e.arguments());
            return "customer/import-upload";
        }
    }

    @PostMapping("/customers/import/start")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    String start(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String fileName,
                 @RequestParam(name = "target", required = false) List<String> targets,
                 @RequestParam(name = "header", required = false) List<String> headers,
                 @AuthenticationPrincipal StaffPrincipal me, Locale locale, Model model) {
        List<String> chosen = targets == null ? List.of() : targets.stream()
                .map(t -> t == null || t.isBlank() ? null : t).toList();
        try {
            UUID id = importer.start(token, fileName, new ImportMapping(chosen), me, locale);
            return "redirect:/customers/import/" + id;
        } catch (DomainException e) {
            if ("token".equals(e.field())) {
                model.addAttribute("problemKey", e.messageKey());
                return "customer/import-upload";
            }
            return mappingPage(token, fileName, headers == null ? List.of() : headers, List.of(), chosen, e, model);
        }
    }

    @GetMapping("/customers/import/{id}")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    String progressPage(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("job", importer.status(id, me));
        return "customer/import-progress";
    }

    @GetMapping("/customers/import/{id}/progress")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    String progress(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("job", importer.status(id, me));
        return "customer/import-progress :: progress";
    }

    @GetMapping("/customers/import/{id}/report")
    @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
    void report(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, HttpServletResponse response)
            throws IOException {
        String report = importer.report(id, me);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected.csv\"");
        response.getOutputStream().write(("\uFEFF" + report).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/customers/export")
    @PreAuthorize("hasAuthority('CUSTOMER_EXPORT')")
    void export(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "csv") String format,
                @AuthenticationPrincipal StaffPrincipal me, Locale locale, HttpServletResponse response)
            throws IOException {
        CustomerImportApiController.download(exporter, q, format, me, locale, response);
    }

    private String mappingPage(String token, String fileName, List<String> headers, List<List<String>> sample,
                               List<String> chosen, DomainException problem, Model model) {
        List<Target> choices = new ArrayList<>();
        for (ImportField field : ImportField.values()) {
            choices.add(new Target(field.name(), "customer.column." + field.name(), null));
        }
        for (CustomerFields.Field custom : fields.all()) {
            choices.add(new Target(ImportMapping.ATTRIBUTE + custom.key(), null, custom.label()));
        }
        model.addAttribute("token", token);
        model.addAttribute("fileName", fileName);
        model.addAttribute("headers", headers);
        model.addAttribute("sample", sample);
        model.addAttribute("chosen", chosen);
        model.addAttribute("choices", choices);
        if (problem != null) {
            model.addAttribute("problemKey", problem.messageKey());
            model.addAttribute("problemArgs", problem.arguments());
        }
        return "customer/import-mapping";
    }
}
