//! A story drawn once, in no language: which actor did what, where, with which numbers,
//! and the order of its paragraphs. [`crate::render`] writes it out in each edition, so
//! the members of a translation group really are translations of one another.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::banks::common::{CLOSERS, ENTITY_MENTIONS, PEOPLE, SAID, SUBHEADS};
use crate::banks::newsroom::NOTED;
use crate::banks::{NEWS, NewsBank, OPINION, opinion};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    News { actor: usize, action: usize },
    Opinion(usize),
}

/// One sentence of running text, by its index in a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentence {
    Context(usize),
    Reaction(usize),
    /// A sentence naming a noted organisation.
    Mention {
        entity: usize,
        template: usize,
    },
    /// An opinion column's argument.
    Argument(usize),
    /// A closing line ("Officials declined to comment further.").
    Closer(usize),
}

/// Someone quoted: a person, their role in the story's section, and a verb of saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    pub person: usize,
    pub role: usize,
    pub said: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Dateline and the news itself (an opinion column opens with its argument instead).
    Opening,
    Para(Vec<Sentence>),
    Quote {
        speaker: Speaker,
        quote: usize,
    },
    Subhead(usize),
    /// A card linking an earlier article of the same edition, chosen when rendering.
    Related,
    /// A photo from the edition's pool, chosen when rendering.
    Photo,
    PullQuote {
        speaker: Speaker,
        quote: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Index into `newsroom::SECTIONS`.
    pub section: usize,
    /// The news bank quotes and background come from (an opinion column borrows one).
    pub bank: usize,
    pub headline: Headline,
    pub lead: usize,
    pub place: usize,
    /// Tenths of a percent.
    pub pct: u32,
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

    /// How many blocks of `kind` the body has (to pick that many related cards or photos).
    pub fn count(&self, kind: &Block) -> usize {
        self.blocks.iter().filter(|b| *b == kind).count()
    }
}

/// Sections where noted organisations plausibly come up, and how often.
const MENTION_CHANCE: [f64; 8] = [0.45, 0.45, 0.3, 0.15, 0.35, 0.15, 0.05, 0.3];

pub fn draw(rng: &mut ChaCha8Rng, section: usize) -> Story {
    let is_opinion = section == OPINION;
    let bank_index = if is_opinion {
        rng.random_range(0..NEWS.len())
    } else {
        section % NEWS.len()
    };
    let bank = NEWS[bank_index];
    let headline = if is_opinion {
        Headline::Opinion(rng.random_range(0..opinion::HEADLINES.len()))
    } else {
        let actor = rng.random_range(0..bank.actors.len());
        let who = &bank.actors[actor];
        let possible: Vec<usize> = (0..bank.actions.len())
            .filter(|&i| who.can(&bank.actions[i]))
            .collect();
        let action = possible.choose(rng).copied().unwrap_or(0);
        Headline::News { actor, action }
    };
    let lead = match headline {
        Headline::Opinion(_) => rng.random_range(0..opinion::LEADS.len()),
        Headline::News { action, .. } => bank
            .leads_for(action)
            .choose(rng)
            .copied()
            .unwrap_or_else(|| rng.random_range(0..bank.leads.len())),
    };
    let mut story = Story {
        section,
        bank: bank_index,
        headline,
        lead,
        place: rng.random_range(0..crate::banks::common::PLACES.len()),
        pct: rng.random_range(5..=250),
        money: rng.random_range(11..=950),
        num: rng.random_range(11..=250),
        blocks: Vec::new(),
        tags: tags(rng, section),
    };
    story.blocks = if is_opinion {
        column(rng, bank)
    } else {
        report(rng, bank, section)
    };
    story
}

fn tags(rng: &mut ChaCha8Rng, section: usize) -> Vec<usize> {
    let own: Vec<usize> = (section * 5..section * 5 + 5).collect();
    let count = rng.random_range(1..=3);
    let mut tags: Vec<usize> = own.choose_multiple(rng, count).copied().collect();
    if rng.random_bool(0.2) {
        let other = rng.random_range(0..40);
        if !tags.contains(&other) {
            tags.push(other);
        }
    }
    tags
}

fn speaker(rng: &mut ChaCha8Rng, bank: &NewsBank) -> Speaker {
    Speaker {
        person: rng.random_range(0..PEOPLE.len()),
        role: rng.random_range(0..bank.roles.len()),
        said: rng.random_range(0..SAID.len()),
    }
}

/// Indexes `0..n` in random order, handed out one at a time and reused once exhausted.
struct Deck {
    order: Vec<usize>,
    next: usize,
}

impl Deck {
    fn new(rng: &mut ChaCha8Rng, n: usize) -> Self {
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(rng);
        Deck { order, next: 0 }
    }

