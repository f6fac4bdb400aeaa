//! Writing a [`Story`] out in one language: headline, standfirst and a Markdown body in
//! the syntax of `newsdesk_core::body` (`::related[id]`, `::photo[id]`, `::quote[…]`).

use chrono::{Datelike, NaiveDate};

use crate::banks::common::{CLOSERS, ENTITY_MENTIONS, PEOPLE, PLACES, SAID, SUBHEADS};
use crate::banks::newsroom::NOTED;
use crate::banks::{NewsBank, opinion};
use crate::lang::{
    Lang, ar_past, ar_present, capitalize, money, on_weekday, percent, ru_date, ru_past,
};
use crate::plan::{Block, Headline, Sentence, Speaker, Story};

/// An article's text in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub headline: String,
    pub lead: String,
    pub body: String,
}

/// Ids the body's embeds point at, picked by the caller; blocks without one are left out.
#[derive(Debug, Clone, Default)]
pub struct EmbedIds {
    pub related: Vec<i64>,
    pub photos: Vec<i64>,
}

/// `date` is the publication date in the edition's time zone (datelines, "on Tuesday").
pub fn render(story: &Story, lang: Lang, date: NaiveDate, year: i32, embeds: &EmbedIds) -> Text {
    let w = Writer {
        story,
        lang,
        date,
        year,
        bank: story.news_bank(),
    };
    let mut related = embeds.related.iter();
    let mut photos = embeds.photos.iter();
    let mut parts: Vec<String> = Vec::with_capacity(story.blocks.len());
    for block in &story.blocks {
        let part = match block {
            Block::Opening => Some(w.opening()),
            Block::Para(sentences) => Some(
                sentences
                    .iter()
                    .map(|s| w.sentence(*s))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Block::Quote { speaker, quote } => Some(w.quote(*speaker, *quote)),
            Block::Subhead(i) => Some(format!("## {}", SUBHEADS[*i % SUBHEADS.len()].get(lang))),
            Block::Related => related.next().map(|id| format!("::related[{id}]")),
            Block::Photo => photos.next().map(|id| format!("::photo[{id}]")),
            Block::PullQuote { speaker, quote } => Some(w.pull_quote(*speaker, *quote)),
        };
        parts.extend(part);
    }
    Text {
        headline: w.headline(),
        lead: w.lead(),
        body: parts.join("\n\n"),
    }
}

/// The story's headline alone, e.g. the English one to make an Arabic article's slug from.
pub fn headline(story: &Story, lang: Lang, date: NaiveDate) -> String {
    Writer {
        story,
        lang,
        date,
        year: date.year(),
        bank: story.news_bank(),
    }
    .headline()
}

struct Writer<'a> {
    story: &'a Story,
    lang: Lang,
    date: NaiveDate,
    year: i32,
    bank: &'static NewsBank,
}

