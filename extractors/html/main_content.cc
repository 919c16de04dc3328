#include "extractors/html/main_content.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <unordered_set>

namespace dossier {

namespace {

// Blocks shorter than this (in characters) are not scored as paragraphs.
constexpr uint32_t kMinParagraphChars = 25;
// A result shorter than this makes the extractor try a looser method.
constexpr uint32_t kThinResultChars = 250;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Returns the number of characters (code points) of `s` that are not
// whitespace, and counts its commas into `commas`.
uint32_t CountChars(std::string_view s, uint32_t& commas) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) == 0x80 || IsSpace(static_cast<char>(b))) continue;
    ++n;
    if (b == ',') {
      ++commas;
    } else if (b == 0xEF && i + 2 < s.size() && s[i + 1] == '\xBC' && s[i + 2] == '\x8C') {
      ++commas;  // full-width comma
    } else if (b == 0xE3 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x81') {
      ++commas;  // ideographic comma
    }
  }
  return n;
}

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kRoot: case Tag::kHtml: case Tag::kBody: case Tag::kAddress: case Tag::kArticle:
    case Tag::kAside: case Tag::kBlockquote: case Tag::kCaption: case Tag::kCenter:
    case Tag::kDd: case Tag::kDetails: case Tag::kDialog: case Tag::kDiv: case Tag::kDl:
    case Tag::kDt: case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure:
    case Tag::kFooter: case Tag::kForm: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHeader: case Tag::kHgroup:
    case Tag::kHr: case Tag::kLegend: case Tag::kLi: case Tag::kMain: case Tag::kMenu:
    case Tag::kNav: case Tag::kOl: case Tag::kP: case Tag::kPre: case Tag::kSection:
    case Tag::kSummary: case Tag::kTable: case Tag::kTbody: case Tag::kTd: case Tag::kTfoot:
    case Tag::kTh: case Tag::kThead: case Tag::kTr: case Tag::kUl:
      return true;
    default:
      return false;
  }
}

// Elements that never hold readable text.
bool IsDeadTag(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath: case Tag::kCanvas: case Tag::kIframe: case Tag::kObject:
    case Tag::kEmbed: case Tag::kVideo: case Tag::kAudio: case Tag::kHead: case Tag::kTitle:
    case Tag::kMeta: case Tag::kLink: case Tag::kInput: case Tag::kButton: case Tag::kSelect:
    case Tag::kTextarea: case Tag::kOption: case Tag::kDialog: case Tag::kPicture:
    case Tag::kSource:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Class and id words that mark boilerplate. A word matches a token that
// starts with it ("comment" matches "comments", "commentlist").
constexpr std::string_view kNegativePrefixes[] = {
    "comment",  "disqus",     "share",     "sharing",   "social",     "related",    "recommend",
    "newsletter", "subscri",  "signup",    "cookie",    "consent",    "gdpr",       "promo",
    "sponsor",  "advert",     "sidebar",   "footer",    "breadcrumb", "pagination", "pager",
    "popup",    "modal",      "masthead",  "navbar",    "navigation", "menu",       "toolbar",
    "outbrain", "taboola",    "recirc",    "trending",  "popular",    "widget",     "byline",
    "login",    "signin",     "donate",    "skip",      "header",     "banner",     "timestamp",
    "overlay",    "syndicat",  "jump",      "follow",     "caption"};
// Words that only count as a whole token.
constexpr std::string_view kNegativeWords[] = {
    "nav",   "ad",    "ads",     "adv", "tags", "tag",     "meta",   "hidden", "hide",
    "print", "reply", "replies", "rss", "bio",  "sr",      "screen", "credit", "author",
    "authors"};
constexpr std::string_view kPositivePrefixes[] = {
    "article", "content", "main", "body", "story", "post", "entry", "text", "prose"};

enum class Hint : int8_t { kNone = 0, kNegative = -1, kPositive = 1 };

// Returns the verdict of one class name (or id): negative words win inside a
// name ("article-comments" is boilerplate).
Hint ClassHint(std::string_view cls) {
  bool pos = false;
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && !std::isalnum(static_cast<unsigned char>(cls[i]))) ++i;
    size_t j = i;
    // A token ends at a non-alphanumeric or at a camelCase step (articleBody).
    while (j < cls.size() && std::isalnum(static_cast<unsigned char>(cls[j]))) {
      if (j > i && std::isupper(static_cast<unsigned char>(cls[j])) &&
          std::islower(static_cast<unsigned char>(cls[j - 1]))) {
        break;
      }
      ++j;
    }
    if (j == i) break;
    std::string token(cls.substr(i, j - i));
    for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    i = j;
    for (std::string_view w : kNegativeWords) {
      if (token == w) return Hint::kNegative;
    }
    for (std::string_view p : kNegativePrefixes) {
      if (token.compare(0, p.size(), p) == 0) return Hint::kNegative;
    }
    for (std::string_view p : kPositivePrefixes) {
      if (token.compare(0, p.size(), p) == 0) pos = true;
    }
  }
  return pos ? Hint::kPositive : Hint::kNone;
}

