package io.kefu.search.internal;

import java.nio.file.Path;

import io.kefu.platform.KefuProperties;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one search index, in {@code kefu.data-dir/search} unless {@code kefu.search.folder} names
 * another folder (tests give each application context its own, since a Lucene index has one writer).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(KefuProperties properties, SearchSettings settings,
                            @Value("${kefu.search.folder:}") String folder) {
        return SearchIndex.open(folder.isBlank() ? properties.dataDir().resolve("search") : Path.of(folder),
                settings);
    }
}
