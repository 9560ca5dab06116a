package org.safeguarding.backbone.referrals.plainlanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** {@code backbone.plain-language.glossary} and {@code .understood} (acronyms never flagged). */
@Configuration(proxyBeanMethods = false)
class PlainLanguageConfiguration {

    @Bean
    PlainLanguageChecker plainLanguageChecker(
            @Value("${backbone.plain-language.glossary:classpath:glossary/safeguarding-glossary.csv}") Resource glossary,
            @Value("${backbone.plain-language.understood:NHS,GP,UK,A&E,OK,ID,TV,BBC,IT,AM,PM}") Set<String> understood) {
        try (InputStream in = glossary.getInputStream()) {
            return PlainLanguageChecker.fromGlossary(in, glossary.getDescription(), understood);
        } catch (IOException e) {
            throw new UncheckedIOException("backbone.plain-language.glossary: cannot read " + glossary, e);
        }
    }
}