// Returns the verdict of an element's class list and id together: boilerplate
// when some name is negative and none positive.
Hint ElementHint(std::string_view classes, std::string_view id) {
  bool neg = false, pos = false;
  auto visit = [&](std::string_view name) {
    const Hint h = ClassHint(name);
    neg |= h == Hint::kNegative;
    pos |= h == Hint::kPositive;
  };
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && IsSpace(classes[i])) ++i;
    size_t j = i;
    while (j < classes.size() && !IsSpace(classes[j])) ++j;
    if (j > i) visit(classes.substr(i, j - i));
    i = j;
  }
  if (!id.empty()) visit(id);
  if (pos) return Hint::kPositive;
  return neg ? Hint::kNegative : Hint::kNone;
}

bool ContainsNoSpaceLower(std::string_view s, std::string_view needle) {
  std::string t;
  t.reserve(s.size());
  for (char c : s) {
    if (!IsSpace(c)) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return t.find(needle) != std::string::npos;
}

// Word 3-gram hashes, for comparing page text with the JSON-LD articleBody.
void AddTrigrams(std::string_view s, std::vector<uint64_t>& words, std::vector<uint64_t>& out) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !(std::isalnum(static_cast<unsigned char>(s[i])) ||
                             static_cast<unsigned char>(s[i]) >= 0x80)) {
      ++i;
    }
    if (i >= s.size()) break;
    uint64_t h = 1469598103934665603ULL;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) ||
                            static_cast<unsigned char>(s[i]) >= 0x80)) {
      h = (h ^ static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(s[i])))) *
          1099511628211ULL;
      ++i;
    }
    words.push_back(h);
    const size_t n = words.size();
    if (n >= 3) out.push_back(words[n - 3] * 31 * 31 + words[n - 2] * 31 + words[n - 1]);
  }
}

class ContentFinder {
 public:
  ContentFinder(const HtmlTree& tree, const PageMetadata& meta, bool keep_captions)
      : t_(tree), meta_(meta), keep_captions_(keep_captions), n_(tree.size()) {}

  MainContent Run() {
    Classify();
    MainContent result;
    result.method = "scored";
    result.blocks = Extract(/*use_hints=*/true);
    uint32_t chars = total_chars_;
    if (chars < kThinResultChars) {
      std::vector<ContentBlock> relaxed = Extract(/*use_hints=*/false);
      if (total_chars_ > 2 * chars) {
        result.blocks = std::move(relaxed);
        result.method = "relaxed";
        chars = total_chars_;
      }
    }
    if (chars < kThinResultChars / 2) {
      std::vector<ContentBlock> body = ExtractWhole();
      if (total_chars_ > 2 * chars) {
        result.blocks = std::move(body);
        result.method = "body";
      }
    }
    return result;
  }

 private:
  enum Flags : uint16_t {
    kDead = 1,        // never text
    kBoilerTag = 2,   // boilerplate by tag or role
    kBoilerHint = 4,  // boilerplate by class/id
    kPositive = 8,    // content by class/id
    kInLink = 16,     // inside an <a>
    kBlock = 32,
    kMainLike = 64,   // <main>, role=main, itemprop=articleBody
    kArticle = 128,   // <article>
  };

  size_t idx(int32_t i) const { return static_cast<size_t>(i); }
  const HtmlNode& node(int32_t i) const { return t_.node(i); }

