//! Site-generator tags (Hugo `{{< … >}}` and `{{% … %}}`, Jekyll and Liquid `{% … %}`): what
//! a site removes or replaces before it renders the Markdown, so that their arguments are
//! neither dates nor quotes, and a multi-line tag's closing `>}}` is not read as a block
//! quote.
//!
//! A tag that opens a line (a block-level tag, possibly over several lines) is blanked out:
//! every byte of it but line ends becomes a space, so offsets and line numbers stay those of
//! the file and CommonMark sees blank lines where the tag was. Hugo's `blockquote` pair is
//! what its site renders as an attributed block quote: the text between the tags is
//! reported as a quote by the `by=` argument's name. A tag inside a line of text stays in
//! the text (the reader shows it as written); the finders pass over it ([`inline_tags`]).

use std::borrow::Cow;
use std::ops::Range;

/// A Hugo `{{< blockquote by="…" >}}` … `{{< /blockquote >}}` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagQuote {
    /// The bytes of the file between the opening and the closing tag.
    pub inner: Range<usize>,
    /// The name in `by=` before its first comma, markup removed.
    pub speaker: Option<String>,
}

/// What [`blank`] made of a file.
#[derive(Debug, Default)]
pub struct Blanked<'a> {
    /// The file with its block-level tags blanked (borrowed when it has none).
    pub file: Cow<'a, str>,
    /// Every `blockquote` pair, in order.
    pub quotes: Vec<TagQuote>,
}

/// The opening and closing marks of the tags read.
const TAGS: [(&str, &str); 3] = [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")];

/// Whether `body` may hold a tag: an opening `{%` or `{{`. Every tag opens so: one search for
/// `{` (rare in prose) and a look at the byte after each, not a substring search for each
/// opening.
pub fn has_tags(body: &str) -> bool {
    let body = body.as_bytes();
    let opens_a_tag = |at: usize| matches!(body.get(at + 1), Some(b'%' | b'{'));
    memchr::memchr_iter(b'{', body).any(opens_a_tag)
}

/// A tag is at most this long: an opening mark with no close within it is text.
const LONGEST_TAG: usize = 4096;

/// `file` with every block-level tag in its body (from `body_start`) blanked out, outside
/// fenced code; and its blockquote pairs.
pub fn blank(file: &str, body_start: usize) -> Blanked<'_> {
    if !has_tags(file.get(body_start..).unwrap_or_default()) {
        return Blanked {
            file: Cow::Borrowed(file),
            quotes: Vec::new(),
        };
    }
    let mut spans: Vec<(Range<usize>, Option<Opening>)> = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut at = body_start;
    while at < file.len() {
        let line_end =
            memchr::memchr(b'\n', &file.as_bytes()[at..]).map_or(file.len(), |i| at + i + 1);
        let line = &file[at..line_end];
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim_start_matches(' ');
        if let Some((mark, len)) = fence {
            if fence_of(content).is_some_and(|(m, l)| m == mark && l >= len)
                && content.trim_start_matches(mark as char).trim().is_empty()
            {
                fence = None;
            }
            at = line_end;
            continue;
        }
        if indent <= 3 {
            if let Some(f) = fence_of(content) {
                fence = Some(f);
                at = line_end;
                continue;
            }
            // Tags one after another, then nothing but the line's end: a block-level tag.
            let mut tags = Vec::new();
            let mut end = at + indent;
            while let Some(e) = tag_end(file, end) {
                tags.push((end..e, opening(&file[end..e])));
                end = e;
                while file
                    .as_bytes()
                    .get(end)
                    .is_some_and(|&b| b == b' ' || b == b'\t')
                {
                    end += 1;
                }
            }
            // A Liquid comment hides everything up to its `{% endcomment %}`.
            if let Some((last, _)) = tags
                .last()
                .filter(|(t, _)| is_comment_open(&file[t.clone()]))
            {
                if let Some(close) = comment_end(file, last.end) {
                    let from = last.start;
                    tags.pop();
                    tags.push((from..close, None));
                    end = close;
                }
            }
            let rest_of_line = file[end..].split('\n').next().unwrap_or_default();
            if !tags.is_empty() && rest_of_line.trim().is_empty() {
                spans.extend(tags);
                at = memchr::memchr(b'\n', &file.as_bytes()[end..])
                    .map_or(file.len(), |i| end + i + 1);
                continue;
            }
        }
        at = line_end;
    }
    if spans.is_empty() {
        return Blanked {
            file: Cow::Borrowed(file),
            quotes: Vec::new(),
        };
    }
    let mut bytes = file.as_bytes().to_vec();
    for (span, _) in &spans {
        for b in &mut bytes[span.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    let quotes = pair_blockquotes(&spans);
    // Only whole characters were replaced, each byte by a space: still UTF-8.
    let file = String::from_utf8(bytes).map_or(Cow::Borrowed(file), Cow::Owned);
    Blanked { file, quotes }
}

/// Whether a tag is Liquid's `{% comment %}` (`{%- comment -%}` too).
fn is_comment_open(tag: &str) -> bool {
    tag.strip_prefix("{%")
        .and_then(|t| t.strip_suffix("%}"))
        .map(|t| t.trim_matches(['-', ' ', '\t']))
        == Some("comment")
}

/// Where the `{% endcomment %}` after `from` ends.
fn comment_end(file: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(file.get(at..)?.as_bytes(), b"{%") {
        let start = at + i;
        let end = tag_end(file, start)?;
        let inner = file[start + 2..end - 2].trim_matches(['-', ' ', '\t']);
        if inner == "endcomment" {
            return Some(end);
        }
        at = end;
    }
    None
}

/// What a tag opens, when it is Hugo's blockquote shortcode or its end.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Opening {
    Quote(Option<String>),
    EndQuote,
}

/// The blockquote pairs among `spans`: each opening tag with the next closing one.
fn pair_blockquotes(spans: &[(Range<usize>, Option<Opening>)]) -> Vec<TagQuote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, Option<String>)> = None;
    for (span, what) in spans {
        match what {
            Some(Opening::Quote(by)) => open = Some((span.end, by.clone())),
            Some(Opening::EndQuote) => {
                if let Some((from, speaker)) = open.take() {
                    quotes.push(TagQuote {
                        inner: from..span.start,
                        speaker,
                    });
                }
            }
            None => {}
        }
    }
    quotes
}

