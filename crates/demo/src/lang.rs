//! The three demo languages and the few grammar rules the templates rely on.
//!
//! The phrase banks template whole clauses so that case and agreement are written by hand;
//! what is left to code is the agreement of a verb with its subject's gender (Russian past
//! tense, Arabic past and present) and number formatting, both regular enough to derive.

use chrono::{Datelike, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Ru,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Ar];

    /// The edition code the language is published under.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
        }
    }

    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ru => 1,
            Lang::Ar => 2,
        }
    }
}

/// One phrase, written in each language. Banks are lists of these, index-aligned, so the
/// same story renders as a translation in every edition.
#[derive(Debug, Clone, Copy)]
pub struct Tri {
    pub en: &'static str,
    pub ru: &'static str,
    pub ar: &'static str,
}

impl Tri {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
            Lang::Ar => self.ar,
        }
    }
}

pub const fn tri(en: &'static str, ru: &'static str, ar: &'static str) -> Tri {
    Tri { en, ru, ar }
}

/// Grammatical gender (and number) of a Russian subject, which its past-tense verb follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    M,
    F,
    N,
    Pl,
}

/// Inflects the Russian past-tense verb that opens `phrase` (written masculine) for `g`.
/// Only regular `-л` / `-лся` verbs are allowed in the banks; a test holds them to it. A
/// comma right after the verb ("предупредил, что…") stays where it is.
pub fn ru_past(phrase: &str, g: Gender) -> String {
    let ending = match g {
        Gender::M => return phrase.to_owned(),
        Gender::F => "а",
        Gender::N => "о",
        Gender::Pl => "и",
    };
    let end = phrase
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(phrase.len());
    let (verb, rest) = phrase.split_at(end);
    match verb.strip_suffix("ся") {
        Some(stem) => format!("{stem}{ending}сь{rest}"),
        None => format!("{verb}{ending}{rest}"),
    }
}

/// Whether `ru_past` can inflect the phrase's first word.
pub fn ru_past_is_regular(phrase: &str) -> bool {
    let end = phrase
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(phrase.len());
    let verb = &phrase[..end];
    verb.ends_with('л') || verb.ends_with("лся")
}

/// Arabic third-person past verb, feminine when the subject is: `أعلن` → `أعلنت`,
/// and defective verbs drop their final alif: `دعا` → `دعت`, `ألغى` → `ألغت`.
pub fn ar_past(verb: &str, feminine: bool) -> String {
    if !feminine {
        return verb.to_owned();
    }
    match verb.strip_suffix('ى').or_else(|| verb.strip_suffix('ا')) {
        Some(stem) => format!("{stem}ت"),
        None => format!("{verb}ت"),
    }
}

/// Arabic third-person present verb: the prefix `ي` becomes `ت` for a feminine subject.
pub fn ar_present(verb: &str, feminine: bool) -> String {
    match (feminine, verb.strip_prefix('ي')) {
        (true, Some(stem)) => format!("ت{stem}"),
        _ => verb.to_owned(),
    }
}

/// Upper-cases the first letter (English headlines and sentence starts).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A percentage given in tenths (`75` → 7.5), with the language's decimal separator.
pub fn percent(tenths: u32, lang: Lang) -> String {
    let whole = tenths / 10;
    let frac = tenths % 10;
    let sep = if lang == Lang::Ru { "," } else { "." };
    if frac == 0 {
        format!("{whole}")
    } else {
        format!("{whole}{sep}{frac}")
    }
}

/// An amount of money in millions of dollars, as each language's press writes it. Amounts
/// are kept at 11 and above, where Arabic keeps `مليون` singular after the number.
pub fn money(millions: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("${millions} million"),
        Lang::Ru => format!("{millions} млн долларов"),
        Lang::Ar => format!("{millions} مليون دولار"),
    }
}

/// "on Tuesday" in each language.
pub fn on_weekday(day: Weekday, lang: Lang) -> &'static str {
    const EN: [&str; 7] = [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "on Saturday",
        "on Sunday",
    ];
    const RU: [&str; 7] = [
        "в понедельник",
        "во вторник",
        "в среду",
        "в четверг",
        "в пятницу",
        "в субботу",
        "в воскресенье",
    ];
    const AR: [&str; 7] = [
        "يوم الاثنين",
        "يوم الثلاثاء",
        "يوم الأربعاء",
        "يوم الخميس",
        "يوم الجمعة",
        "يوم السبت",
        "يوم الأحد",
    ];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::En => EN[i],
        Lang::Ru => RU[i],
        Lang::Ar => AR[i],
    }
}

/// The date part of a Russian dateline: "27 ноября".
pub fn ru_date(date: impl Datelike) -> String {
    const MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let month = MONTHS[date.month0() as usize % 12];
    format!("{} {month}", date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_past_agrees_with_gender() {
        assert_eq!(ru_past("повысил ставку", Gender::F), "повысила ставку");
        assert_eq!(ru_past("повысил ставку", Gender::Pl), "повысили ставку");
        assert_eq!(
            ru_past("отказался от плана", Gender::N),
            "отказалось от плана"
        );
        assert_eq!(ru_past("отказался", Gender::F), "отказалась");
        assert_eq!(
            ru_past("предупредил, что цены вырастут", Gender::N),
            "предупредило, что цены вырастут"
        );
    }

    #[test]
    fn arabic_verbs_agree_with_gender() {
        assert_eq!(ar_past("أعلن", true), "أعلنت");
        assert_eq!(ar_past("دعا", true), "دعت");
        assert_eq!(ar_past("ألغى", true), "ألغت");
        assert_eq!(ar_present("يعلن", true), "تعلن");
        assert_eq!(ar_present("يعلن", false), "يعلن");
    }

    #[test]
    fn numbers_follow_local_conventions() {
        assert_eq!(percent(75, Lang::Ru), "7,5");
        assert_eq!(percent(75, Lang::En), "7.5");
        assert_eq!(percent(120, Lang::Ar), "12");
        assert_eq!(money(450, Lang::En), "$450 million");
    }
}