  // Step 1 and 2: flags, then bottom-up counts.
  void Classify() {
    flags_.assign(n_, 0);
    chars_.assign(n_, 0);
    link_chars_.assign(n_, 0);
    own_chars_.assign(n_, 0);
    own_link_chars_.assign(n_, 0);
    own_commas_.assign(n_, 0);
    block_of_.assign(n_, 0);
    has_main_.assign(n_, 0);
    table_layout_.assign(n_, 0);
    max_cell_.assign(n_, 0);
    flags_[0] = kBlock;
    for (int32_t i = 1; i < static_cast<int32_t>(n_); ++i) {
      const HtmlNode& n = node(i);
      const uint16_t pf = flags_[idx(n.parent)];
      uint16_t f = pf & (kDead | kInLink);
      block_of_[idx(i)] = (pf & kBlock) ? n.parent : block_of_[idx(n.parent)];
      if (n.tag == Tag::kText) {
        flags_[idx(i)] = f;
        continue;
      }
      if (IsBlockTag(n.tag)) f |= kBlock;
      if (n.tag == Tag::kA) f |= kInLink;
      if (IsDeadTag(n.tag) || t_.HasAttr(i, "hidden") || t_.Attr(i, "aria-hidden") == "true") {
        f |= kDead;
      }
      const std::string_view style = t_.Attr(i, "style");
      if (!style.empty() && (ContainsNoSpaceLower(style, "display:none") ||
                             ContainsNoSpaceLower(style, "visibility:hidden"))) {
        f |= kDead;
      }
      const std::string_view role = t_.Attr(i, "role");
      if (n.tag == Tag::kNav || n.tag == Tag::kAside || n.tag == Tag::kFooter ||
          n.tag == Tag::kHeader || n.tag == Tag::kMenu || n.tag == Tag::kForm ||
          role == "navigation" || role == "banner" || role == "contentinfo" ||
          role == "complementary" || role == "search" || role == "menu" || role == "menubar" ||
          role == "dialog" || role == "alertdialog" || role == "toolbar") {
        // Forms are boilerplate unless they hold the page (ASP.NET wraps all).
        f |= kBoilerTag;
      }
      const std::string_view itemprop = t_.Attr(i, "itemprop");
      if (n.tag == Tag::kMain || role == "main" || itemprop == "articleBody" ||
          itemprop == "reviewBody" || itemprop == "text") {
        f |= kMainLike;
      }
      if (n.tag == Tag::kArticle || role == "article") f |= kArticle;
      const Hint h = ElementHint(t_.Attr(i, "class"), t_.Attr(i, "id"));
      if (h == Hint::kNegative && n.tag != Tag::kBody && n.tag != Tag::kHtml) f |= kBoilerHint;
      if (h == Hint::kPositive) f |= kPositive;
      flags_[idx(i)] = f;
    }
    // Bottom-up: children come after their parent in node order.
    for (int32_t i = static_cast<int32_t>(n_) - 1; i >= 1; --i) {
      const HtmlNode& n = node(i);
      const size_t p = idx(n.parent);
      if (flags_[idx(i)] & kDead) continue;
      if (n.tag == Tag::kText) {
        uint32_t commas = 0;
        const uint32_t c = CountChars(t_.Text(i), commas);
        chars_[idx(i)] = c;
        if (flags_[idx(i)] & kInLink) link_chars_[idx(i)] = c;
        const size_t b = idx(block_of_[idx(i)]);
        own_chars_[b] += c;
        own_commas_[b] += commas;
        if (flags_[idx(i)] & kInLink) own_link_chars_[b] += c;
      }
      chars_[p] += chars_[idx(i)];
      link_chars_[p] += link_chars_[idx(i)];
      if (flags_[idx(i)] & kMainLike) has_main_[idx(i)] |= 1;
      has_main_[p] |= has_main_[idx(i)] & 1;
      // Layout tables: a table inside, a heading, or a long cell. Bits:
      // 1 holds a table, 2 a table with a table inside, 4 holds a heading.
      uint8_t& mine = table_layout_[idx(i)];
      if (n.tag == Tag::kTable && (mine & 1)) mine |= 2;
      uint8_t up = mine & 4;
      if ((mine & 1) || n.tag == Tag::kTable) up |= 1;
      if (IsHeading(n.tag) || n.tag == Tag::kSection || n.tag == Tag::kArticle) up |= 4;
      table_layout_[p] |= up;
      if (n.tag == Tag::kTd || n.tag == Tag::kTh) {
        max_cell_[idx(i)] = std::max(max_cell_[idx(i)], chars_[idx(i)]);
      }
      if (n.tag != Tag::kTable) max_cell_[p] = std::max(max_cell_[p], max_cell_[idx(i)]);
    }
    body_ = 0;
    for (int32_t i = 1; i < static_cast<int32_t>(n_); ++i) {
      if (node(i).tag == Tag::kBody) {
        body_ = i;
        break;
      }
    }
    // Hints and tags never remove what holds most of the page.
    const uint32_t total = chars_[idx(body_)];
    for (int32_t i = 1; i < static_cast<int32_t>(n_); ++i) {
      uint16_t& f = flags_[idx(i)];
      if (!(f & (kBoilerTag | kBoilerHint))) continue;
      if ((has_main_[idx(i)] & 1) || chars_[idx(i)] * 10 >= total * 6) {
        f &= static_cast<uint16_t>(~(kBoilerTag | kBoilerHint));
      }
    }
    if (!meta_.article_body.empty()) PrepareArticleBody();
  }