/// The tags that set off a quotation: Hugo's `blockquote`, and the `testimonial`, `quote`
/// and `pullquote` of other generators (Markdoc's `{% testimonial name="…" %}`).
const QUOTE_TAGS: [&str; 4] = ["blockquote", "testimonial", "pullquote", "quote"];

/// The quotation tag `inside` opens with, and what follows its name.
fn quote_tag(inside: &str) -> Option<&str> {
    QUOTE_TAGS.iter().find_map(|name| {
        let rest = inside.strip_prefix(name)?;
        rest.starts_with(|c: char| c.is_whitespace() || matches!(c, '>' | '%' | '}' | '-'))
            .then_some(rest)
            .or_else(|| rest.is_empty().then_some(rest))
    })
}

/// Whether a tag opens a quotation (with its speaker's name in `by=`, `name=` or
/// `author=`) or closes one.
fn opening(tag: &str) -> Option<Opening> {
    let open = TAGS.iter().find(|(o, _)| tag.starts_with(o))?.0;
    let inside = tag.get(open.len()..)?.trim_start_matches('-').trim_start();
    // `{{< /blockquote >}}`, Liquid's `{% endblockquote %}`.
    if let Some(rest) = inside
        .strip_prefix('/')
        .or_else(|| inside.strip_prefix("end"))
    {
        return quote_tag(rest.trim_start()).map(|_| Opening::EndQuote);
    }
    let rest = quote_tag(inside)?;
    let by = ["by", "name", "author"]
        .iter()
        .find_map(|key| argument(rest, key));
    Some(Opening::Quote(by.and_then(name_of_by)))
}

/// The value of `key="…"` among a tag's arguments.
fn argument<'t>(args: &'t str, key: &str) -> Option<&'t str> {
    let mut at = 0;
    while let Some(i) = args[at..].find(key) {
        let start = at + i;
        let before = args[..start].chars().next_back();
        let rest = args[start + key.len()..].trim_start();
        if before.is_none_or(char::is_whitespace) {
            if let Some(rest) = rest.strip_prefix('=') {
                let rest = rest.trim_start();
                let quote = rest.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let value = &rest[1..];
                    return value.find(quote).map(|end| &value[..end]);
                }
            }
        }
        at = start + key.len();
    }
    None
}

/// `Katie Bouman, *Assistant Professor*` → `Katie Bouman`, sanitized: a tag's argument is
/// raw text of the file (`name="Nicola\u{14}s"` shows no control character).
fn name_of_by(by: &str) -> Option<String> {
    let by = super::sanitize::clean(by);
    let name = by.split(',').next()?;
    let name: String = name
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '[' | ']'))
        .collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

/// A fence opening ```` ``` ```` or `~~~`: its character and length.
fn fence_of(content: &str) -> Option<(u8, usize)> {
    let mark = *content.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = content.bytes().take_while(|&b| b == mark).count();
    (len >= 3).then_some((mark, len))
}

