package org.safeguarding.backbone.kernel.plainlanguage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeguarding.backbone.kernel.datafile.DataFileLines;

/**
 * Finds jargon and acronyms in free text (R16): terms from a glossary, with the plain wording to offer, and any other
 * run of capitals that looks like an acronym. Findings are warnings for the sender; the text is never rewritten.
 */
public class PlainLanguageChecker {

    /** Capital-letter runs of 2 to 6 (digits allowed after the first letter), e.g. MASH, S47. */
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z][A-Z0-9]{1,5}s?\\b");
    /** A word, or words joined by hyphens (CP-IS): the whole is looked up first, then each part. */
    private static final Pattern WORD = Pattern.compile("\\b[\\p{L}0-9']+(?:-[\\p{L}0-9']+)*\\b");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    private final Map<String, String> glossary;
    /** The glossary's lower-case terms ("strat"), keyed in lower case: they match in any case. */
    private final Map<String, String> anyCase = new HashMap<>();
    private final Set<String> understood;

    /**
     * @param glossary   term to plain wording; terms match in any case, except all-capital terms of letters only, which
     *                   match only in capitals (so "the pa system" is not persistent absence, "s47" is section 47)
     * @param understood acronyms everyone understands, never flagged (NHS, GP, ...)
     */
    public PlainLanguageChecker(Map<String, String> glossary, Set<String> understood) {
        this.glossary = Map.copyOf(glossary);
        this.understood = Set.copyOf(understood);
        glossary.forEach((term, plain) -> {
            boolean capitalsOnly = term.equals(term.toUpperCase(Locale.ROOT)) && !DIGIT.matcher(term).find()
                    && !term.contains("-");
            if (!capitalsOnly) {
                anyCase.put(term.toLowerCase(Locale.ROOT), plain);
            }
        });
    }

    /** Reads {@code term,plain} lines; {@code #} comments, blank lines and the header are skipped. */
    public static PlainLanguageChecker fromGlossary(InputStream csv, String source, Set<String> understood) {
        Map<String, String> glossary = new LinkedHashMap<>();
        for (DataFileLines.Line line : DataFileLines.read(csv, source, "term,plain")) {
            String[] fields = line.split();
            String plain = fields[1];
            if (fields[0].isEmpty() || plain.isEmpty()) {
                throw new IllegalArgumentException(source + " line " + line.number() + ": expected 'term,plain wording'");
            }
            if (plain.startsWith("\"") && plain.endsWith("\"") && plain.length() > 1) {
                plain = plain.substring(1, plain.length() - 1);
            }
            glossary.put(fields[0], plain);
        }
        return new PlainLanguageChecker(glossary, understood);
    }

    /** The warnings for one field's text, each term once, in the order they first appear. */
    public List<PlainLanguageWarning> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, PlainLanguageWarning> found = new LinkedHashMap<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String compound = words.group();
            String suggestion = lookUp(compound);
            if (suggestion != null) {
                found.putIfAbsent(compound, new PlainLanguageWarning(field, compound, suggestion));
                continue;
            }
            for (String word : compound.split("-")) {
                String plain = lookUp(word);
                if (plain != null) {
                    found.putIfAbsent(word, new PlainLanguageWarning(field, word, plain));
                }
            }
        }
        Matcher acronyms = ACRONYM.matcher(text);
        while (acronyms.find()) {
            String acronym = acronyms.group();
            String bare = acronym.endsWith("s") ? acronym.substring(0, acronym.length() - 1) : acronym;
            if (!found.containsKey(acronym) && !understood.contains(bare) && lookUp(acronym) == null
                    && found.keySet().stream().noneMatch(term -> term.contains("-") && term.contains(acronym))) {
                found.putIfAbsent(acronym, new PlainLanguageWarning(field, acronym, null));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Checks several fields: field name to text. */
    public List<PlainLanguageWarning> check(Map<String, String> fields) {
        Set<PlainLanguageWarning> all = new LinkedHashSet<>();
        fields.forEach((field, text) -> all.addAll(check(field, text)));
        return List.copyOf(all);
    }

    private String lookUp(String word) {
        String exact = glossary.get(word);
        return exact != null ? exact : anyCase.get(word.toLowerCase(Locale.ROOT));
    }
}
