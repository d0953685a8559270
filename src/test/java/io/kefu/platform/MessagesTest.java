package io.kefu.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything: same keys, and every key a template, a permission or an audit action needs. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[}(]");
    private static final Pattern AUDIT_ACTION = Pattern.compile("record(?:Unauthenticated)?\\([^\"]*\"([a-zA-Z.]+)\"");
    /** Timeline kinds: the second argument of addTimeline, and the kind the bulk writer gives imported customers. */
    private static final Pattern TIMELINE_KIND = Pattern.compile(
            "(?:addTimeline\\(\\w+, |timeline(?:\\(\\))?\\.row\\(\\d+\\)\\.int8\\(\\w+\\)\\.text\\(|timeline\\.add\\([^,]+, )\"([a-zA-Z.]*[a-zA-Z])\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("\"((?:error|password|staff|department|role|skillGroup|problem)\\.[a-zA-Z.]+[a-zA-Z])\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .isEqualTo(load("messages_zh_CN.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedIsDefined() throws IOException {
        Set<String> defined = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        used.addAll(matches(Path.of("src/main/resources/templates"), TEMPLATE_KEY));
        Set<String> auditActions = matches(Path.of("src/main/java"), AUDIT_ACTION);
        Set<String> messageKeys = matches(Path.of("src/main/java"), MESSAGE_KEY);
        messageKeys.removeAll(auditActions);
        used.addAll(messageKeys);
        auditActions.forEach(action -> used.add("audit.action." + action));
        Set<String> timelineKinds = matches(Path.of("src/main/java"), TIMELINE_KIND);
        assertThat(timelineKinds).contains("customer.created", "customer.imported");
        timelineKinds.forEach(kind -> used.add("timeline." + kind));
        for (Permission permission : Permission.values()) {
            used.add("permission." + permission);
        }
        for (DataScope scope : DataScope.values()) {
            used.add("scope." + scope);
            used.add("home.scope." + scope);
        }
        for (String role : Set.of("ADMINISTRATOR", "SUPERVISOR", "AGENT", "CUSTOMER_MANAGER", "SALES",
                "TECHNICAL_SUPPORT", "QUALITY_INSPECTOR")) {
            used.add("role." + role);
        }
        used.removeIf(key -> key.endsWith("."));

        assertThat(used).isNotEmpty();
        assertThat(defined).containsAll(used);
    }

    @Test
    void noChineseLabelIsHardCodedInJavaOrTemplates() throws IOException {
        // In Java only string literals are labels (comments may quote the domain). Templates hold no Chinese at all
        // but the name of the language itself, which stays in its own language whatever the UI's.
        Set<String> offenders = matches(Path.of("src/main/java"), Pattern.compile("(\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\")"));
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Pattern.compile("\\p{IsHan}").matcher(Files.readString(file).replace("简体中文", "")).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static Set<String> matches(Path root, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