/// Where the tag that starts at `start` ends (after its closing mark), when one does.
fn tag_end(file: &str, start: usize) -> Option<usize> {
    let rest = &file[start..];
    let (open, close) = TAGS.iter().find(|(open, _)| rest.starts_with(open))?;
    let window = &rest.as_bytes()[..rest.len().min(LONGEST_TAG)];
    let end = memchr::memmem::find(&window[open.len()..], close.as_bytes())?;
    Some(start + open.len() + end + close.len())
}

/// The byte ranges of the tags inside `text` (a block's text), in order: dates and quotes
/// in them are a tag's arguments, not prose.
pub fn inline_tags(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if memchr::memchr(b'{', text.as_bytes()).is_none() {
        return found;
    }
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'{', &text.as_bytes()[at..]) {
        let start = at + i;
        match tag_end(text, start) {
            Some(end) => {
                found.push(start..end);
                at = end;
            }
            None => at = start + 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_level_tags_are_blanked_line_ends_kept() {
        let file = "Intro.\n\n{{< figure\n    src=\"/a/2019.jpg\"\n>}}\n\nAfter.\n";
        let out = blank(file, 0);
        assert_eq!(out.file.len(), file.len());
        let tag = "{{< figure\n    src=\"/a/2019.jpg\"\n>}}";
        let blanked: String = tag
            .chars()
            .map(|c| if c == '\n' { c } else { ' ' })
            .collect();
        assert_eq!(out.file, file.replace(tag, &blanked));
        assert!(out.quotes.is_empty());
    }

    #[test]
    fn other_quotation_tags_are_quotes_by_their_names() {
        for (file, speaker) in [
            (
                "{% testimonial name=\"Sander Maas\" title=\"Lead\" %}\nNx made our builds faster.\n{% /testimonial %}\n",
                Some("Sander Maas"),
            ),
            (
                "{% pullquote author='Ada Obi' %}\nWe shipped it.\n{% endpullquote %}\n",
                Some("Ada Obi"),
            ),
            ("{{< quote >}}\nWe shipped it.\n{{< /quote >}}\n", None),
        ] {
            let out = blank(file, 0);
            assert_eq!(out.quotes.len(), 1, "{file}");
            assert_eq!(out.quotes[0].speaker.as_deref(), speaker, "{file}");
        }
        // Not a quotation tag: `{% quotes_list %}`.
        assert!(blank("{% quotes_list %}\n", 0).quotes.is_empty());
    }

    #[test]
    fn a_hugo_blockquote_is_a_quote_by_its_by_name() {
        let file = "{{< blockquote\n    cite=\"https://x\"\n    by=\"Katie Bouman, *Professor*\"\n>}}\nImaging is hard.\n{{< /blockquote >}}\n";
        let out = blank(file, 0);
        assert_eq!(
            out.quotes,
            [TagQuote {
                inner: file.find(">}}").unwrap() + 3..file.find("{{< /").unwrap(),
                speaker: Some("Katie Bouman".into())
            }]
        );
        assert!(out.file.contains("Imaging is hard."));
        assert!(!out.file.contains("blockquote"));
    }

    #[test]
    fn a_speaker_in_a_tag_argument_shows_no_control_character() {
        let file = "{% testimonial\n    name=\"Nicola\u{14}\u{1b}[31ms Beaussart\"\n%}\nIt was painful and we spent hours and days on it.\n{% /testimonial %}\n";
        let out = blank(file, 0);
        let speaker = out.quotes[0].speaker.as_deref().unwrap_or_default();
        assert!(
            !speaker.chars().any(super::super::sanitize::is_unsafe),
            "{speaker:?}"
        );
        assert!(
            speaker.starts_with("Nicola") && speaker.ends_with("s Beaussart"),
            "{speaker:?}"
        );
    }

    #[test]
    fn tags_in_code_and_in_text_stay() {
        let file = "```\n{{< figure >}}\n```\n\nSee {{< ref \"2014-12-04-post\" >}} here.\n";
        assert_eq!(blank(file, 0).file, file);
        let text = "See {{< ref \"2014-12-04-post\" >}} and {% link a.md %} here.";
        let tags: Vec<&str> = inline_tags(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(tags, ["{{< ref \"2014-12-04-post\" >}}", "{% link a.md %}"]);
    }

    #[test]
    fn an_unclosed_mark_is_text() {
        let file = "{% this never closes\n\nText.\n";
        assert_eq!(blank(file, 0).file, file);
        assert!(inline_tags("a { b } {{ c").is_empty());
    }

    #[test]
    fn a_liquid_comment_hides_all_it_holds() {
        let file =
            "Intro.\n\n{% comment %}\nReleased on August 12, 2024.\n{% endcomment %}\n\nAfter.\n";
        let out = blank(file, 0);
        assert!(!out.file.contains("2024"), "{}", out.file);
        assert!(out.file.contains("After."));
        assert_eq!(out.file.len(), file.len());
    }
}
