package io.kefu.search.internal;

import io.kefu.platform.KefuProperties;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one search index, in {@code kefu.data-dir/search}. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(KefuProperties properties, SearchSettings settings) {
        return SearchIndex.open(properties.dataDir().resolve("search"), settings);
    }
}