  bool IsDataTable(int32_t table) const {
    const uint8_t l = table_layout_[idx(table)];
    return !(l & 2) && !(l & 4) && max_cell_[idx(table)] <= 600;
  }

  // Word 3-grams of the JSON-LD articleBody and their hits per node.
  void PrepareArticleBody() {
    std::string body;
    body.reserve(meta_.article_body.size());
    bool in_tag = false;
    for (char c : meta_.article_body) {  // some sites put HTML in articleBody
      if (c == '<') in_tag = true;
      if (!in_tag) body += c;
      if (c == '>') in_tag = false;
    }
    std::vector<uint64_t> words, grams;
    AddTrigrams(body, words, grams);
    if (grams.size() < 30) return;
    ab_grams_.insert(grams.begin(), grams.end());
    ab_total_ = static_cast<uint32_t>(ab_grams_.size());
    ab_hits_.assign(n_, 0);
    ab_all_.assign(n_, 0);
    std::unordered_set<uint64_t> seen;
    for (int32_t i = 1; i < static_cast<int32_t>(n_); ++i) {
      if (node(i).tag != Tag::kText || (flags_[idx(i)] & kDead)) continue;
      words.clear();
      grams.clear();
      AddTrigrams(t_.Text(i), words, grams);
      uint32_t hits = 0;
      for (uint64_t g : grams) {
        if (ab_grams_.count(g) && seen.insert(g).second) ++hits;
      }
      ab_hits_[idx(i)] = hits;
      ab_all_[idx(i)] = static_cast<uint32_t>(grams.size());
    }
    for (int32_t i = static_cast<int32_t>(n_) - 1; i >= 1; --i) {
      const size_t p = idx(node(i).parent);
      ab_hits_[p] += ab_hits_[idx(i)];
      ab_all_[p] += ab_all_[idx(i)];
    }
  }

  bool Boiler(int32_t i, bool use_hints) const {
    const uint16_t f = flags_[idx(i)];
    return (f & kBoilerTag) || (use_hints && (f & kBoilerHint));
  }

