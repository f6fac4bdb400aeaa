//! Writing a [`Story`] out in one language: headline, standfirst and a Markdown body in
//! the syntax of `newsdesk_core::body` (`## ` subheadings, lists, `::related[id]`,
//! `::photo[id]{caption="…"}`, `::quote[…]{cite="…"}`), with each language's
//! typography: “curly quotes” in English, «ёлочки» and a dash before the attribution in
//! Russian, «» and the Arabic comma in Arabic.

use chrono::{Datelike, NaiveDate};

use crate::banks::common::{CLOSERS, ENTITY_MENTIONS, PEOPLE, PLACES, Place, SAID, SUBHEADS};
use crate::banks::newsroom::NOTED;
use crate::banks::opinion::{RHETORIC, THEMES, Theme};
use crate::banks::{Beat, NewsBank, Unit};
use crate::lang::{
    Gender, Lang, ar_past, ar_present, capitalize, money, on_weekday, percent, ru_date, ru_past,
};
use crate::plan::{Block, Headline, Pull, Sentence, Speaker, Story};

/// An article's text in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub headline: String,
    pub lead: String,
    pub body: String,
}

/// What the body's embeds point at, picked by the caller; blocks without one are left out.
#[derive(Debug, Clone, Default)]
pub struct EmbedIds {
    pub related: Vec<i64>,
    /// A photo and the caption it gets in this story.
    pub photo: Option<(i64, String)>,
}

