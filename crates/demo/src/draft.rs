//! Writing a drawn story's body: which sentences, quotes, headings and embeds, in which
//! order. Each bank is dealt from a shuffled deck so no sentence repeats within a story,
//! and each number slot is given one meaning per story.

use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::banks::common::{CLOSERS, ENTITY_MENTIONS, PEOPLE, SAID, SUBHEADS, Subhead};
use crate::banks::newsroom::NOTED;
use crate::banks::opinion::{RHETORIC, THEMES, Theme};
use crate::banks::{Beat, NewsBank};
use crate::lang::Tri;
use crate::plan::{Block, Headline, Pull, Sentence, Speaker, Story};

/// The blocks of `story`'s body; `photo` puts a photo in it, `brief` keeps it short.
pub fn body(rng: &mut ChaCha8Rng, story: &Story, photo: bool, brief: bool) -> Vec<Block> {
    let (bank, beat) = (story.news_bank(), story.beat());
    let mut w = Drafter::new(rng, bank, beat);
    match story.headline {
        Headline::News { actor, action } => {
            w.kind = beat.actors[actor % beat.actors.len()].kind;
            let action = &beat.actions[action % beat.actions.len()];
            let lead = beat.leads.get(story.lead).map_or("", |l| l.en);
            // The headline's and standfirst's numbers are the story's; nothing else may
            // give them another meaning.
            w.used = [action.en, lead].iter().fold(0, |u, t| u | slots(t));
            if brief {
                w.brief(photo)
            } else {
                w.report(story.section, photo)
            }
        }
        Headline::Opinion { theme, .. } => {
            let theme = &THEMES[theme % THEMES.len()];
            if brief {
                w.brief_column(theme)
            } else {
                w.column(theme, photo)
            }
        }
    }
}

/// English words a story reaches at least (before its embeds); Russian and Arabic run
/// about a sixth shorter, and every language must stay above 350.
const MIN_WORDS: usize = 500;

/// Sections where noted organisations plausibly come up, and how often.
const MENTION_CHANCE: [f64; 8] = [0.45, 0.45, 0.3, 0.15, 0.35, 0.15, 0.05, 0.3];

/// Slots a sentence uses; each number is given one meaning per story, so a sentence
/// whose slot another sentence already used is left out.
const PCT: u8 = 1;
const PCT2: u8 = 2;
const MONEY: u8 = 4;
const NUM: u8 = 8;

fn slots(en: &str) -> u8 {
    [
        ("{pct}", PCT),
        ("{pct2}", PCT2),
        ("{money}", MONEY),
        ("{num}", NUM),
    ]
    .iter()
    .filter(|(slot, _)| en.contains(slot))
    .fold(0, |acc, (_, bit)| acc | bit)
}

/// Indexes `0..n` in random order, handed out one at a time, never twice: a sentence
/// never repeats in a story.
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

    /// The next index `ok` accepts, or `None` once none is left.
    fn deal(&mut self, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let at = (self.next..self.order.len()).find(|&p| ok(self.order[p]))?;
        self.order.swap(self.next, at);
        self.next += 1;
        Some(self.order[self.next - 1])
    }
}

/// Writes a story's blocks, dealing each bank's sentences once.
struct Drafter<'r> {
    rng: &'r mut ChaCha8Rng,
    bank: &'static NewsBank,
    beat: &'static Beat,
    /// The actor's kind: who may speak for it.
    kind: u8,
    used: u8,
    details: Deck,
    context: Deck,
    analysis: Deck,
    reactions: Deck,
    outlook: Deck,
    people: Deck,
}

impl<'r> Drafter<'r> {
    fn new(rng: &'r mut ChaCha8Rng, bank: &'static NewsBank, beat: &'static Beat) -> Self {
        Drafter {
            details: Deck::new(rng, beat.details.len()),
            context: Deck::new(rng, bank.context.len()),
            analysis: Deck::new(rng, bank.analysis.len()),
            reactions: Deck::new(rng, bank.reactions.len()),
            outlook: Deck::new(rng, bank.outlook.len()),
            people: Deck::new(rng, PEOPLE.len()),
            rng,
            bank,
            beat,
            kind: u8::MAX,
            used: 0,
        }
    }

    /// The next sentence of `pool` through `deck` whose numbers are still free.
    fn next(
        deck: &mut Deck,
        used: &mut u8,
        pool: &[Tri],
        make: fn(usize) -> Sentence,
    ) -> Option<Sentence> {
        let taken = *used;
        let i = deck.deal(|i| pool.get(i).is_some_and(|t| slots(t.en) & taken == 0))?;
        *used |= pool.get(i).map_or(0, |t| slots(t.en));
        Some(make(i))
    }

    fn detail(&mut self) -> Option<Sentence> {
        Self::next(
            &mut self.details,
            &mut self.used,
            self.beat.details,
            Sentence::Detail,
        )
    }