  // Step 3: scores, candidates, and the chosen roots.
  std::vector<int32_t> ChooseRoots(bool use_hints) {
    std::vector<float> score(n_, 0.f);
    std::vector<uint8_t> in_boiler(n_, 0);
    std::vector<uint32_t> clean_chars(n_, 0), clean_links(n_, 0);
    for (int32_t i = 1; i < static_cast<int32_t>(n_); ++i) {
      in_boiler[idx(i)] = in_boiler[idx(node(i).parent)] || Boiler(i, use_hints);
    }
    for (int32_t i = static_cast<int32_t>(n_) - 1; i >= 1; --i) {
      if ((flags_[idx(i)] & kDead) || in_boiler[idx(i)]) continue;
      if (node(i).tag == Tag::kText) {
        clean_chars[idx(i)] = chars_[idx(i)];
        clean_links[idx(i)] = link_chars_[idx(i)];
      }
      clean_chars[idx(node(i).parent)] += clean_chars[idx(i)];
      clean_links[idx(node(i).parent)] += clean_links[idx(i)];
    }
    std::vector<int32_t> scored;
    std::vector<float> mass(n_, 0.f);
    for (int32_t i = 1; i < static_cast<int32_t>(n_); ++i) {
      const HtmlNode& n = node(i);
      if (!(flags_[idx(i)] & kBlock) || (flags_[idx(i)] & kDead) || in_boiler[idx(i)]) continue;
      const uint32_t own = own_chars_[idx(i)];
      if (own < kMinParagraphChars || IsHeading(n.tag)) continue;
      const float ld = static_cast<float>(own_link_chars_[idx(i)]) / static_cast<float>(own);
      float s = (1.f + static_cast<float>(own_commas_[idx(i)]) +
                 std::min(static_cast<float>(own) / 100.f, 3.f)) *
                (1.f - ld);
      if (n.tag == Tag::kLi || n.tag == Tag::kDt || n.tag == Tag::kDd) s *= 0.5f;
      // Mass of good paragraphs (long, few links), credited to every ancestor.
      if (own >= 80 && ld < 0.2f) {
        for (int32_t a = n.parent; a > 0; a = node(a).parent) mass[idx(a)] += s;
      }
      int level = 0;
      for (int32_t a = n.parent; a > 0 && level < 5; a = node(a).parent) {
        if (!(flags_[idx(a)] & kBlock)) continue;
        const float div = level == 0 ? 1.f : level == 1 ? 2.f : 3.f * static_cast<float>(level);
        if (score[idx(a)] == 0.f) scored.push_back(a);
        score[idx(a)] += s / div;
        ++level;
      }
    }
    if (scored.empty()) return {};
    // Final candidate scores: damped by link density, adjusted by semantics.
    std::vector<float> final_score(n_, 0.f);
    for (int32_t c : scored) {
      const uint32_t cc = clean_chars[idx(c)];
      const float ld = cc ? static_cast<float>(clean_links[idx(c)]) / static_cast<float>(cc) : 0.f;
      float s = score[idx(c)] * (1.f - ld);
      const uint16_t f = flags_[idx(c)];
      if (f & kMainLike) s *= 1.5f;
      if (f & kArticle) s *= 1.25f;
      if (use_hints && (f & kPositive)) s *= 1.25f;
      final_score[idx(c)] = s;
    }
    std::sort(scored.begin(), scored.end(),
              [&](int32_t a, int32_t b) { return final_score[idx(a)] > final_score[idx(b)]; });
    int32_t top = scored.front();
    const float top_score = final_score[idx(top)];

    // Several strong candidates under one ancestor: the ancestor holds the
    // article (paragraphs split into sibling containers).
    std::vector<int32_t> strong;
    for (size_t k = 1; k < scored.size() && strong.size() < 5; ++k) {
      if (final_score[idx(scored[k])] >= 0.75f * top_score) strong.push_back(scored[k]);
    }
    if (strong.size() >= 3) {
      for (int32_t a = node(top).parent; a > 0 && a != body_; a = node(a).parent) {
        int inside = 0;
        for (int32_t s : strong) {
          for (int32_t x = s; x > 0; x = node(x).parent) {
            if (x == a) {
              ++inside;
              break;
            }
          }
        }
        if (inside >= 3) {
          top = a;
          break;
        }
      }
    }
    // Climb while the parent scores better (the article is one level up).
    {
      float last = final_score[idx(top)];
      const float threshold = last / 3.f;
      for (int32_t a = node(top).parent; a > 0 && a != body_; a = node(a).parent) {
        if (final_score[idx(a)] == 0.f) continue;
        if (final_score[idx(a)] < threshold) break;
        if (final_score[idx(a)] > last) {
          top = a;
          break;
        }
        last = final_score[idx(a)];
      }
    }
    // An only child stands for its parent, so its siblings can be looked at.
    while (node(top).parent > 0 && node(top).parent != body_) {
      const int32_t p = node(top).parent;
      int elements = 0;
      for (int32_t c = node(p).first_child; c >= 0; c = node(c).next) {
        if (node(c).tag != Tag::kText && !(flags_[idx(c)] & kDead)) ++elements;
      }
      if (elements != 1 || in_boiler[idx(p)]) break;
      top = p;
    }

    // An article split into chunks that are not siblings (grid cells,
    // sections): climb while an ancestor holds much more good paragraph
    // text than the node chosen.
    for (int level = 0; level < 3; ++level) {
      const int32_t p = node(top).parent;
      if (p <= 0 || p == body_) break;
      int32_t a = node(p).parent;
      if (a <= 0 || a == body_ || in_boiler[idx(a)]) break;
      if (mass[idx(a)] < 1.3f * mass[idx(p)] || mass[idx(p)] <= 0.f) break;
      top = a;
    }
    top = CrossCheckArticleBody(top, use_hints);

    // Siblings that score close to the top, or plain paragraphs.
    std::vector<int32_t> roots;
    const int32_t parent = node(top).parent;
    if (parent <= 0) return {top};
    const float threshold = std::max(10.f, final_score[idx(top)] * 0.2f);
    const std::string_view top_class = t_.Attr(top, "class");
    for (int32_t s = node(parent).first_child; s >= 0; s = node(s).next) {
      if (s == top) {
        roots.push_back(s);
        continue;
      }
      if (node(s).tag == Tag::kText || (flags_[idx(s)] & kDead) || in_boiler[idx(s)]) continue;
      float bonus = 0.f;
      if (!top_class.empty() && t_.Attr(s, "class") == top_class) bonus = final_score[idx(top)] * 0.2f;
      bool take = final_score[idx(s)] + bonus >= threshold;
      // A <div> that is a paragraph in all but name (its text is its own).
      const bool div_paragraph = (node(s).tag == Tag::kDiv || node(s).tag == Tag::kSection) &&
                                 own_chars_[idx(s)] * 10 >= clean_chars[idx(s)] * 9;
      if (!take && (node(s).tag == Tag::kP || node(s).tag == Tag::kBlockquote ||
                    node(s).tag == Tag::kUl || node(s).tag == Tag::kOl || div_paragraph)) {
        const uint32_t c = clean_chars[idx(s)];
        const float ld = c ? static_cast<float>(clean_links[idx(s)]) / static_cast<float>(c) : 1.f;
        if (c > 80 && ld < 0.25f) take = true;
        if (c > 0 && c <= 80 && ld == 0.f && (node(s).tag == Tag::kP || div_paragraph)) {
          const std::string text = BlockText(s);
          if (!text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?')) {
            take = true;
          }
        }
      }
      if (take) roots.push_back(s);
    }
    return roots;
  }