/// `date` is the publication date in the edition's time zone (datelines, "on Tuesday").
pub fn render(story: &Story, lang: Lang, date: NaiveDate, year: i32, embeds: &EmbedIds) -> Text {
    let w = Writer::new(story, lang, date, year);
    let mut related = embeds.related.iter();
    let mut parts: Vec<String> = Vec::with_capacity(story.blocks.len());
    for block in &story.blocks {
        let part = match block {
            Block::Opening(more) => Some(w.opening(more)),
            Block::Para(sentences) => Some(w.para(sentences)),
            Block::Quote { speaker, quote } => Some(w.quote(*speaker, *quote)),
            Block::Subhead(i) => Some(format!("## {}", pick(&SUBHEADS, *i).1.get(lang))),
            Block::Figures(figures) => Some(w.figures(figures)),
            Block::Related => related.next().map(|id| format!("::related[{id}]")),
            Block::Photo => embeds.photo.as_ref().map(|(id, caption)| {
                format!("::photo[{id}]{{caption=\"{}\"}}", caption.replace('"', ""))
            }),
            Block::PullQuote(pull) => Some(w.pull_quote(*pull)),
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
    Writer::new(story, lang, date, date.year()).headline()
}

struct Writer<'a> {
    story: &'a Story,
    lang: Lang,
    date: NaiveDate,
    year: i32,
    bank: &'static NewsBank,
    beat: &'static Beat,
    place: &'static Place,
}

impl<'a> Writer<'a> {
    fn new(story: &'a Story, lang: Lang, date: NaiveDate, year: i32) -> Self {
        Writer {
            story,
            lang,
            date,
            year,
            bank: story.news_bank(),
            beat: story.beat(),
            place: pick(&PLACES, story.place),
        }
    }

    fn theme(&self) -> Option<&'static Theme> {
        match self.story.headline {
            Headline::Opinion { theme, .. } => Some(pick(&THEMES, theme)),
            Headline::News { .. } => None,
        }
    }

    fn headline(&self) -> String {
        let (actor, action) = match self.story.headline {
            Headline::Opinion { theme, line } => {
                return pick(pick(&THEMES, theme).headlines, line)
                    .get(self.lang)
                    .to_owned();
            }
            Headline::News { actor, action } => (
                pick(self.beat.actors, actor),
                pick(self.beat.actions, action),
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
        match self.theme() {
            Some(theme) => self.fill(pick(theme.leads, self.story.lead).get(self.lang)),
            None => self.fill(pick(self.beat.leads, self.story.lead).get(self.lang)),
        }
    }

    /// The first paragraph: dateline, then who did what on which day, then `more`.
    fn opening(&self, more: &[Sentence]) -> String {
        let Headline::News { actor, action } = self.story.headline else {
            return self.para(more);
        };
        let (actor, action) = (
            pick(self.beat.actors, actor),
            pick(self.beat.actions, action),
        );
        let day = on_weekday(self.date.weekday(), self.lang);
        let news = match self.lang {
            Lang::En => format!(
                "{} — {} {} {day}.",
                self.place.en.to_uppercase(),
                capitalize(actor.en),
                self.fill(action.en)
            ),
            Lang::Ru => format!(
                "{}, {}. {} {day} {}.",
                self.place.ru.to_uppercase(),
                ru_date(self.date),
                actor.ru,
                ru_past(&self.fill(action.ru), actor.ru_gender)
            ),
            Lang::Ar => format!(
                "{} - {} {}، {day}، {}.",
                self.place.ar,
                ar_past(action.ar_past, actor.ar_feminine),
                actor.ar,
                self.fill(action.ar_rest)
            ),
        };
        if more.is_empty() {
            news
        } else {
            format!("{news} {}", self.para(more))
        }
    }

    fn para(&self, sentences: &[Sentence]) -> String {
        sentences
            .iter()
            .map(|s| self.sentence(*s))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn sentence(&self, s: Sentence) -> String {
        let text = match s {
            Sentence::Detail(i) => pick(self.beat.details, i),
            Sentence::Context(i) => pick(self.bank.context, i),
            Sentence::Analysis(i) => pick(self.bank.analysis, i),
            Sentence::Reaction(i) => pick(self.bank.reactions, i),
            Sentence::Outlook(i) => pick(self.bank.outlook, i),
            Sentence::Argument(i) => match self.theme() {
                Some(theme) => pick(theme.arguments, i),
                None => return String::new(),
            },
            Sentence::Rhetoric(i) => pick(&RHETORIC, i),
            Sentence::Closer(i) => pick(&CLOSERS, i),
            Sentence::Mention { entity, template } => {
                let e = pick(&NOTED, entity);
                let name = match self.lang {
                    Lang::En => e.en_ref,
                    Lang::Ru => e.ru,
                    Lang::Ar => e.ar,
                };
                return pick(&ENTITY_MENTIONS, template)
                    .get(self.lang)
                    .replace("{ent_gen}", e.ru_gen)
                    .replace("{ent}", name);
            }
        };
        self.fill(text.get(self.lang))
    }

    /// (name, role, verb of saying) agreeing with the speaker's gender.
    fn speaker(&self, s: Speaker) -> (&'static str, &'static str, String) {
        let person = pick(&PEOPLE, s.person);
        let roles = if s.inside {
            self.beat.roles
        } else {
            self.bank.roles
        };
        let role = pick(roles, s.role);
        let said = pick(&SAID, s.said).get(self.lang);
        let name = person.name.get(self.lang);
        match self.lang {
            Lang::En => (name, role.en, said.to_owned()),
            Lang::Ru => {
                let g = if person.female { Gender::F } else { Gender::M };
                (name, role.ru, ru_past(said, g))
            }
            Lang::Ar => {
                let role = if person.female { role.ar_f } else { role.ar_m };
                (name, role, ar_past(said, person.female))
            }
        }
    }

    fn words(&self, s: Speaker, quote: usize) -> String {
        let text = if s.inside {
            &pick(self.beat.quotes, quote).text
        } else {
            pick(self.bank.quotes, quote)
        };
        self.fill(text.get(self.lang))
    }

    fn quote(&self, s: Speaker, quote: usize) -> String {
        let words = self.words(s, quote);
        let (name, role, said) = self.speaker(s);
        match self.lang {
            Lang::En => format!("“{words},” {said} {name}, {role}."),
            Lang::Ru => format!("«{words}», — {said} {name}, {role}."),
            Lang::Ar => format!("و{said} {name}، {role}: «{words}»."),
        }
    }

    fn pull_quote(&self, pull: Pull) -> String {
        let (words, cite) = match pull {
            Pull::Said { speaker, quote } => {
                let (name, role, _) = self.speaker(speaker);
                let sep = if self.lang == Lang::Ar { "، " } else { ", " };
                let cite = format!("{name}{sep}{role}").replace('"', "");
                (format!("{}.", self.words(speaker, quote)), Some(cite))
            }
            Pull::Column(i) => (self.sentence(Sentence::Argument(i)), None),
        };
        match cite {
            Some(cite) => format!("::quote[{words}]{{cite=\"{cite}\"}}"),
            None => format!("::quote[{words}]"),
        }
    }

    /// A "By the numbers" list: the number in bold, then what it counts.
    fn figures(&self, figures: &[(usize, u32)]) -> String {
        figures
            .iter()
            .map(|&(i, n)| {
                let f = pick(self.bank.figures, i);
                let value = match f.unit {
                    Unit::Pct => format!("{}%", percent(n, self.lang)),
                    Unit::Money => money(n, self.lang),
                    Unit::Thousands => match self.lang {
                        Lang::En => format!("{n},000"),
                        Lang::Ru => format!("{n} тыс."),
                        Lang::Ar => format!("{n} ألف"),
                    },
                    Unit::Plain => n.to_string(),
                };
                let text = self.fill(f.text.get(self.lang));
                match self.lang {
                    Lang::Ar => format!("- **{value}**: {text}"),
                    _ => format!("- **{value}** — {text}"),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Fills the slots of a bank phrase with the story's numbers and place.
    fn fill(&self, text: &str) -> String {
        if !text.contains('{') {
            return text.to_owned();
        }
        let place = self.place;
        let (city, city_loc) = match self.lang {
            Lang::En => (place.en, format!("in {}", place.en)),
            Lang::Ru => (place.ru, place.ru_loc.to_owned()),
            Lang::Ar => (place.ar, format!("في {}", place.ar)),
        };
        text.replace("{pct}", &percent(self.story.pct, self.lang))
            .replace("{pct2}", &percent(self.story.pct2, self.lang))
            .replace("{money}", &money(self.story.money, self.lang))
            .replace("{num}", &self.story.num.to_string())
            .replace("{place_loc}", &city_loc)
            .replace("{place_gen}", place.ru_gen)
            .replace("{place}", city)
            .replace("{year}", &self.year.to_string())
    }
}

/// Bank lookups wrap around, so a plan drawn against a longer bank never panics.
pub fn pick<T>(items: &[T], i: usize) -> &T {
    &items[i % items.len()]
}
