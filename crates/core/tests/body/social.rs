//! `::embed[URL]`: which addresses are posts or videos, how they render on a page and in
//! a feed, and that no address or caption gets anything past the renderer.
//! The editor's mirror (crates/newsroom/editor/test/social.test.mjs) runs the same cases.

use newsdesk_core::body::{
    Embed, EmbedStyle, MAX_URL_LEN, Provider, embed_problems, embeds, parse_embed_line, recognise,
    render, sanitize_html,
};
use std::sync::LazyLock;

use proptest::prelude::*;

use super::ctx;

/// One accepted address: `(address, provider, account, link, video id)`.
type Accepted = (String, String, String, String, String);

/// The cases the editor's mirror runs too, from one file.
struct Cases {
    accepted: Vec<Accepted>,
    refused: Vec<String>,
}

#[expect(
    clippy::unwrap_used,
    reason = "a malformed case file fails every test that reads it"
)]
fn cases() -> &'static Cases {
    static CASES: LazyLock<Cases> = LazyLock::new(|| {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("social-cases.json")).unwrap();
        let text = |v: &serde_json::Value, key: &str| v[key].as_str().unwrap().to_owned();
        Cases {
            accepted: json["accepted"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        text(c, "address"),
                        text(c, "provider"),
                        text(c, "account"),
                        text(c, "url"),
                        text(c, "video_id"),
                    )
                })
                .collect(),
            refused: json["refused"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect(),
        }
    });
    &CASES
}

#[test]
fn supported_addresses_are_recognised_and_rebuilt_from_their_checked_parts() {
    assert!(cases().accepted.len() > 20);
    for (address, provider, account, url, video) in &cases().accepted {
        let post = recognise(address).unwrap_or_else(|| panic!("{address} refused"));
        assert_eq!(post.provider.name(), provider, "{address}");
        assert_eq!(&post.account, account, "{address}");
        assert_eq!(&post.url, url, "{address}");
        assert_eq!(post.video_id.as_deref().unwrap_or(""), video, "{address}");
        assert_eq!(post.provider.is_video(), !video.is_empty(), "{address}");
    }
}

#[test]
fn anything_else_is_refused() {
    assert!(cases().refused.len() > 30);
    for address in &cases().refused {
        assert_eq!(recognise(address), None, "{address} accepted");
    }
    let long = format!("https://vimeo.com/1?{}", "a".repeat(MAX_URL_LEN));
    assert_eq!(recognise(&long), None, "a very long address");
}

#[test]
fn a_video_is_a_facade_with_a_link_and_no_player() {
    let out = render(
        "::embed[https://youtu.be/dQw4w9WgXcQ?si=track]{caption=\"The \\\"big\\\" match [highlights]\"}",
        &ctx(),
    );
    assert_eq!(
        out.html,
        "<figure class=\"embed embed-video\"><a class=\"embed-play\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener nofollow\"><span class=\"embed-provider\">YouTube</span> <span class=\"embed-play-label\">Play video</span></a><figcaption><span class=\"caption\">The \"big\" match [highlights]</span> <a class=\"embed-link\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener nofollow\">Watch on YouTube</a></figcaption></figure>\n"
    );
    assert!(out.skipped_embeds.is_empty());
    assert_eq!(
        sanitize_html(&out.html),
        out.html,
        "the sanitiser keeps it all"
    );
}

#[test]
fn a_post_is_a_card_naming_the_network_and_the_account() {
    let out = render(
        "::embed[https://bsky.app/profile/jay.bsky.team/post/3kgbz4ccwjm2s]",
        &ctx(),
    );
    assert_eq!(
        out.html,
        "<figure class=\"embed embed-social\"><p class=\"embed-source\"><span class=\"embed-provider\">Bluesky</span> <span class=\"embed-account\">@jay.bsky.team</span></p><figcaption><a class=\"embed-link\" href=\"https://bsky.app/profile/jay.bsky.team/post/3kgbz4ccwjm2s\" rel=\"noopener nofollow\">View this post on Bluesky</a></figcaption></figure>\n"
    );
    assert_eq!(sanitize_html(&out.html), out.html);
    // Embeds refer to no article or photo.
    assert_eq!(
        embeds("::embed[https://vimeo.com/76979871]"),
        Default::default()
    );
}

#[test]
fn feeds_get_a_paragraph_with_a_link() {
    let mut c = ctx();
    c.embed_style = EmbedStyle::Link;
    c.labels.view_post = "Открыть публикацию в {provider}".into();
    let out = render(
        "::embed[https://x.com/NASA/status/1]{caption=\"Launch <now>\"}\n\n::embed[https://vimeo.com/76979871]",
        &c,
    );
    assert_eq!(
        out.html,
        "<p>Launch &lt;now&gt; <a href=\"https://x.com/NASA/status/1\" rel=\"noopener nofollow\">Открыть публикацию в X</a></p>\n<p><a href=\"https://vimeo.com/76979871\" rel=\"noopener nofollow\">Watch on Vimeo</a></p>\n"
    );
}

