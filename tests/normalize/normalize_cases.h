// The table of normalization cases shared by the output and map tests.
#ifndef DOSSIER_TESTS_NORMALIZE_NORMALIZE_CASES_H_
#define DOSSIER_TESTS_NORMALIZE_NORMALIZE_CASES_H_

#include <string_view>

namespace dossier::testing {

struct NormalizeCase {
  std::string_view name;
  std::string_view raw;
  std::string_view expected;
  // The result depends on text elsewhere in the document (hyphenation
  // evidence), so a slice of it may normalize differently.
  bool uses_document_context = false;
};

// "sv" literals keep embedded NULs.
using namespace std::string_view_literals;

inline constexpr NormalizeCase kNormalizeCases[] = {
    {"plain", "Hello world.", "Hello world."},
    {"empty", "", ""},
    {"only_spaces", " \t\r\n\n  \f", ""},
    // Quotes.
    {"curly_double", "\u201CIt\u2019s\u201D", "\"It's\""},
    {"low_quotes", "\u201Ea\u201C \u201Ab\u2018 \u201Bc\u201F", "\"a\" 'b' 'c\""},
    {"primes", "5\u2032 10\u2033 tall", "5' 10\" tall"},
    {"guillemets", "\u00ABoui\u00BB", "\"oui\""},
    // Dashes.
    {"dashes", "1990\u20131995 \u2014 a\u2010b c\u2011d \u2012 \u2015 \u2212 5",
     "1990-1995 - a-b c-d - - - 5"},
    {"small_em_dash_after_nfkc", "a\uFE58b", "a - b"},
    {"em_dash_between_words", "half\u201429 reviews\u2015said", "half - 29 reviews - said"},
    {"em_dash_spaced_on_one_side", "a \u2014b c\u2014 d", "a - b c - d"},
    {"em_dash_spaced", "a \u2014 b", "a - b"},
    {"en_dash_stays_a_hyphen", "2019\u20132020", "2019-2020"},
    // NFKC.
    {"ligatures", "\uFB01nal o\uFB03ce \uFB02ow", "final office flow"},
    {"full_width", "\uFF21\uFF22\uFF23\uFF11\uFF12", "ABC12"},
    {"circled_and_superscript", "\u2460 x\u00B2 \u2163", "1 x2 IV"},
    {"compose_accent", "Jose\u0301 Bogota\u0301", "Jos\u00E9 Bogot\u00E1"},
    {"fraction", "\u00BD cup", "1/2 cup"},
    {"fraction_after_a_digit_is_a_number_of_its_own", "2\u00BD years, 3\u00BC miles", "2 1/2 years, 3 1/4 miles"},
    {"fraction_slash", "5\u20448 inch", "5/8 inch"},
    {"non_latin_kept", "\u0416\u0443\u043A \u4E2D\u6587", "\u0416\u0443\u043A \u4E2D\u6587"},
    // Hangul compatibility letters stay: NFKC would turn the interpunct
    // U+318D into a conjoining vowel that fuses with the syllable before it
    // ("\uC608\uBC29\u318D\uAD00\uB9AC" read as one garbled word), and
    // compose lone letters into syllables.
    {"hangul_compatibility_letters_kept", "\uC608\uBC29\u318D\uAD00\uB9AC \u3131\u314F \uFFA1",
     "\uC608\uBC29\u318D\uAD00\uB9AC \u3131\u314F \uFFA1"},
    // Spaces and invisible characters.
    {"nbsp", "a\u00A0b\u202Fc\u2009d\u3000e\u00A0\u00A0f", "a b c d e f"},
    {"zero_width", "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf", "abcdef"},
    {"bom", "\uFEFFHello", "Hello"},
    {"soft_hyphen", "im\u00ADmigration", "immigration"},
    {"soft_hyphen_between_spaces", "a \u00AD b", "a b"},
    {"line_separators", "one\u2028two\u2029three", "one two\n\nthree"},
    // Whitespace.
    {"spaces_and_tabs", "  a  \t b  ", "a b"},
    {"wrapped_line", "a\nb", "a b"},
    {"crlf", "a\r\nb", "a b"},
    {"paragraph", "a\n\nb", "a\n\nb"},
    {"crlf_paragraph", "a\r\n\r\nb", "a\n\nb"},
    {"many_newlines", "a\n \n\n\n\t b", "a\n\nb"},
    {"list_items_are_blocks", "fueron:\n  - Venezuela: 96.870\n  \u2022 M\u00e9xico: 41.905\nmore",
     "fueron:\n\n- Venezuela: 96.870\n\n\u2022 M\u00e9xico: 41.905 more"},
    {"numbered_items_are_blocks", "Notes\n(1) UNHCR, Guidelines.\n[2] IOM, Report.\n(2019) stays joined\nand (a) too",
     "Notes\n\n(1) UNHCR, Guidelines.\n\n[2] IOM, Report. (2019) stays joined and (a) too"},
    {"lone_cr", "a\rb", "a b"},
    {"two_cr", "a\r\rb", "a\n\nb"},
    {"leading_paragraphs", "\n\n a", "a"},
    {"form_feed", "page one\fpage two", "page one page two"},
    {"nel", "a\u0085b", "a b"},
    // Controls.
    {"nul", "a\0b"sv, "a b"},
    {"c0", "a\x01\x02" "b\x0B" "c\x7F" "d", "a b c d"},
    {"c1", "a\u0080b\u009Fc", "a b c"},
    {"escape_sequence", "\x1B[0mred", "[0mred"},
    // Invalid UTF-8.
    {"stray_byte", "a\xFF" "b", "a\uFFFDb"},
    {"truncated_at_end", "euro \xE2\x82", "euro \uFFFD"},
    {"truncated_in_middle", "\xE2\x82x", "\uFFFDx"},
    {"overlong", "\xC0\xAF", "\uFFFD\uFFFD"},
    {"surrogate", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
    {"above_max", "\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
    {"valid_multibyte", "\xE2\x82\xAC 5", "\u20AC 5"},
    // Line-end hyphenation.
    {"hyphen_join", "the immi-\ngration court", "the immigration court"},
    {"hyphen_join_indented", "immi-\n   gration", "immigration"},
    {"hyphen_join_space_before_newline", "immi- \ngration", "immigration"},
    {"hyphen_join_crlf", "immi-\r\ngration", "immigration"},
    {"hyphen_join_form_feed", "immi-\fgration", "immigration"},
    {"hyphen_join_unicode_hyphen", "immi\u2010\ngration", "immigration"},
    {"hyphen_join_non_ascii", "na\u00EF-\nve", "na\u00EFve"},
    {"hyphen_join_compound_left", "self-employ-\nment", "self-employment"},
    {"hyphen_kept_known_compound", "asylum-seekers and asylum-\nseekers",
     "asylum-seekers and asylum-seekers", true},
    {"hyphen_kept_known_compound_other_case", "Asylum-Seekers; asylum-\nseekers",
     "Asylum-Seekers; asylum-seekers", true},
    {"hyphen_kept_upper", "the Trump-\nAdministration", "the Trump-Administration"},
    {"hyphen_kept_digit", "COVID-\n19 cases", "COVID-19 cases"},
    {"hyphen_kept_number_range", "No. 19-\n15716", "No. 19-15716"},
    {"hyphen_joined_word_known", "McAleenan sued; Mc-\nAleenan", "McAleenan sued; McAleenan",
     true},
    {"hyphen_joined_beats_hyphenated", "e-mail, email, e-\nmail", "e-mail, email, email",
     true},
    {"hyphen_before_paragraph", "immi-\n\ngration", "immi-\n\ngration"},
    {"hyphen_before_space", "immi- gration", "immi- gration"},
    {"hyphen_before_quote", "foo-\n\"bar\"", "foo- \"bar\""},
    {"dash_after_space", "word -\nword", "word - word"},
    {"double_hyphen", "word--\nword", "word-- word"},
    {"hyphen_at_end", "ends with-\n", "ends with-"},
    {"soft_hyphen_line_end", "immi\u00AD\ngration", "immigration"},
    {"soft_hyphen_line_end_upper", "Trump\u00AD\nAdministration", "TrumpAdministration"},
    // Everything at once.
    {"mixed",
     "\uFEFF  \u201CThe \uFB01rst immi-\ngrants\u201D arrived on Jan.\u00A025,\n2019 "
     "\u2014 see 8 U.S.C.\u00A0\u00A7\u00A01225.\r\n\r\n\r\nNext\u00A0paragraph\x01.  ",
     "\"The first immigrants\" arrived on Jan. 25, 2019 - see 8 U.S.C. \u00A7 1225."
     "\n\nNext paragraph ."},
};

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_NORMALIZE_NORMALIZE_CASES_H_