impl Writer<'_> {
    fn headline(&self) -> String {
        let (actor, action) = match self.story.headline {
            Headline::Opinion(i) => return pick(&opinion::HEADLINES, i).get(self.lang).to_owned(),
            Headline::News { actor, action } => (
                pick(self.bank.actors, actor),
                pick(self.bank.actions, action),
            ),
        };
        match self.lang {
            Lang::En => format!("{} {}", actor.en_head, self.fill(action.en_head)),
            Lang::Ru => format!(
                "{} {}",
                actor.ru,
                ru_past(&self.fill(action.ru), actor.ru_gender)
            ),
            Lang::Ar => format!(
                "{} {} {}",
                actor.ar,
                ar_present(action.ar_now, actor.ar_feminine),
                self.fill(action.ar_rest)
            ),
        }
    }

    fn lead(&self) -> String {
        match self.story.headline {
            Headline::Opinion(_) => pick(&opinion::LEADS, self.story.lead)
                .get(self.lang)
                .to_owned(),
            Headline::News { .. } => {
                self.fill(pick(self.bank.leads, self.story.lead).get(self.lang))
            }
        }
    }

    /// The first paragraph: dateline, then who did what on which day.
    fn opening(&self) -> String {
        let Headline::News { actor, action } = self.story.headline else {
            return String::new();
        };
        let (actor, action) = (
            pick(self.bank.actors, actor),
            pick(self.bank.actions, action),
        );
        let place = pick(&PLACES, self.story.place);
        let day = on_weekday(self.date.weekday(), self.lang);
        match self.lang {
            Lang::En => format!(
                "{} — {} {} {day}.",
                place.en.to_uppercase(),
                capitalize(actor.en),
                self.fill(action.en)
            ),
            Lang::Ru => format!(
                "{}, {}. {} {day} {}.",
                place.ru.to_uppercase(),
                ru_date(self.date),
                actor.ru,
                ru_past(&self.fill(action.ru), actor.ru_gender)
            ),
            Lang::Ar => format!(
                "{} - {} {}، {day}، {}.",
                place.ar,
                ar_past(action.ar_past, actor.ar_feminine),
                actor.ar,
                self.fill(action.ar_rest)
            ),
        }
    }

    fn sentence(&self, s: Sentence) -> String {
        match s {
            Sentence::Context(i) => self.fill(pick(self.bank.context, i).get(self.lang)),
            Sentence::Reaction(i) => self.fill(pick(self.bank.reactions, i).get(self.lang)),
            Sentence::Argument(i) => self.fill(pick(&opinion::SENTENCES, i).get(self.lang)),
            Sentence::Closer(i) => pick(&CLOSERS, i).get(self.lang).to_owned(),
            Sentence::Mention { entity, template } => {
                let e = pick(&NOTED, entity);
                pick(&ENTITY_MENTIONS, template)
                    .get(self.lang)
                    .replace("{ent_gen}", e.ru_gen)
                    .replace(
                        "{ent}",
                        match self.lang {
                            Lang::En => e.en_ref,
                            Lang::Ru => e.ru,
                            Lang::Ar => e.ar,
                        },
                    )
            }
        }
    }

    /// (name, role, verb of saying) agreeing with the speaker's gender.
    fn speaker(&self, s: Speaker) -> (&'static str, &'static str, String) {
        let person = pick(&PEOPLE, s.person);
        let role = pick(self.bank.roles, s.role);
        let said = pick(&SAID, s.said).get(self.lang);
        let name = person.name.get(self.lang);
        match self.lang {
            Lang::En => (name, role.en, said.to_owned()),
            Lang::Ru => {
                let g = if person.female {
                    crate::lang::Gender::F
                } else {
                    crate::lang::Gender::M
                };
                (name, role.ru, ru_past(said, g))
            }
            Lang::Ar => {
                let role = if person.female { role.ar_f } else { role.ar_m };
                (name, role, ar_past(said, person.female))
            }
        }
    }

    fn quote(&self, s: Speaker, quote: usize) -> String {
        let words = pick(self.bank.quotes, quote).get(self.lang);
        let (name, role, said) = self.speaker(s);
        match self.lang {
            Lang::En => format!("“{words},” {said} {name}, {role}."),
            Lang::Ru => format!("«{words}», — {said} {role} {name}."),
            Lang::Ar => format!("و{said} {name}، {role}: «{words}»."),
        }
    }

    fn pull_quote(&self, s: Speaker, quote: usize) -> String {
        let words = pick(self.bank.quotes, quote).get(self.lang);
        let (name, role, _) = self.speaker(s);
        let sep = if self.lang == Lang::Ar { "، " } else { ", " };
        let cite = format!("{name}{sep}{role}").replace('"', "");
        format!("::quote[{words}.]{{cite=\"{cite}\"}}")
    }

    /// Fills the slots of a bank phrase with the story's numbers and place.
    fn fill(&self, text: &str) -> String {
        if !text.contains('{') {
            return text.to_owned();
        }
        let place = pick(&PLACES, self.story.place);
        let (city, city_loc) = match self.lang {
            Lang::En => (place.en, format!("in {}", place.en)),
            Lang::Ru => (place.ru, place.ru_loc.to_owned()),
            Lang::Ar => (place.ar, format!("في {}", place.ar)),
        };
        text.replace("{pct}", &percent(self.story.pct, self.lang))
            .replace("{money}", &money(self.story.money, self.lang))
            .replace("{num}", &self.story.num.to_string())
            .replace("{place_loc}", &city_loc)
            .replace("{place}", city)
            .replace("{year}", &self.year.to_string())
    }
}

/// Bank lookups wrap around, so a plan drawn against a longer bank never panics.
fn pick<T>(items: &[T], i: usize) -> &T {
    &items[i % items.len()]
}
