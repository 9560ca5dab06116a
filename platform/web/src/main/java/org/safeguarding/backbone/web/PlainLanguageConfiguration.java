package org.safeguarding.backbone.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * The jargon checker every service uses where a practitioner writes to another agency (R16):
 * {@code backbone.plain-language.glossary} (default: the shipped glossary) and {@code .understood} (acronyms never
 * flagged).
 */
@AutoConfiguration
public class PlainLanguageConfiguration {

    @Bean
    @ConditionalOnMissingBean
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
