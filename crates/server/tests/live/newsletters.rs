//! Newsletters as a reader meets them, through a real SMTP server (aiosmtpd): subscribe,
//! confirm by the emailed link, receive the digest (HTML and text, every link answering,
//! the Arabic one right-to-left), receive one breaking alert and never a second for the
//! same story, unsubscribe with RFC 8058's one-click POST, and receive nothing more.

use std::time::Duration;

use chrono::Utc;
use newsdesk_core::ArticleDraft;
use newsdesk_mail::testing::{Received, SmtpServer};
use newsdesk_site::newsletters::issues::{AlertSubject, queue_alert, queue_due_digests};
use newsdesk_store::NewSection;

use crate::support::{Instance, Reply, World, get, post_form};

/// How long a mail may take to arrive. Generous: each wait ends as soon as the mail is
/// there, and on a 2-core machine shared with a build, 20 s once ran out.
const WAIT: Duration = Duration::from_secs(60);

fn cookie_of(reply: &Reply, name: &str) -> String {
    reply
        .headers
        .iter()
        .filter(|(n, _)| n == "set-cookie")
        .find_map(|(_, v)| {
            v.split(';')
                .next()
                .filter(|c| c.starts_with(&format!("{name}=")))
        })
        .unwrap_or_else(|| panic!("no {name} cookie in {:?}", reply.headers))
        .to_owned()
}