    fn context(&mut self) -> Option<Sentence> {
        Self::next(
            &mut self.context,
            &mut self.used,
            self.bank.context,
            Sentence::Context,
        )
    }

    fn analysis(&mut self) -> Option<Sentence> {
        Self::next(
            &mut self.analysis,
            &mut self.used,
            self.bank.analysis,
            Sentence::Analysis,
        )
    }

    fn reaction(&mut self) -> Option<Sentence> {
        Self::next(
            &mut self.reactions,
            &mut self.used,
            self.bank.reactions,
            Sentence::Reaction,
        )
    }

    fn outlook(&mut self) -> Option<Sentence> {
        Self::next(
            &mut self.outlook,
            &mut self.used,
            self.bank.outlook,
            Sentence::Outlook,
        )
    }

    fn speaker(&mut self, inside: bool) -> Speaker {
        let role = if inside {
            let fit = fitting(self.beat.roles.iter().map(|r| r.kinds), self.kind);
            fit[self.rng.random_range(0..fit.len())]
        } else {
            self.rng.random_range(0..self.bank.roles.len().max(1))
        };
        Speaker {
            person: self.people.deal(|_| true).unwrap_or(0),
            role,
            said: self.rng.random_range(0..SAID.len()),
            inside,
        }
    }

    /// Words for the actors' side that fit the actor, other than `not` when the beat
    /// has others (else `not` itself).
    fn inside_quote(&mut self, not: Option<usize>) -> usize {
        let fit = fitting(self.beat.quotes.iter().map(|q| q.kinds), self.kind);
        let other: Vec<usize> = fit.iter().copied().filter(|i| Some(*i) != not).collect();
        match other.len() {
            0 => not.unwrap_or(0),
            n => other[self.rng.random_range(0..n)],
        }
    }

    fn subhead(&mut self, kind: Subhead) -> Block {
        let options: Vec<usize> = (0..SUBHEADS.len())
            .filter(|&i| SUBHEADS[i].0 == kind)
            .collect();
        Block::Subhead(options[self.rng.random_range(0..options.len())])
    }

    fn mention(&mut self) -> Sentence {
        Sentence::Mention {
            entity: self.rng.random_range(0..NOTED.len()),
            template: self.rng.random_range(0..ENTITY_MENTIONS.len()),
        }
    }

    /// A news report; `photo` puts a photo after the first quote.
    fn report(&mut self, section: usize, photo: bool) -> Vec<Block> {
        let mut blocks = vec![Block::Opening(self.detail().into_iter().collect())];
        push(&mut blocks, [self.detail(), self.context(), self.detail()]);
        let first = self.speaker(true);
        let said = self.inside_quote(None);
        blocks.push(Block::Quote {
            speaker: first,
            quote: said,
        });
        push(
            &mut blocks,
            [self.context(), self.context(), self.analysis()],
        );
        blocks.push(Block::Related);
        if photo {
            blocks.push(Block::Photo);
        }
        blocks.push(self.subhead(Subhead::Background));
        push(&mut blocks, [self.context(), self.detail(), self.context()]);
        push(&mut blocks, [self.detail(), self.context(), self.context()]);
        let background = blocks.len();
        if self.rng.random_bool(MENTION_CHANCE[section % 8]) {
            let mention = Some(self.mention());
            push(&mut blocks, [mention, self.context()]);
        }
        // A second voice from the same side, when the beat has more to say for it.
        let again = self.inside_quote(Some(said));
        if again != said {
            let speaker = self.speaker(true);
            blocks.push(Block::Quote {
                speaker,
                quote: again,
            });
        }
        if self.rng.random_bool(0.6) && self.bank.figures.len() >= 3 {
            blocks.push(self.subhead(Subhead::Numbers));
            blocks.push(self.figures());
        }
        blocks.push(self.subhead(Subhead::Reaction));
        push(
            &mut blocks,
            [self.reaction(), self.reaction(), self.context()],
        );
        let mut outside = Deck::new(self.rng, self.bank.quotes.len());
        let speaker = self.speaker(false);
        if let Some(quote) = outside.deal(|_| true) {
            blocks.push(Block::Quote { speaker, quote });
        }
        if self.rng.random_bool(0.75) {
            blocks.push(Block::PullQuote(Pull::Said {
                speaker: first,
                quote: said,
            }));
        }
        push(&mut blocks, [self.reaction(), self.analysis()]);
        let speaker = self.speaker(false);
        if let Some(quote) = outside.deal(|_| true) {
            blocks.push(Block::Quote { speaker, quote });
        }
        blocks.push(self.subhead(Subhead::Matters));
        push(
            &mut blocks,
            [self.analysis(), self.context(), self.analysis()],
        );
        blocks.push(self.subhead(Subhead::Next));
        push(
            &mut blocks,
            [self.outlook(), self.outlook(), self.context()],
        );
        push(&mut blocks, [self.analysis(), self.detail()]);
        blocks.push(Block::Related);
        let closer = Sentence::Closer(self.rng.random_range(0..CLOSERS.len()));
        push(&mut blocks, [self.outlook(), Some(closer)]);
        let mut turn = 0usize;
        let mut more = |w: &mut Self| {
            (0..3).find_map(|_| {
                turn += 1;
                match turn % 3 {
                    0 => w.analysis(),
                    1 => w.context(),
                    _ => w.detail(),
                }
            })
        };
        self.lengthen(&mut blocks, background, None, &mut more);
        blocks
    }