  // Step 4: when the JSON-LD articleBody is on the page and the chosen node
  // holds too little of it, the smallest node holding most of it wins.
  int32_t CrossCheckArticleBody(int32_t top, bool /*use_hints*/) {
    if (ab_total_ == 0) return top;
    const uint32_t best_hits = ab_hits_[idx(body_)];
    if (best_hits * 2 < ab_total_) return top;  // not really on this page
    const int32_t parent = node(top).parent > 0 ? node(top).parent : top;
    if (ab_hits_[idx(parent)] * 10 >= best_hits * 8) return top;
    // The deepest element holding 90% of what the page holds.
    int32_t best = body_;
    for (int32_t i = body_ + 1; i < static_cast<int32_t>(n_); ++i) {
      if (node(i).tag == Tag::kText) continue;
      if (ab_hits_[idx(i)] * 10 >= best_hits * 9 && ab_all_[idx(i)] < ab_all_[idx(best)]) best = i;
    }
    return best;
  }

  std::string BlockText(int32_t i) const {
    std::string out;
    for (int32_t k = i + 1; k < static_cast<int32_t>(n_); ++k) {
      // Descendants are contiguous in node order.
      int32_t a = k;
      while (a > i) a = node(a).parent;
      if (a != i) break;
      if (node(k).tag == Tag::kText) out += t_.Text(k);
    }
    while (!out.empty() && IsSpace(out.back())) out.pop_back();
    return out;
  }

  // Step 5: blocks from the chosen roots.
  std::vector<ContentBlock> Extract(bool use_hints) {
    const std::vector<int32_t> roots = ChooseRoots(use_hints);
    return Emit(roots, use_hints, /*filter_links=*/true);
  }

  std::vector<ContentBlock> ExtractWhole() {
    return Emit({body_ > 0 ? body_ : 0}, /*use_hints=*/false, /*filter_links=*/true);
  }

  struct Builder {
    ContentBlock block;
    uint32_t chars = 0;
    uint32_t link_chars = 0;
    int cells = 0;
  };

  void Flush(Builder& b, std::vector<ContentBlock>& out) {
    if (b.chars > 0) {
      const float ld = static_cast<float>(b.link_chars) / static_cast<float>(b.chars);
      // Link lines ("Read more: <a>...</a>") are navigation, not content.
      const bool drop = ld > 0.6f && b.block.role != Role::kTable;
      if (!drop) {
        ContentBlock trimmed = Trim(b.block);
        if (!trimmed.runs.empty()) {
          total_chars_ += b.chars;
          out.push_back(std::move(trimmed));
        }
      }
    }
    b.block.runs.clear();
    b.chars = 0;
    b.link_chars = 0;
    b.cells = 0;
  }

  // Returns the block with whitespace trimmed at its ends and every inner
  // whitespace run cut to its first character (a verbatim byte).
  ContentBlock Trim(const ContentBlock& in) const {
    ContentBlock out;
    out.role = in.role;
    out.tag = in.tag;
    out.note = in.note;
    bool started = false;
    ContentRun pending;
    bool has_pending = false;
    auto emit = [&](const ContentRun& r) {
      if (!r.inserted.empty() || out.runs.empty() || !out.runs.back().inserted.empty() ||
          out.runs.back().end != r.begin) {
        out.runs.push_back(r);
      } else {
        out.runs.back().end = r.end;
      }
    };
    const std::string& text = t_.text();
    for (const ContentRun& r : in.runs) {
      if (!r.inserted.empty()) {
        if (!started) continue;
        if (has_pending && !pending.inserted.empty() && pending.inserted == "\n" &&
            r.inserted == "\n") {
          pending.inserted = "\n\n";
        } else if (!has_pending || pending.inserted.empty() || r.inserted != "\n") {
          pending = r;
        }
        has_pending = true;
        continue;
      }
      uint32_t i = r.begin;
      while (i < r.end) {
        if (IsSpace(text[i])) {
          if (started && !has_pending) {
            pending = ContentRun{i, i + 1, {}};
            has_pending = true;
          }
          while (i < r.end && IsSpace(text[i])) ++i;
          continue;
        }
        uint32_t j = i;
        while (j < r.end && !IsSpace(text[j])) ++j;
        if (started && has_pending) emit(pending);
        has_pending = false;
        emit(ContentRun{i, j, {}});
        started = true;
        i = j;
      }
    }
    return out;
  }