#[test]
fn unsupported_addresses_render_nothing_and_are_refused_on_save() {
    let body = "Intro.\n\n::embed[https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ]\n\n::EMBED[javascript:alert(1)]\n\n`::embed[ftp://x]`\n\n\\::embed[nope]\n\n::embed[]\n\n::embed[https://vimeo.com/1]";
    let out = render(body, &ctx());
    assert_eq!(out.skipped_embeds.len(), 3, "{:?}", out.skipped_embeds);
    assert!(
        !out.html.contains("evil") && !out.html.contains("javascript"),
        "{}",
        out.html
    );
    let problems = embed_problems(body);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with(
        "This address is not a supported social post or video: https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ."
    ));
    assert!(problems[1].contains(": javascript:alert(1)."));
    assert!(problems[2].contains(": (no address)."));
    // Other unknown embeds keep rendering nothing without stopping a save, as before.
    assert!(embed_problems("::video[9]\n\n::related[abc]").is_empty());
    // A pasted page of text is quoted back short.
    let long = format!("::embed[https://example.com/{}]", "a".repeat(5000));
    let problems = embed_problems(&long);
    assert!(problems[0].chars().count() < 400, "{}", problems[0]);
}

#[test]
fn the_directive_parses_as_the_post_with_its_caption() {
    let line = "::embed[ https://vimeo.com/76979871 ]{caption=\"A [bracketed] \\\"quote\\\"\"}";
    match parse(line) {
        Some(Embed::Social { post, caption }) => {
            assert_eq!(post.provider, Provider::Vimeo);
            assert_eq!(caption.as_deref(), Some("A [bracketed] \"quote\""));
        }
        other => panic!("{other:?}"),
    }
}

/// The one embed of a one-line body, through the public API.
fn parse(line: &str) -> Option<Embed> {
    parse_embed_line(line)
}

/// Writes an embed line as the editor does (crates/newsroom/editor/src/directives.js).
fn format_line(url: &str, caption: &str) -> String {
    let caption = caption.replace(['\r', '\n'], " ");
    let caption = caption.trim();
    if caption.is_empty() {
        format!("::embed[{url}]")
    } else {
        let escaped = caption.replace('\\', "\\\\").replace('"', "\\\"");
        format!("::embed[{url}]{{caption=\"{escaped}\"}}")
    }
}

fn accepted_address() -> impl Strategy<Value = String> {
    prop::sample::select(
        cases()
            .accepted
            .iter()
            .map(|c| c.0.trim().to_owned())
            .collect::<Vec<_>>(),
    )
}

fn caption() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("He said \"no\" [sic] \\ twice".to_owned()),
        Just("]{caption=\"x\"} ::embed[javascript:alert(1)]".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("مرحبا [بالعالم]".to_owned()),
        "[a-zA-Z0-9 <>=\"'&;:/()\\[\\]{}!#*_\\\\-]{0,40}",
        "\\PC{0,30}",
    ]
}

fn hostile_address() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(cases().refused.clone()),
        accepted_address().prop_map(|a| format!("{a}\"><script>alert(1)</script>")),
        accepted_address().prop_map(|a| a.replacen("https://", "http://", 1)),
        accepted_address().prop_map(|a| a.replacen("https://", "https://evil.example/?", 1)),
        accepted_address().prop_map(|a| format!("{a}{}", "9".repeat(MAX_URL_LEN))),
        "https://[a-z.]{1,20}/[@a-zA-Z0-9/?=&%._:-]{0,40}",
        "\\PC{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn written_embeds_read_back_the_same(address in accepted_address(), caption in caption()) {
        let line = format_line(&address, &caption);
        let expected = caption.replace(['\r', '\n'], " ");
        let expected = expected.trim();
        match parse(&line) {
            Some(Embed::Social { post, caption: read }) => {
                prop_assert_eq!(Some(post), recognise(&address));
                prop_assert_eq!(read.as_deref().unwrap_or(""), expected, "{}", line);
            }
            other => prop_assert!(false, "{} read as {:?}", line, other),
        }
        let html = render(&line, &ctx()).html;
        prop_assert_eq!(&sanitize_html(&html), &html);
        prop_assert!(!html.to_lowercase().contains("<script") && !html.contains("<iframe"));
    }

    #[test]
    fn hostile_addresses_render_nothing(address in hostile_address(), caption in caption()) {
        let line = format_line(&address, &caption);
        if let Some(post) = recognise(&address) {
            // What the pattern happened to make valid renders only its rebuilt link.
            prop_assert!(post.url.starts_with("https://"));
            return Ok(());
        }
        let out = render(&line, &ctx());
        prop_assert!(!out.html.contains("class=\"embed"), "{} rendered {}", line, out.html);
        prop_assert!(!out.html.to_lowercase().contains("href=\"javascript"), "{}", out.html);
    }
}
