//! The embed syntax: `::kind[argument]{key="value" ...}` on a line of its own.
//!
//! Parsing is hand-written rather than a regex so that brackets inside a pull quote
//! (`::quote[He said [sic] no]`) and escaped quotes in attributes (`cite="\"Bob\""`)
//! are handled, and so that a malformed line simply stays ordinary text.

use super::social::{SocialPost, recognise};

/// One embed as written in the body, before it is resolved against the context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Embed {
    /// `::related[123]`
    Related { article_id: i64 },
    /// `::photo[45]` or `::photo[45]{caption="..."}`
    Photo {
        photo_id: i64,
        caption: Option<String>,
    },
    /// `::quote[words]{cite="Name, role"}`
    Quote { text: String, cite: Option<String> },
    /// `::embed[https://…]` or `::embed[https://…]{caption="..."}`: a post on a social
    /// network or a video, whose address is one [`recognise`] accepts.
    Social {
        post: SocialPost,
        caption: Option<String>,
    },
    /// Well-formed embed syntax with an unknown kind or an unusable argument
    /// (e.g. `::related[abc]`). Renders nothing.
    Unknown { kind: String },
}

/// Parses one source line. `None` means "not embed syntax": the line is ordinary Markdown.
pub fn parse_line(line: &str) -> Option<Embed> {
    let (kind, argument, attrs) = parts(line)?;
    let attr = |name: &str| {
        attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let id = || argument.trim().parse::<i64>().ok().filter(|id| *id > 0);
    let embed = match kind.to_ascii_lowercase().as_str() {
        "related" => id().map(|article_id| Embed::Related { article_id }),
        "photo" => id().map(|photo_id| Embed::Photo {
            photo_id,
            caption: attr("caption"),
        }),
        "quote" if !argument.trim().is_empty() => Some(Embed::Quote {
            text: argument.trim().to_owned(),
            cite: attr("cite"),
        }),
        "embed" => recognise(argument).map(|post| Embed::Social {
            post,
            caption: attr("caption"),
        }),
        _ => None,
    };
    Some(embed.unwrap_or_else(|| Embed::Unknown {
        kind: kind.to_owned(),
    }))
}

/// The address of an `::embed[…]` line that names no post or video the site shows, as
/// written: saving refuses it (the page would show nothing). `None` for any other line.
pub fn unsupported_embed(line: &str) -> Option<&str> {
    let (kind, argument, _) = parts(line)?;
    (kind.eq_ignore_ascii_case("embed") && recognise(argument).is_none()).then(|| argument.trim())
}

type Attrs = Vec<(String, String)>;

/// `::kind[argument]{attrs}` taken apart, or `None` when the line is not embed syntax.
fn parts(line: &str) -> Option<(&str, &str, Attrs)> {
    let rest = line.trim().strip_prefix("::")?;
    let kind_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    if kind_len == 0 {
        return None;
    }
    let (kind, rest) = rest.split_at(kind_len);
    let rest = rest.strip_prefix('[')?;
    let close = matching_bracket(rest)?;
    let argument = &rest[..close];
    let tail = &rest[close + 1..];
    let attrs = if tail.is_empty() {
        Vec::new()
    } else {
        parse_attrs(tail.strip_prefix('{')?.strip_suffix('}')?)?
    };
    Some((kind, argument, attrs))
}

/// Byte index of the `]` closing the argument, allowing balanced brackets inside it.
fn matching_bracket(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `key="value" key2="value"`, values may contain `\"` and `\\`.
fn parse_attrs(s: &str) -> Option<Attrs> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Some(out);
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_') {
            key.push(c);
        }
        if key.is_empty() || chars.next() != Some('=') || chars.next() != Some('"') {
            return None;
        }
        let mut value = String::new();
        loop {
            match chars.next()? {
                '\\' => value.push(chars.next()?),
                '"' => break,
                c => value.push(c),
            }
        }
        out.push((key.to_ascii_lowercase(), value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_kind() {
        assert_eq!(
            parse_line("::related[123]"),
            Some(Embed::Related { article_id: 123 })
        );
        assert_eq!(
            parse_line("  ::photo[45]{caption=\"A \\\"big\\\" day\"}  "),
            Some(Embed::Photo {
                photo_id: 45,
                caption: Some("A \"big\" day".into())
            })
        );
        assert_eq!(
            parse_line("::quote[He said [sic] no]{cite=\"Jo Bloggs, mayor\"}"),
            Some(Embed::Quote {
                text: "He said [sic] no".into(),
                cite: Some("Jo Bloggs, mayor".into())
            })
        );
    }

    #[test]
    fn unusable_arguments_are_unknown_embeds() {
        assert_eq!(
            parse_line("::related[abc]"),
            Some(Embed::Unknown {
                kind: "related".into()
            })
        );
        assert_eq!(
            parse_line("::video[9]"),
            Some(Embed::Unknown {
                kind: "video".into()
            })
        );
        assert_eq!(
            parse_line("::photo[-4]"),
            Some(Embed::Unknown {
                kind: "photo".into()
            })
        );
    }

    #[test]
    fn embeds_of_posts_and_videos() {
        let Some(Embed::Social { post, caption }) = parse_line(
            "::Embed[ https://youtu.be/dQw4w9WgXcQ ]{caption=\"Goal [replay] \\\"2-1\\\"\"}",
        ) else {
            panic!("not an embed");
        };
        assert_eq!(post.url, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assert_eq!(caption.as_deref(), Some("Goal [replay] \"2-1\""));
        for line in [
            "::embed[http://youtu.be/dQw4w9WgXcQ]",
            "::embed[https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ]",
            "::embed[javascript:alert(1)]",
            "::embed[]",
        ] {
            assert_eq!(
                parse_line(line),
                Some(Embed::Unknown {
                    kind: "embed".into()
                }),
                "{line}"
            );
            assert!(unsupported_embed(line).is_some(), "{line}");
        }
        assert_eq!(unsupported_embed("::embed[https://vimeo.com/1]"), None);
        assert_eq!(unsupported_embed("::video[https://x]"), None);
    }

    #[test]
    fn malformed_lines_are_plain_text() {
        for line in [
            "::related[12",
            ":: related[1]",
            "::related[1] and more",
            "::photo[1]{caption=\"open}",
            "text ::related[1]",
            "::[1]",
        ] {
            assert_eq!(parse_line(line), None, "{line}");
        }
    }
}
