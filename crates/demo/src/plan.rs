//! A story drawn once, in no language: which actor did what, where, with which numbers,
//! and the order of its paragraphs. [`crate::render`] writes it out in each edition, so
//! the members of a translation group really are translations of one another.
//!
//! A report runs like a wire story: the news with its dateline, detail, a quote from the
//! actors' side, background under a subheading, sometimes a box of figures, reaction and
//! an outside voice, then what happens next; two related-article cards sit between. An
//! opinion column argues its theme from start to finish, with a fact or two from the news
//! beat it is about.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::banks::newsroom::tag;
use crate::banks::opinion::THEMES;
use crate::banks::{Beat, Combo, NEWS, NewsBank, OPINION};
use crate::draft;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    News { actor: usize, action: usize },
    Opinion { theme: usize, line: usize },
}

/// One sentence of running text, by its index in a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentence {
    Detail(usize),
    Context(usize),
    Analysis(usize),
    Reaction(usize),
    Outlook(usize),
    /// An opinion column's argument, from its theme.
    Argument(usize),
    /// A column's turn of phrase that fits any theme.
    Rhetoric(usize),
    /// A sentence naming a noted organisation.
    Mention {
        entity: usize,
        template: usize,
    },
    Closer(usize),
}

/// Someone quoted: a person, their role, and a verb of saying. `inside` speakers talk
/// for the story's actors (the beat's quotes and roles), the others are outside voices
/// (the section's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    pub person: usize,
    pub role: usize,
    pub said: usize,
    pub inside: bool,
}

/// A pull quote: a line from the body set large, as papers do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pull {
    Said { speaker: Speaker, quote: usize },
    Column(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The dateline and the news, followed in the same paragraph by these sentences.
    Opening(Vec<Sentence>),
    Para(Vec<Sentence>),
    Quote {
        speaker: Speaker,
        quote: usize,
    },
    /// Index into `common::SUBHEADS`.
    Subhead(usize),
    /// A list of figures: index into the section's `figures` and the number drawn.
    Figures(Vec<(usize, u32)>),
    /// A card linking an earlier article of the same edition, chosen when inserting.
    Related,
    /// A photo from the story's beat, chosen with the story's pictures.
    Photo,
    PullQuote(Pull),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Index into `newsroom::SECTIONS`.
    pub section: usize,
    /// The news bank the language comes from (an opinion column's theme's).
    pub bank: usize,
    pub beat: usize,
    pub headline: Headline,
    pub lead: usize,
    pub place: usize,
    /// Tenths of a percent: the story's main figure and a second one.
    pub pct: u32,
    pub pct2: u32,
    /// Millions of dollars.
    pub money: u32,
    /// Thousands.
    pub num: u32,
    pub blocks: Vec<Block>,
    /// Indexes into `newsroom::TAGS`.
    pub tags: Vec<usize>,
}

impl Story {
    pub fn news_bank(&self) -> &'static NewsBank {
        NEWS[self.bank % NEWS.len()]
    }

    pub fn beat(&self) -> &'static Beat {
        let beats = self.news_bank().beats;
        &beats[self.beat % beats.len()]
    }

    /// How many blocks of `kind` the body has (to pick that many related cards).
    pub fn count(&self, kind: &Block) -> usize {
        self.blocks.iter().filter(|b| *b == kind).count()
    }
}

/// The news beat a headline belongs to, as (news bank, beat): an opinion column's is its
/// theme's. Photos and related cards follow it.
pub fn beat_of(section: usize, combo: Combo) -> (usize, usize) {
    if section == OPINION {
        let theme = &THEMES[usize::from(combo.0) % THEMES.len()];
        (theme.section, theme.beat)
    } else {
        (section, usize::from(combo.0))
    }
}

/// The story of `section` with headline `combo`, set in `place`; `photo` puts a photo in
/// the body, `brief` makes it a short archive piece (see [`crate::schedule`]). The rest
/// comes from `seed`.
pub fn draw(
    seed: u64,
    section: usize,
    combo: Combo,
    place: usize,
    photo: bool,
    brief: bool,
) -> Story {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (bank_index, beat_index) = beat_of(section, combo);
    let bank = NEWS[bank_index % NEWS.len()];
    let beat = &bank.beats[beat_index % bank.beats.len()];
    let (a, b) = (usize::from(combo.1), usize::from(combo.2));
    let (headline, lead, mut tags) = if section == OPINION {
        let theme = &THEMES[usize::from(combo.0) % THEMES.len()];
        let lead = rng.random_range(0..theme.leads.len());
        let headline = Headline::Opinion {
            theme: usize::from(combo.0),
            line: a,
        };
        (headline, lead, vec![tag::COLUMNS, theme.tag])
    } else {
        let leads = beat.leads_for(b);
        let lead = leads
            .get(rng.random_range(0..leads.len().max(1)))
            .copied()
            .unwrap_or(0);
        let mut tags = vec![beat.tag];
        tags.extend(beat.actions[b % beat.actions.len()].tag);
        (
            Headline::News {
                actor: a,
                action: b,
            },
            lead,
            tags,
        )
    };
    tags.dedup();
    let mut story = Story {
        section,
        bank: bank_index,
        beat: beat_index,
        headline,
        lead,
        place,
        pct: rng.random_range(5..=250),
        pct2: rng.random_range(5..=250),
        money: rng.random_range(11..=950),
        num: rng.random_range(11..=250),
        blocks: Vec::new(),
        tags,
    };
    story.blocks = draft::body(&mut rng, &story, photo, brief);
    story
}
