//! The default pages a demo site starts with, written in each language (not translated
//! word for word: each reads as its edition's readers expect such a page to read).
//! Editions of other languages get none: a page in another language would be worse than
//! no page.

/// One default page.
pub(super) struct DefaultPage {
    pub slug: &'static str,
    pub title: &'static str,
    pub body: &'static str,
}

macro_rules! pages {
    ($lang:literal: $($slug:literal => $title:literal),* $(,)?) => {
        &[$(DefaultPage {
            slug: $slug,
            title: $title,
            body: include_str!(concat!("defaults/", $lang, "/", $slug, ".md")),
        }),*]
    };
}

const EN: &[DefaultPage] = pages!["en":
    "about" => "About us",
    "contact" => "Contact us",
    "editorial-standards" => "Editorial standards",
    "corrections" => "Corrections policy",
    "privacy" => "Privacy policy",
    "terms" => "Terms of use",
];

const RU: &[DefaultPage] = pages!["ru":
    "about" => "О нас",
    "contact" => "Контакты",
    "editorial-standards" => "Редакционные стандарты",
    "corrections" => "Политика исправлений",
    "privacy" => "Политика конфиденциальности",
    "terms" => "Условия использования",
];

const AR: &[DefaultPage] = pages!["ar":
    "about" => "من نحن",
    "contact" => "اتصل بنا",
    "editorial-standards" => "المعايير التحريرية",
    "corrections" => "سياسة التصحيحات",
    "privacy" => "سياسة الخصوصية",
    "terms" => "شروط الاستخدام",
];

/// The default pages for edition `code`, by its primary language subtag (`en-GB` → `en`).
pub(super) fn for_edition(code: &str) -> &'static [DefaultPage] {
    match code.split('-').next().unwrap_or(code) {
        "en" => EN,
        "ru" => RU,
        "ar" => AR,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::static_pages::{PageInput, STANDARD_SLUGS};

    #[test]
    fn every_language_has_the_six_pages_and_each_is_valid() {
        for code in ["en", "ru", "ar"] {
            let pages = for_edition(code);
            let slugs: Vec<&str> = pages.iter().map(|p| p.slug).collect();
            assert_eq!(slugs, STANDARD_SLUGS, "{code}");
            for page in pages {
                let input = PageInput {
                    edition: code.into(),
                    slug: page.slug.into(),
                    title: page.title.into(),
                    body: page.body.into(),
                };
                assert_eq!(input.validate(), Ok(()), "{code}/{}", page.slug);
                assert!(
                    page.body.split("\n\n").count() >= 3,
                    "{code}/{}: a few paragraphs",
                    page.slug
                );
            }
        }
        assert!(for_edition("fr").is_empty());
        assert_eq!(for_edition("en-GB").len(), 6);
    }
}
