//! Arabic script in slugs. Arabic news sites keep their headlines' words in the address
//! (percent-encoded on the wire, shown as Arabic by browsers); a transliteration such as
//! `d-ftth-jsr-lmyn-b-d-myn-mn-l-slh` is unreadable in both scripts. So letters stay,
//! the short-vowel marks and the kashida (elongation) go, as they do in those sites'
//! addresses, and Arabic-Indic digits become 0–9 like every figure the site prints.

/// A letter of the Arabic script (Arabic, Persian and Urdu letters of the Arabic and
/// Arabic Supplement blocks), kept in a slug as it is.
pub fn is_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}')
}

/// Marks written on or between letters (harakat, superscript alef, Quranic marks, the
/// kashida): dropped without ending the word, so «مُحَمَّد» and «محمد» make one slug.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}')
}

/// 0–9 for an Arabic-Indic or Eastern Arabic-Indic digit.
pub fn digit(c: char) -> Option<char> {
    let value = match c {
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        _ => return None,
    };
    char::from_digit(value, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_marks_and_digits() {
        assert!("الميناء".chars().all(is_letter));
        assert!("پچژگ".chars().all(is_letter), "Persian letters");
        assert!(!is_letter('،') && !is_letter('؟') && !is_letter('a'));
        assert!("\u{064E}\u{0651}\u{0640}".chars().all(is_mark));
        assert_eq!(digit('٢'), Some('2'));
        assert_eq!(digit('۹'), Some('9'));
        assert_eq!(digit('9'), None);
    }
}