  Role RoleFor(Tag tag, Role parent) const {
    if (IsHeading(tag)) return Role::kHeading;
    if (parent == Role::kFootnote) return parent;  // a footnote list's items are footnotes
    switch (tag) {
      case Tag::kLi: case Tag::kDt: case Tag::kDd:
        return Role::kListItem;
      case Tag::kBlockquote:
        return Role::kQuote;
      case Tag::kFigcaption: case Tag::kCaption:
        return Role::kCaption;
      default:
        break;
    }
    if (parent == Role::kQuote || parent == Role::kListItem || parent == Role::kCaption) return parent;
    return Role::kBody;
  }

  // Returns the number of footnote item `i`: the last digits of its id
  // ("fn2", "footnote-2"), else its place in its list (from the list's
  // `start`); "" when it is no list item.
  std::string NoteNumber(int32_t i) const {
    if (node(i).tag != Tag::kLi) return "";
    const std::string_view id = t_.Attr(i, "id");
    size_t end = id.size();
    while (end > 0 && !std::isdigit(static_cast<unsigned char>(id[end - 1]))) --end;
    size_t begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(id[begin - 1]))) --begin;
    if (begin < end && end - begin <= 4) return std::string(id.substr(begin, end - begin));
    const int32_t parent = node(i).parent;
    long number = ItemPlace(i);
    if (parent >= 0) {
      const std::string_view start = t_.Attr(parent, "start");
      if (!start.empty() && start.size() <= 4 &&
          std::all_of(start.begin(), start.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        number += std::stol(std::string(start)) - 1;
      }
    }
    return std::to_string(number);
  }

  // Returns the 1-based place of <li> `i` among its parent's <li> children.
  // Places are counted for the whole tree at the first call, in one pass:
  // counting siblings per item would make a list of n notes cost n^2.
  long ItemPlace(int32_t i) const {
    if (item_place_.empty()) {
      item_place_.assign(n_, 0);
      for (size_t p = 0; p < n_; ++p) {
        int32_t place = 0;
        for (int32_t c = node(static_cast<int32_t>(p)).first_child; c >= 0; c = node(c).next) {
          if (node(c).tag == Tag::kLi) item_place_[idx(c)] = ++place;
        }
      }
    }
    return item_place_[idx(i)];
  }

  // Returns true when element `i` holds footnotes or endnotes.
  bool IsFootnote(int32_t i) const {
    for (std::string_view v : {t_.Attr(i, "class"), t_.Attr(i, "id"), t_.Attr(i, "role")}) {
      std::string lower(v);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower.find("footnote") != std::string::npos ||
          lower.find("endnote") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  // Returns true when element `i` inside a root is left out.
  bool SkipInside(int32_t i, bool use_hints, bool filter_links) const {
    const uint16_t f = flags_[idx(i)];
    if (f & kDead) return true;
    if (Boiler(i, use_hints)) return true;
    const Tag tag = node(i).tag;
    // Figure captions are credits and image descriptions, not the main
    // text; the entities of a chart's caption still count.
    if (tag == Tag::kFigcaption && !keep_captions_) return true;
    if (filter_links) {
      const uint32_t c = chars_[idx(i)];
      if (c == 0) return false;
      const float ld = static_cast<float>(link_chars_[idx(i)]) / static_cast<float>(c);
      if ((tag == Tag::kUl || tag == Tag::kOl || tag == Tag::kDl || tag == Tag::kMenu) &&
          ld > 0.5f) {
        return true;
      }
      if ((tag == Tag::kDiv || tag == Tag::kSection || tag == Tag::kTable) && ld > 0.6f &&
          c > 20) {
        return true;
      }
    }
    return false;
  }

  std::vector<ContentBlock> Emit(const std::vector<int32_t>& roots, bool use_hints,
                                 bool filter_links) {
    total_chars_ = 0;
    std::vector<ContentBlock> out;
    Builder b;
    struct Frame {
      int32_t node;
      bool exit;
      bool flushes;
      bool pushed_role;
      bool pushed_table;
    };
    std::vector<Frame> stack;
    std::vector<Role> roles = {Role::kBody};
    // The footnote number of each pushed role: a footnote item's own, or
    // inherited by what it holds ("" outside footnotes). Moves with `roles`.
    std::vector<std::string> notes = {""};
    std::vector<uint8_t> tables;  // 1 = data table
    std::vector<int32_t> kids;
    for (int32_t root : roots) {
      stack.push_back({root, false, false, false, false});
      while (!stack.empty()) {
        Frame fr = stack.back();
        stack.pop_back();
        const HtmlNode& n = node(fr.node);
        if (fr.exit) {
          if (fr.flushes) Flush(b, out);
          if (fr.pushed_role) {
            roles.pop_back();
            notes.pop_back();
          }
          if (fr.pushed_table) tables.pop_back();
          continue;
        }
        if (n.tag == Tag::kText) {
          if (flags_[idx(fr.node)] & kDead) continue;
          if (b.block.runs.empty()) {
            b.block.role = roles.back();
            b.block.note = notes.back();
          }
          b.block.runs.push_back({n.text_begin, n.text_end, {}});
          b.chars += chars_[idx(fr.node)];
          b.link_chars += link_chars_[idx(fr.node)];
          continue;
        }
        if (fr.node != root && SkipInside(fr.node, use_hints, filter_links)) continue;
        if (fr.node == root && (flags_[idx(fr.node)] & kDead)) continue;
        if (n.tag == Tag::kBr) {
          b.block.runs.push_back({0, 0, "\n"});
          continue;
        }
        Frame exit{fr.node, true, false, false, false};
        const bool in_data_table = !tables.empty() && tables.back() == 1;
        if (n.tag == Tag::kTable) {
          Flush(b, out);
          tables.push_back(IsDataTable(fr.node) ? 1 : 0);
          exit.pushed_table = true;
          exit.flushes = true;
        } else if (in_data_table) {
          if (n.tag == Tag::kTr) {
            Flush(b, out);
            b.block.role = Role::kTable;
            b.block.tag = Tag::kTr;
            b.block.note.clear();
            roles.push_back(Role::kTable);
            notes.emplace_back();
            exit.pushed_role = true;
            exit.flushes = true;
          } else if (n.tag == Tag::kTd || n.tag == Tag::kTh) {
            if (b.cells++ > 0) b.block.runs.push_back({0, 0, " | "});
          } else if (n.tag == Tag::kCaption) {
            Flush(b, out);
            b.block.tag = n.tag;
            b.block.note.clear();
            roles.push_back(Role::kCaption);
            notes.emplace_back();
            exit.pushed_role = true;
            exit.flushes = true;
          } else if (IsBlockTag(n.tag) && b.cells > 0) {
            b.block.runs.push_back({0, 0, " "});
          }
        } else if (flags_[idx(fr.node)] & kBlock) {
          Flush(b, out);
          b.block.tag = n.tag;
          roles.push_back(IsFootnote(fr.node) ? Role::kFootnote : RoleFor(n.tag, roles.back()));
          std::string note;
          if (roles.back() == Role::kFootnote) {
            note = NoteNumber(fr.node);
            if (note.empty()) note = notes.back();
          }
          notes.push_back(std::move(note));
          b.block.role = roles.back();
          b.block.note = notes.back();
          exit.pushed_role = true;
          exit.flushes = true;
        }
        stack.push_back(exit);
        kids.clear();
        for (int32_t c = n.first_child; c >= 0; c = node(c).next) kids.push_back(c);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
          stack.push_back({*it, false, false, false, false});
        }
      }
      Flush(b, out);
    }
    return out;
  }

  const HtmlTree& t_;
  const PageMetadata& meta_;
  bool keep_captions_;
  size_t n_;
  int32_t body_ = 0;
  std::vector<uint16_t> flags_;
  std::vector<uint32_t> chars_, link_chars_, own_chars_, own_link_chars_, own_commas_;
  std::vector<int32_t> block_of_;
  mutable std::vector<int32_t> item_place_;  // see ItemPlace
  std::vector<uint8_t> has_main_, table_layout_;
  std::vector<uint32_t> max_cell_;
  std::unordered_set<uint64_t> ab_grams_;
  uint32_t ab_total_ = 0;
  std::vector<uint32_t> ab_hits_, ab_all_;
  uint32_t total_chars_ = 0;
};

}  // namespace

MainContent ExtractMainContent(const HtmlTree& tree, const PageMetadata& meta, bool keep_captions) {
  if (tree.size() <= 1) return {};
  ContentFinder finder(tree, meta, keep_captions);
  return finder.Run();
}

}  // namespace dossier