    /// The next index, or `None` once all are used: a sentence never repeats in a story.
    fn deal(&mut self) -> Option<usize> {
        let i = self.order.get(self.next).copied();
        self.next += 1;
        i
    }
}

/// A news report: the news, background, a quote, reaction, and what else fits.
fn report(rng: &mut ChaCha8Rng, bank: &NewsBank, section: usize) -> Vec<Block> {
    let mut context = Deck::new(rng, bank.context.len());
    let mut quotes = Deck::new(rng, bank.quotes.len());
    let mut reactions = Deck::new(rng, bank.reactions.len());
    // Up to seven here, then a trailing mention and a closing line: 4–9 in all.
    let paragraphs = rng.random_range(4..=7);
    let mut blocks = vec![Block::Opening];
    let mut written = 1;
    let mut mention = rng.random_bool(MENTION_CHANCE[section % 8]);
    let subhead_at = if paragraphs >= 5 && rng.random_bool(0.5) {
        rng.random_range(3..paragraphs)
    } else {
        usize::MAX
    };
    while written < paragraphs {
        if written == subhead_at {
            blocks.push(Block::Subhead(rng.random_range(0..SUBHEADS.len())));
        }
        let block = match written % 4 {
            1 => Block::Para(context.deal().map(Sentence::Context).into_iter().collect()),
            2 => match quotes.deal() {
                Some(quote) => Block::Quote {
                    speaker: speaker(rng, bank),
                    quote,
                },
                None => Block::Para(Vec::new()),
            },
            3 if mention => {
                mention = false;
                let mut para = vec![Sentence::Mention {
                    entity: rng.random_range(0..NOTED.len()),
                    template: rng.random_range(0..ENTITY_MENTIONS.len()),
                }];
                para.extend(reactions.deal().map(Sentence::Reaction));
                Block::Para(para)
            }
            3 => Block::Para(
                reactions
                    .deal()
                    .map(Sentence::Reaction)
                    .into_iter()
                    .collect(),
            ),
            _ => Block::Para(
                [context.deal(), context.deal()]
                    .into_iter()
                    .flatten()
                    .map(Sentence::Context)
                    .collect(),
            ),
        };
        // A bank running dry shortens the story rather than repeating itself.
        if block == Block::Para(Vec::new()) {
            break;
        }
        blocks.push(block);
        written += 1;
        if written == 2 && rng.random_bool(0.25) {
            blocks.push(Block::Photo);
        }
        if written == 3 && rng.random_bool(0.5) {
            blocks.push(Block::Related);
        }
    }
    if mention {
        blocks.push(Block::Para(vec![Sentence::Mention {
            entity: rng.random_range(0..NOTED.len()),
            template: rng.random_range(0..ENTITY_MENTIONS.len()),
        }]));
    }
    if rng.random_bool(0.5) {
        blocks.push(Block::Para(vec![Sentence::Closer(
            rng.random_range(0..CLOSERS.len()),
        )]));
    }
    if rng.random_bool(0.2)
        && let Some(quote) = quotes.deal()
    {
        let at = blocks.len().saturating_sub(1).max(1);
        blocks.insert(
            at,
            Block::PullQuote {
                speaker: speaker(rng, bank),
                quote,
            },
        );
    }
    blocks
}

/// An opinion column: argument paragraphs, one borrowed fact, one voice.
fn column(rng: &mut ChaCha8Rng, bank: &NewsBank) -> Vec<Block> {
    let mut arguments = Deck::new(rng, opinion::SENTENCES.len());
    // Two argument sentences a paragraph at most: six paragraphs use up the bank.
    let paragraphs = rng.random_range(4..=6);
    let mut blocks = Vec::with_capacity(paragraphs + 2);
    for i in 0..paragraphs {
        let mut para: Vec<Sentence> = arguments
            .deal()
            .map(Sentence::Argument)
            .into_iter()
            .collect();
        match i {
            1 => para.push(Sentence::Context(rng.random_range(0..bank.context.len()))),
            3 if rng.random_bool(0.4) => para.push(Sentence::Mention {
                entity: rng.random_range(0..NOTED.len()),
                template: rng.random_range(0..ENTITY_MENTIONS.len()),
            }),
            _ => para.extend(arguments.deal().map(Sentence::Argument)),
        }
        blocks.push(Block::Para(para));
        if i == 1 && rng.random_bool(0.5) {
            blocks.push(Block::PullQuote {
                speaker: speaker(rng, bank),
                quote: rng.random_range(0..bank.quotes.len()),
            });
        }
        if i == 2 && rng.random_bool(0.5) {
            blocks.push(Block::Related);
        }
    }
    blocks
}