    /// Adds paragraphs of two or three sentences from `next` at `at` until the story
    /// reaches a length drawn for it, so that sections of short sentences still make full
    /// articles; Russian and Arabic need fewer words than English for the same text,
    /// hence the English margin.
    fn lengthen(
        &mut self,
        blocks: &mut Vec<Block>,
        at: usize,
        theme: Option<&Theme>,
        next: &mut dyn FnMut(&mut Self) -> Option<Sentence>,
    ) {
        let target = self.rng.random_range(MIN_WORDS..MIN_WORDS + 220);
        let mut words: usize = blocks.iter().map(|b| self.words(b, theme)).sum();
        let mut added: Vec<Block> = Vec::new();
        let mut para: Vec<Sentence> = Vec::new();
        let mut size = self.rng.random_range(2..=3);
        while words < target {
            let Some(s) = next(self) else {
                break;
            };
            words += self.sentence_words(&s, theme);
            para.push(s);
            if para.len() == size {
                added.push(Block::Para(std::mem::take(&mut para)));
                size = self.rng.random_range(2..=3);
            }
        }
        // A last lone sentence joins the paragraph before it.
        match added.last_mut() {
            Some(Block::Para(last)) if para.len() == 1 => last.append(&mut para),
            _ if !para.is_empty() => added.push(Block::Para(para)),
            _ => {}
        }
        blocks.splice(at..at, added);
    }

    fn sentence_words(&self, s: &Sentence, theme: Option<&Theme>) -> usize {
        let count = |t: &Tri| t.en.split_whitespace().count();
        match *s {
            Sentence::Detail(i) => self.beat.details.get(i).map_or(0, count),
            Sentence::Context(i) => self.bank.context.get(i).map_or(0, count),
            Sentence::Analysis(i) => self.bank.analysis.get(i).map_or(0, count),
            Sentence::Reaction(i) => self.bank.reactions.get(i).map_or(0, count),
            Sentence::Outlook(i) => self.bank.outlook.get(i).map_or(0, count),
            Sentence::Argument(i) => theme.and_then(|t| t.arguments.get(i)).map_or(0, count),
            Sentence::Rhetoric(i) => RHETORIC.get(i).map_or(0, count),
            Sentence::Mention { .. } => 13,
            Sentence::Closer(_) => 9,
        }
    }

    /// About how many words `block` has in English.
    fn words(&self, block: &Block, theme: Option<&Theme>) -> usize {
        let count = |t: &Tri| t.en.split_whitespace().count();
        let sentence = |s: &Sentence| self.sentence_words(s, theme);
        match block {
            Block::Opening(more) => 14 + more.iter().map(sentence).sum::<usize>(),
            Block::Para(more) => more.iter().map(sentence).sum(),
            Block::Quote { speaker, quote } => {
                let text = if speaker.inside {
                    self.beat.quotes.get(*quote).map(|q| &q.text)
                } else {
                    self.bank.quotes.get(*quote)
                };
                8 + text.map_or(0, count)
            }
            Block::Subhead(_) => 3,
            Block::Figures(f) => 9 * f.len(),
            Block::PullQuote(_) => 12,
            Block::Related | Block::Photo => 0,
        }
    }

    /// A short archive report: the news, detail, one voice, what is next.
    fn brief(&mut self, photo: bool) -> Vec<Block> {
        let mut blocks = vec![Block::Opening(self.detail().into_iter().collect())];
        push(&mut blocks, [self.detail(), self.context()]);
        let speaker = self.speaker(true);
        let quote = self.inside_quote(None);
        blocks.push(Block::Quote { speaker, quote });
        blocks.push(Block::Related);
        if photo {
            blocks.push(Block::Photo);
        }
        let closer = Sentence::Closer(self.rng.random_range(0..CLOSERS.len()));
        push(&mut blocks, [self.analysis(), self.outlook(), Some(closer)]);
        blocks.push(Block::Related);
        blocks
    }

