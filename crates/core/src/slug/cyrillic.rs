//! Cyrillic to Latin for slugs: the simple scheme Russian and Ukrainian sites use in their
//! addresses (BGN/PCGN without diacritics, close to GOST 7.79 B): «Москва» → `moskva`,
//! «Юлия» → `yuliya`, «щётка» → `shchyotka`. Soft and hard signs leave no letter. A
//! generic transliterator (deunicode) spells я, ю, ё as `ia`, `iu`, `io`
//! («готовится» → `gotovitsia`), which no Russian reader types.

/// The Latin letters for one lowercase Cyrillic letter, or `None` for any other character.
pub fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        // Ukrainian and Belarusian letters Russian lacks.
        'є' => "ye",
        'і' => "i",
        'ї' => "yi",
        'ґ' => "g",
        'ў' => "u",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str) -> String {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| latin(c).unwrap_or("?"))
            .collect()
    }

    #[test]
    fn russian_reads_as_russian_sites_spell_it() {
        assert_eq!(word("Москва"), "moskva");
        assert_eq!(word("готовится"), "gotovitsya");
        assert_eq!(word("Юлия"), "yuliya");
        assert_eq!(word("щётка"), "shchyotka");
        assert_eq!(word("объявление"), "obyavlenie");
        assert_eq!(word("Хабаровск"), "khabarovsk");
        assert_eq!(word("Київ"), "kiyiv");
    }
}