fn input_value(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no {name} input in {html}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// The first `http://…` URL in `text` that contains `needle`.
fn link(text: &str, needle: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .find(|w| w.starts_with("http") && w.contains(needle))
        .unwrap_or_else(|| panic!("no link with {needle} in {text}"))
        .replace("&amp;", "&")
}

fn path_of(url: &str) -> String {
    let parsed = url::Url::parse(url).unwrap();
    match parsed.query() {
        Some(q) => format!("{}?{q}", parsed.path()),
        None => parsed.path().to_owned(),
    }
}

fn to(m: &Received) -> String {
    m.header("X-RcptTo").unwrap_or_default().to_owned()
}

/// Subscribes `email` to `lists` of `edition` through the page, and opens the emailed link.
async fn subscribe(inst: &Instance, smtp: &SmtpServer, edition: &str, email: &str, lists: &[&str]) {
    let page = get(
        inst.addr,
        &format!("/{edition}/newsletters?email={email}"),
        &[],
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let cookie = cookie_of(&page, "nd_csrf");
    let csrf = input_value(&page.body, "csrf");
    assert!(
        page.body.contains(&format!("value=\"{email}\"")),
        "the footer's address is filled in"
    );
    let mut body = format!("email={email}&csrf={csrf}");
    for l in lists {
        body.push_str(&format!("&lists={l}"));
    }
    let before = smtp.received().len();
    let answer = post_form(
        inst.addr,
        &format!("/{edition}/newsletters"),
        &[("Cookie", &cookie)],
        &body,
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let mail = smtp.wait_for(before + 1, WAIT).await;
    let confirm = mail.last().unwrap();
    assert_eq!(to(confirm), email);
    let text = confirm.part("text/plain").unwrap();
    let url = link(text, "/newsletters/confirm");
    let opened = get(inst.addr, &path_of(&url), &[]).await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    // A forged or altered link confirms nothing.
    let forged = get(inst.addr, &path_of(&url).replace("&t=", "&t=0"), &[]).await;
    assert_eq!(forged.status, 400);
}

#[tokio::test]
async fn a_reader_subscribes_confirms_gets_the_digest_and_an_alert_and_leaves_with_one_click() {
    let Some(smtp) = SmtpServer::start("newsletters").await else {
        return;
    };
    let url = smtp.url();
    let inst = Instance::sqlite(|c| {
        c.mail.smtp_url = Some(url);
        c.mail.from = "The Desk <news@example.com>".to_owned();
        c.mail.bounce_address = Some("bounces@example.com".to_owned());
        c.newsletters.digest_at = chrono::NaiveTime::MIN;
        c.newsletters.send_rate = 1000;
    })
    .await;
    let world = World::seed(&inst.state).await;
    let store = inst.store();
    let ar_section = store
        .create_section(&NewSection {
            edition: "ar".into(),
            slug: "politics".into(),
            name: "سياسة".into(),
            position: 0,
        })
        .await
        .unwrap()
        .id;
    let (ar, _) = store
        .create_article(
            &ArticleDraft {
                edition: "ar".into(),
                headline: "البرلمان يقر الميزانية".into(),
                lead: "ينهي التصويت أشهرا من المفاوضات.".into(),
                body: "الفقرة الأولى.".into(),
                section_id: Some(ar_section),
                author_ids: world.article.author_ids.clone(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let (ar, event) = store
        .publish_article(ar.id, Utc::now() - chrono::Duration::minutes(30), None)
        .await
        .unwrap();
    inst.state.after_write(&event).await;

    // Nothing goes before the link is opened; asking twice reveals nothing.
    subscribe(
        &inst,
        &smtp,
        "en",
        "rita@example.com",
        &["digest", "breaking"],
    )
    .await;
    subscribe(&inst, &smtp, "ar", "samir@example.com", &["digest"]).await;
    let before = smtp.received().len();
    let page = get(inst.addr, "/en/newsletters", &[]).await;
    let again = post_form(
        inst.addr,
        "/en/newsletters",
        &[("Cookie", &cookie_of(&page, "nd_csrf"))],
        &format!(
            "email=rita@example.com&lists=digest&csrf={}",
            input_value(&page.body, "csrf")
        ),
    )
    .await;
    assert_eq!(
        again.status, 200,
        "an address already subscribed gets the same answer"
    );
    assert!(again.body.contains("rita@example.com") && !again.body.contains("already"));
    let bad = post_form(
        inst.addr,
        "/en/newsletters",
        &[],
        "email=x@example.com&lists=digest&csrf=nope",
    )
    .await;
    assert_eq!(bad.status, 403, "a form without its token is refused");
    // Asking again sends the owner a new link (only they learn anything from it).
    let confirmations = smtp.wait_for(before + 1, WAIT).await.len();
    assert_eq!(confirmations, before + 1);

    // The digest, at the edition's digest time (the instance's own scheduler may get there
    // first: either way each is made once).
    queue_due_digests(&inst.state, Utc::now()).await.unwrap();
    let lists: Vec<(String, String)> = store
        .list_issues(None, 10)
        .await
        .unwrap()
        .iter()
        .map(|i| (i.edition.clone(), i.list.clone()))
        .collect();
    assert!(lists.contains(&("en".into(), "digest".into())), "{lists:?}");
    assert!(lists.contains(&("ar".into(), "digest".into())), "{lists:?}");
    assert!(
        queue_due_digests(&inst.state, Utc::now())
            .await
            .unwrap()
            .is_empty(),
        "one digest a day"
    );
    let mail = smtp.wait_for(confirmations + 2, WAIT).await;
    let digests = &mail[confirmations..];
    let en = digests
        .iter()
        .find(|m| to(m) == "rita@example.com")
        .expect("Rita's digest");
    let html = en.part("text/html").unwrap();
    let text = en.part("text/plain").unwrap();
    assert!(html.contains(&world.article.headline) && text.contains(&world.article.headline));
    let story = link(text, &format!("-{}", world.article.id));
    assert_eq!(
        get(inst.addr, &path_of(&story), &[]).await.status,
        200,
        "{story} answers"
    );
    assert!(html.contains(&path_of(&story).split('?').next().unwrap().to_owned()));
    assert!(!html.contains("<script"), "no scripts in mail");
    let list_unsubscribe = en.header("List-Unsubscribe").unwrap();
    assert!(
        list_unsubscribe.contains("<http://") && list_unsubscribe.contains("<mailto:bounces+u")
    );
    assert_eq!(
        en.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        en.header("X-MailFrom").unwrap().starts_with("bounces+"),
        "a VERP return path"
    );
    let unsubscribe = link(text, "/newsletters/unsubscribe");
    assert!(
        html.contains(&unsubscribe.replace('&', "&amp;")),
        "a visible link in the HTML too"
    );
    assert!(
        list_unsubscribe.contains(&unsubscribe),
        "the header and the link agree"
    );
    let arabic = digests
        .iter()
        .find(|m| to(m) == "samir@example.com")
        .expect("Samir's digest");
    let ar_html = arabic.part("text/html").unwrap();
    assert!(
        ar_html.contains("dir=\"rtl\"") && ar_html.contains(&ar.headline),
        "{ar_html}"
    );
    assert_eq!(arabic.header("Content-Language"), Some("ar"));

    // One breaking alert, never a second for the same story.
    let alert = queue_alert(&inst.state, AlertSubject::Article(world.article.id), None)
        .await
        .unwrap()
        .expect("the first alert");
    assert_eq!(alert.recipients, 1, "only the breaking list");
    assert!(
        queue_alert(&inst.state, AlertSubject::Article(world.article.id), None)
            .await
            .unwrap()
            .is_none()
    );
    let mail = smtp.wait_for(confirmations + 3, WAIT).await;
    let breaking = mail.last().unwrap();
    assert_eq!(to(breaking), "rita@example.com");
    assert!(
        breaking
            .header("Subject")
            .unwrap()
            .contains(&world.article.headline)
    );

    // Opening the link changes nothing (mail scanners open links); the one-click POST does.
    let page = get(inst.addr, &path_of(&unsubscribe), &[]).await;
    assert_eq!(page.status, 200);
    assert!(
        store
            .subscriber_by_email("en", "rita@example.com")
            .await
            .unwrap()
            .lists
            .len()
            == 2
    );
    let forged = post_form(
        inst.addr,
        &path_of(&unsubscribe).replace("&t=", "&t=f"),
        &[],
        "List-Unsubscribe=One-Click",
    )
    .await;
    assert_eq!(forged.status, 400);
    let done = post_form(
        inst.addr,
        &path_of(&unsubscribe),
        &[],
        "List-Unsubscribe=One-Click",
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        store
            .subscriber_by_email("en", "rita@example.com")
            .await
            .unwrap()
            .lists
            .is_empty()
    );

    // Nothing more for her: a new alert finds no recipient.
    let (next, _) = store
        .create_article(
            &ArticleDraft {
                edition: "en".into(),
                headline: "Storm closes the airport".into(),
                lead: "Flights are cancelled.".into(),
                body: "First paragraph.".into(),
                section_id: world.article.section_id,
                author_ids: world.article.author_ids.clone(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let (next, event) = store
        .publish_article(next.id, Utc::now(), None)
        .await
        .unwrap();
    inst.state.after_write(&event).await;
    let none = queue_alert(&inst.state, AlertSubject::Article(next.id), None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(none.recipients, 0);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        smtp.received().len(),
        confirmations + 3,
        "nothing after unsubscribing"
    );

    // A reader with a confirmed account subscribes their own address at once (the account
    // proved it), and their account page shows it.
    let page = get(
        inst.addr,
        "/en/newsletters",
        &[("Cookie", &world.reader_cookie)],
    )
    .await;
    assert!(
        page.body.contains(&world.reader.email),
        "the account's address is filled in"
    );
    let cookies = format!("{}; {}", world.reader_cookie, cookie_of(&page, "nd_csrf"));
    let body = format!(
        "email={}&lists=digest&csrf={}",
        world.reader.email,
        input_value(&page.body, "csrf")
    );
    let done = post_form(inst.addr, "/en/newsletters", &[("Cookie", &cookies)], &body).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("You are subscribed"), "{}", done.body);
    let account = get(
        inst.addr,
        "/en/account",
        &[("Cookie", &world.reader_cookie)],
    )
    .await;
    assert!(account.body.contains("Daily digest"), "{}", account.body);
    assert_eq!(
        smtp.received().len(),
        confirmations + 3,
        "no confirmation needed"
    );
    inst.stop().await;
}
