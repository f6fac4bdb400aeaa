//! HTML for resolved embeds. Everything interpolated is escaped here; the sanitiser
//! runs afterwards anyway, so a mistake in this file cannot become an injection.

use std::fmt::Write as _;

use super::social::SocialPost;
use super::{Labels, PhotoView, RelatedCard};

/// Escapes text for use in element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `<picture>` with one `<source>` per format and the JPEG fallback `<img>`.
pub fn picture(photo: &PhotoView) -> String {
    let mut html = String::from("<picture>");
    for source in &photo.sources {
        let _ = write!(
            html,
            "<source type=\"{}\" srcset=\"{}\"",
            escape(&source.mime),
            escape(&source.srcset)
        );
        if !photo.sizes.is_empty() {
            let _ = write!(html, " sizes=\"{}\"", escape(&photo.sizes));
        }
        html.push('>');
    }
    let _ = write!(
        html,
        "<img src=\"{}\" alt=\"{}\"",
        escape(&photo.src),
        escape(&photo.alt)
    );
    // Without dimensions the page jumps as images load.
    if photo.width > 0 && photo.height > 0 {
        let _ = write!(
            html,
            " width=\"{}\" height=\"{}\"",
            photo.width, photo.height
        );
    }
    html.push_str(" loading=\"lazy\" decoding=\"async\"></picture>");
    html
}

/// A photo as a figure; `caption` overrides the photo's own caption when given.
pub fn photo_figure(photo: &PhotoView, caption: Option<&str>) -> String {
    let caption = caption.unwrap_or(&photo.caption).trim();
    let credit = photo.credit_line.trim();
    let mut html = String::from("<figure class=\"photo\">");
    html.push_str(&picture(photo));
    if !caption.is_empty() || !credit.is_empty() {
        html.push_str("<figcaption>");
        if !caption.is_empty() {
            let _ = write!(html, "<span class=\"caption\">{}</span>", escape(caption));
        }
        if !caption.is_empty() && !credit.is_empty() {
            html.push(' ');
        }
        if !credit.is_empty() {
            let _ = write!(html, "<small class=\"credit\">{}</small>", escape(credit));
        }
        html.push_str("</figcaption>");
    }
    html.push_str("</figure>\n");
    html
}

pub fn related_card(card: &RelatedCard, label: &str) -> String {
    let mut html = String::from("<aside class=\"related\">");
    if !label.trim().is_empty() {
        let _ = write!(
            html,
            "<p class=\"related-label\">{}</p>",
            escape(label.trim())
        );
    }
    let _ = write!(
        html,
        "<a class=\"related-link\" href=\"{}\">",
        escape(&card.url)
    );
    if let Some(photo) = &card.photo {
        html.push_str(&picture(photo));
    }
    let _ = write!(
        html,
        "<span class=\"related-headline\">{}</span></a>",
        escape(&card.headline)
    );
    if !card.published_label.trim().is_empty() {
        let _ = write!(
            html,
            "<time datetime=\"{}\">{}</time>",
            escape(&card.datetime),
            escape(&card.published_label)
        );
    }
    html.push_str("</aside>\n");
    html
}

pub fn pull_quote(text: &str, cite: Option<&str>) -> String {
    let mut html = format!(
        "<figure class=\"pullquote\"><blockquote><p>{}</p></blockquote>",
        escape(text)
    );
    if let Some(cite) = cite {
        let _ = write!(
            html,
            "<figcaption><cite>{}</cite></figcaption>",
            escape(cite)
        );
    }
    html.push_str("</figure>\n");
    html
}

/// `::embed` on a page. Nothing here makes the reader's browser contact the provider:
/// a video is a facade (the site's embeds.js swaps in the provider's player when the
/// reader presses play; without it the link opens the video), a post is a card with a
/// link, never the network's own script.
pub fn social_embed(post: &SocialPost, caption: Option<&str>, labels: &Labels) -> String {
    let provider = post.provider.name();
    let url = escape(&post.url);
    let mut html = if post.provider.is_video() {
        format!(
            "<figure class=\"embed embed-video\"><a class=\"embed-play\" href=\"{url}\" rel=\"noopener nofollow\"><span class=\"embed-provider\">{provider}</span> <span class=\"embed-play-label\">{}</span></a>",
            escape(&labels.play_video)
        )
    } else {
        let mut head = format!(
            "<figure class=\"embed embed-social\"><p class=\"embed-source\"><span class=\"embed-provider\">{provider}</span>"
        );
        if !post.account.is_empty() {
            let _ = write!(
                head,
                " <span class=\"embed-account\">{}</span>",
                escape(&post.account)
            );
        }
        head.push_str("</p>");
        head
    };
    let label = if post.provider.is_video() {
        &labels.watch_on
    } else {
        &labels.view_post
    };
    html.push_str("<figcaption>");
    if let Some(caption) = caption {
        let _ = write!(html, "<span class=\"caption\">{}</span> ", escape(caption));
    }
    let _ = writeln!(
        html,
        "<a class=\"embed-link\" href=\"{url}\" rel=\"noopener nofollow\">{}</a></figcaption></figure>",
        escape(&with_provider(label, provider))
    );
    html
}

/// `::embed` in a feed or another format read away from the site (no script, no styles):
/// a paragraph linking to the post.
pub fn social_link(post: &SocialPost, caption: Option<&str>, labels: &Labels) -> String {
    let label = if post.provider.is_video() {
        &labels.watch_on
    } else {
        &labels.view_post
    };
    let mut html = String::from("<p>");
    if let Some(caption) = caption {
        let _ = write!(html, "{} ", escape(caption));
    }
    let _ = writeln!(
        html,
        "<a href=\"{}\" rel=\"noopener nofollow\">{}</a></p>",
        escape(&post.url),
        escape(&with_provider(label, post.provider.name()))
    );
    html
}

/// A label template with its `{provider}` filled in (see [`Labels::watch_on`]).
fn with_provider(template: &str, provider: &str) -> String {
    if template.contains("{provider}") {
        template.replace("{provider}", provider)
    } else {
        format!("{template} {provider}")
    }
}
