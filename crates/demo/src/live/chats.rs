//! Chats with a history: the rooms of each edition's newest articles, where the demo's
//! readers react, disagree, ask the newsroom and get an answer, and one room editors
//! opened for a live event.

use newsdesk_store::{ArticleQuery, NewChatMessage, Store};
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::talk;
use crate::banks::comments;
use crate::lang::Lang;
use crate::options::DemoError;

/// Articles per edition whose room gets a history: the newest.
pub const ROOMS_PER_EDITION: i64 = 5;
/// Messages in an article's room, the staff answer included.
pub const MESSAGES: std::ops::RangeInclusive<usize> = 8..=25;
/// Share of lines that answer the reader before by name.
const REPLY_SHARE: f64 = 0.15;

/// Rooms and messages written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Chats {
    pub rooms: usize,
    pub messages: usize,
}

/// Who says a line: a reader (an index into the edition's readers) or the newsroom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    Reader(usize),
    Staff,
}

/// A room's conversation, oldest first, for `readers` readers (at least two).
pub fn script(rng: &mut ChaCha8Rng, lang: Lang, readers: usize) -> Vec<(Speaker, String)> {
    let names = comments::readers(lang);
    let count = rng.random_range(MESSAGES);
    let mut pool: Vec<&str> = talk::lines(lang).to_vec();
    pool.shuffle(rng);
    let mut pool = pool.into_iter();
    let questions = talk::questions(lang);
    let (question, answer) = questions[rng.random_range(0..questions.len())];
    // The question comes after at least one line, and its answer right after it.
    let asked = rng.random_range(1..count - 1);
    let mut out: Vec<(Speaker, String)> = Vec::with_capacity(count);
    let mut last: Option<usize> = None;
    let readers = readers.max(1);
    while out.len() < count {
        if out.len() == asked + 1 {
            out.push((Speaker::Staff, answer.to_owned()));
            // Nobody answers the reader before the newsroom spoke by name.
            last = None;
            continue;
        }
        let mut who = rng.random_range(0..readers);
        if Some(who) == last && readers > 1 {
            who = (who + 1 + rng.random_range(0..readers - 1)) % readers;
        }
        let text = if out.len() == asked {
            question.to_owned()
        } else if out.len() == asked + 2 && rng.random_bool(0.5) {
            let thanks = talk::thanks(lang);
            thanks[rng.random_range(0..thanks.len())].to_owned()
        } else if let Some(before) = last.filter(|_| rng.random_bool(REPLY_SHARE)) {
            let replies = talk::replies(lang);
            let name = names.get(before).copied().unwrap_or_default();
            replies[rng.random_range(0..replies.len())].replace("{name}", name)
        } else {
            match pool.next() {
                Some(line) => line.to_owned(),
                None => break,
            }
        };
        out.push((Speaker::Reader(who), text));
        last = Some(who);
    }
    out
}

pub async fn chats(store: &Store, rng: &mut ChaCha8Rng) -> Result<Chats, DemoError> {
    let mut made = Chats::default();
    for lang in Lang::ALL {
        let mut readers = Vec::new();
        for (n, name) in comments::readers(lang).iter().enumerate() {
            let email = format!("reader{}.{}@example.com", n + 1, lang.code());
            let (account, _) = store.account_by_email(&email).await?;
            readers.push((account.id, *name));
        }
        let articles = store
            .list_articles(&ArticleQuery {
                edition: Some(lang.code().to_owned()),
                limit: ROOMS_PER_EDITION,
                ..ArticleQuery::default()
            })
            .await?;
        for article in &articles {
            let room = store.article_chat_room(article.id, lang.code()).await?;
            let lines = script(rng, lang, readers.len());
            if !store
                .chat_messages_before(room.id, None, 1)
                .await?
                .is_empty()
            {
                continue;
            }
            made.rooms += 1;
            made.messages += say(store, room.id, lang, &readers, &lines).await?;
        }

        let event = talk::event(lang);
        let rooms = store.chat_rooms(Some(lang.code()), false, 200).await?;
        if rooms
            .iter()
            .any(|r| r.room.article_id.is_none() && r.room.title == event.title)
        {
            continue;
        }
        let room = store
            .create_chat_room(lang.code(), event.title, event.description, None)
            .await?;
        let mut lines = vec![(Speaker::Staff, event.welcome.to_owned())];
        // Readers in turn from a random one, so nobody speaks twice in a row.
        let first = rng.random_range(0..readers.len().max(1));
        for (i, line) in event.lines.iter().enumerate() {
            let who = (first + i) % readers.len().max(1);
            lines.push((Speaker::Reader(who), (*line).to_owned()));
        }
        lines.push((Speaker::Staff, event.update.to_owned()));
        made.rooms += 1;
        made.messages += say(store, room.id, lang, &readers, &lines).await?;
    }
    Ok(made)
}

async fn say(
    store: &Store,
    room_id: i64,
    lang: Lang,
    readers: &[(i64, &str)],
    lines: &[(Speaker, String)],
) -> Result<usize, DemoError> {
    let mut said = 0;
    for (speaker, text) in lines {
        let (account_id, author_name, staff) = match speaker {
            Speaker::Reader(i) => match readers.get(*i) {
                Some((id, name)) => (Some(*id), *name, false),
                None => continue,
            },
            Speaker::Staff => (None, talk::staff_name(lang), true),
        };
        store
            .add_chat_message(&NewChatMessage {
                room_id,
                account_id,
                author_name,
                staff,
                body: text,
                flagged: false,
            })
            .await?;
        said += 1;
    }
    Ok(said)
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn a_room_has_one_answered_question_and_no_line_twice() {
        for seed in 0..50 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for lang in Lang::ALL {
                let lines = script(&mut rng, lang, 5);
                assert!(MESSAGES.contains(&lines.len()), "{}", lines.len());
                let staff: Vec<usize> = (0..lines.len())
                    .filter(|i| lines[*i].0 == Speaker::Staff)
                    .collect();
                assert_eq!(staff.len(), 1);
                let asked = &lines[staff[0] - 1].1;
                let answer = &lines[staff[0]].1;
                assert!(
                    talk::questions(lang)
                        .iter()
                        .any(|(q, a)| q == asked && a == answer),
                    "{asked} / {answer}"
                );
                for pair in lines.windows(2) {
                    assert!(pair[0].0 != pair[1].0, "nobody answers themselves");
                }
                let plain: Vec<&String> = lines
                    .iter()
                    .map(|(_, t)| t)
                    .filter(|t| talk::lines(lang).contains(&t.as_str()))
                    .collect();
                let unique: std::collections::HashSet<&&String> = plain.iter().collect();
                assert_eq!(unique.len(), plain.len());
                assert!(lines.iter().all(|(_, t)| !t.contains('{')));
                for (_, t) in &lines {
                    assert!(newsdesk_core::live::validate_chat_text(t).is_ok());
                }
            }
        }
    }
}