    /// A short archive column: the argument, a fact, the conclusion.
    fn brief_column(&mut self, theme: &'static Theme) -> Vec<Block> {
        let mut args = Deck::new(self.rng, theme.arguments.len());
        let mut lines = Deck::new(self.rng, RHETORIC.len());
        let opens = |i: usize| {
            theme
                .arguments
                .get(i)
                .is_some_and(|t| !t.ar.starts_with('و'))
        };
        let first = args.deal(opens).or_else(|| args.deal(|_| true));
        let mut arg = || args.deal(|_| true).map(Sentence::Argument);
        let mut said = || lines.deal(|_| true).map(Sentence::Rhetoric);
        let mut blocks = Vec::new();
        push(&mut blocks, [first.map(Sentence::Argument), arg()]);
        push(&mut blocks, [said(), self.context(), arg()]);
        blocks.push(Block::Related);
        push(&mut blocks, [arg(), said(), arg()]);
        blocks
    }

    /// Three or four of the section's figures, each with its number.
    fn figures(&mut self) -> Block {
        let n = self.rng.random_range(3..=self.bank.figures.len().min(4));
        let mut order: Vec<usize> = (0..self.bank.figures.len()).collect();
        order.shuffle(self.rng);
        let figures = order[..n]
            .iter()
            .map(|&i| {
                let f = &self.bank.figures[i];
                (i, self.rng.random_range(f.lo..=f.hi.max(f.lo)))
            })
            .collect();
        Block::Figures(figures)
    }

    /// An opinion column on `theme`, with facts from its beat and one outside voice.
    fn column(&mut self, theme: &'static Theme, photo: bool) -> Vec<Block> {
        let mut args = Deck::new(self.rng, theme.arguments.len());
        let mut lines = Deck::new(self.rng, RHETORIC.len());
        // Arabic prose continues a sentence with "و"; a column's first one cannot.
        let opens = |i: usize| {
            theme
                .arguments
                .get(i)
                .is_some_and(|t| !t.ar.starts_with('و'))
        };
        let first = args.deal(opens).or_else(|| args.deal(|_| true));
        let first = first.map(Sentence::Argument);
        let mut arg = || args.deal(|_| true).map(Sentence::Argument);
        let mut said = || lines.deal(|_| true).map(Sentence::Rhetoric);
        let mut blocks = Vec::new();
        push(&mut blocks, [first, arg()]);
        push(&mut blocks, [said(), self.context(), arg()]);
        if let Some(Sentence::Argument(i)) = first
            && self.rng.random_bool(0.6)
        {
            blocks.push(Block::PullQuote(Pull::Column(i)));
        }
        push(&mut blocks, [arg(), said(), arg()]);
        if photo {
            blocks.push(Block::Photo);
        }
        push(&mut blocks, [self.detail(), said(), arg()]);
        let before_turn = blocks.len();
        blocks.push(self.subhead(Subhead::Turn));
        push(&mut blocks, [arg(), said(), self.detail()]);
        let speaker = self.speaker(false);
        let quote = self.rng.random_range(0..self.bank.quotes.len().max(1));
        blocks.push(Block::Quote { speaker, quote });
        let aside = if self.rng.random_bool(0.3) {
            Some(self.mention())
        } else {
            self.context()
        };
        push(&mut blocks, [said(), aside, arg()]);
        blocks.push(Block::Related);
        push(&mut blocks, [arg(), said(), self.detail()]);
        push(&mut blocks, [said(), arg(), arg()]);
        blocks.push(Block::Related);
        push(&mut blocks, [arg(), said(), arg()]);
        push(&mut blocks, [said(), arg()]);
        // More of the argument's own material; the section's background only when it runs out.
        let mut turn = 0usize;
        let mut more = move |w: &mut Self| {
            (0..3)
                .find_map(|_| {
                    turn += 1;
                    match turn % 3 {
                        0 => w.detail(),
                        1 => lines.deal(|_| true).map(Sentence::Rhetoric),
                        _ => args.deal(|_| true).map(Sentence::Argument),
                    }
                })
                .or_else(|| w.context())
        };
        self.lengthen(&mut blocks, before_turn, Some(theme), &mut more);
        blocks
    }
}

/// Indexes of the entries whose kinds include `kind` (all of them when none does).
fn fitting(kinds: impl Iterator<Item = u8>, kind: u8) -> Vec<usize> {
    let kinds: Vec<u8> = kinds.collect();
    let fit: Vec<usize> = (0..kinds.len()).filter(|&i| kinds[i] & kind != 0).collect();
    if fit.is_empty() {
        (0..kinds.len().max(1)).collect()
    } else {
        fit
    }
}

/// Adds a paragraph of whichever sentences the banks still had.
fn push<const N: usize>(blocks: &mut Vec<Block>, sentences: [Option<Sentence>; N]) {
    let para: Vec<Sentence> = sentences.into_iter().flatten().collect();
    if !para.is_empty() {
        blocks.push(Block::Para(para));
    }
}
