//! Renders the worst bodies found by the attack in issue 12 and prints, for each, the
//! time taken and the size of the output; `bench/worst-bodies.sh` wraps it in
//! `/usr/bin/time -v` for peak memory. `cargo run --release -p newsdesk-core --example
//! worst_bodies -- [name]` renders one body (all of them without a name).

use std::time::Instant;

use newsdesk_core::body::{RenderContext, render};

fn bodies() -> Vec<(&'static str, String)> {
    let normal_paragraph = "The council met on Tuesday to discuss the budget, and the \
        mayor said that *every* district would get [its share](https://example.com/a). \
        Officials from Acme Corp attended.\n\n";
    let mut normal = String::new();
    while normal.chars().count() + normal_paragraph.len() < 200_000 {
        normal.push_str(normal_paragraph);
    }
    vec![
        ("gt-100k", ">".repeat(100_000)),
        ("dash-60k", "- ".repeat(60_000)),
        ("dash-60k-x", "- ".repeat(60_000) + "x"),
        ("gt-40k", ">".repeat(40_000)),
        ("table-20k", "<table>x".repeat(20_000)),
        ("normal-200k", normal),
        ("gt-space-50k", "> ".repeat(50_000)),
        (
            "linkref-amplify",
            format!("[r]: /{}\n\n{}", "u".repeat(100_000), "[r] ".repeat(25_000)),
        ),
        ("ol-50k", "1. ".repeat(50_000)),
        ("star-100k", "*".repeat(100_000)),
        ("star-a-50k", "*a".repeat(50_000)),
        ("bracket-100k", "[".repeat(100_000)),
        ("bracket-close-50k", "[a](".repeat(50_000)),
        ("div-30k", "<div>".repeat(30_000)),
        ("backticks-100k", "`".repeat(100_000)),
        (
            "backtick-runs",
            (1..400).map(|n| "`".repeat(n) + " ").collect(),
        ),
        (
            "linkrefs",
            (0..8_000)
                .map(|i| format!("[r{i}]: /u{i}\n"))
                .collect::<String>()
                + &(0..8_000).map(|i| format!("[r{i}] ")).collect::<String>(),
        ),
        (
            "footnotes",
            (0..10_000).map(|i| format!("x[^{i}] ")).collect(),
        ),
        (
            "photos",
            (0..10_000).map(|i| format!("::photo[{i}]\n")).collect(),
        ),
        (
            "indent-list",
            (0..2_000)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect(),
        ),
        ("em-nest", "*a **b ".repeat(30_000)),
        ("html-inline", "<a>".repeat(50_000)),
        ("entities", "&amp;".repeat(40_000)),
        ("emphasis-underscore", "_".repeat(100_000)),
        ("bq-list-mix", "> - ".repeat(40_000)),
        (
            "table-rows",
            "|a|b|\n|-|-|\n".to_owned() + &"|x|y|\n".repeat(30_000),
        ),
        (
            "table-cols",
            "|".repeat(50_000) + "\n" + &"|-".repeat(25_000) + "\n",
        ),
    ]
}

fn main() {
    let only = std::env::args().nth(1);
    let ctx = RenderContext::default();
    for (name, body) in bodies() {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let started = Instant::now();
        let out = render(&body, &ctx);
        println!(
            "{name:<22} in {:>8} chars  out {:>9} bytes  {:>10.3} s",
            body.chars().count(),
            out.html.len(),
            started.elapsed().as_secs_f64()
        );
    }
}
