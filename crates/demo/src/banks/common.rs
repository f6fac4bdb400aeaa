//! Phrases every section shares: places, people, subheadings, attributions, closing
//! lines, corrections and the photographers' agencies.

use crate::lang::{Tri, tri};

/// A city, for datelines and "in {place}".
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub en: &'static str,
    pub ru: &'static str,
    /// Russian with its preposition, prepositional case: "в Лондоне".
    pub ru_loc: &'static str,
    /// Russian genitive: "окрестности Лондона".
    pub ru_gen: &'static str,
    pub ar: &'static str,
    /// What the city has ([`CAPITAL`], [`WATER`], [`PORT`]), so a harbour is never
    /// pictured in Tbilisi.
    pub has: u8,
}

/// A national capital, with a parliament and ministries.
pub const CAPITAL: u8 = 1;
/// A river, lake or sea front.
pub const WATER: u8 = 2;
/// A sea port with container terminals.
pub const PORT: u8 = 4;

const fn place(en: &'static str, ru: [&'static str; 3], ar: &'static str, has: u8) -> Place {
    Place {
        en,
        ru: ru[0],
        ru_loc: ru[1],
        ru_gen: ru[2],
        ar,
        has,
    }
}

pub const LONDON: usize = 0;
pub const PARIS: usize = 1;
pub const BERLIN: usize = 2;
pub const GENEVA: usize = 3;
pub const BRUSSELS: usize = 4;
pub const VIENNA: usize = 5;
pub const ISTANBUL: usize = 6;
pub const CAIRO: usize = 7;
pub const DUBAI: usize = 8;
pub const BEIRUT: usize = 9;
pub const AMMAN: usize = 10;
pub const NAIROBI: usize = 11;
pub const LAGOS: usize = 12;
pub const NEW_DELHI: usize = 13;
pub const TOKYO: usize = 14;
pub const SINGAPORE: usize = 15;
pub const WASHINGTON: usize = 16;
pub const NEW_YORK: usize = 17;
pub const SAO_PAULO: usize = 18;
pub const TBILISI: usize = 19;
pub const ROME: usize = 20;
pub const MADRID: usize = 21;

const C: u8 = CAPITAL;
const W: u8 = WATER;
const P: u8 = PORT | WATER;

#[rustfmt::skip]
pub static PLACES: [Place; 22] = [
    place("London", ["Лондон", "в Лондоне", "Лондона"], "لندن", C | W),
    place("Paris", ["Париж", "в Париже", "Парижа"], "باريس", C | W),
    place("Berlin", ["Берлин", "в Берлине", "Берлина"], "برلين", C | W),
    place("Geneva", ["Женева", "в Женеве", "Женевы"], "جنيف", W),
    place("Brussels", ["Брюссель", "в Брюсселе", "Брюсселя"], "بروكسل", C),
    place("Vienna", ["Вена", "в Вене", "Вены"], "فيينا", C | W),
    place("Istanbul", ["Стамбул", "в Стамбуле", "Стамбула"], "إسطنبول", P),
    place("Cairo", ["Каир", "в Каире", "Каира"], "القاهرة", C | W),
    place("Dubai", ["Дубай", "в Дубае", "Дубая"], "دبي", P),
    place("Beirut", ["Бейрут", "в Бейруте", "Бейрута"], "بيروت", C | P),
    place("Amman", ["Амман", "в Аммане", "Аммана"], "عمّان", C),
    place("Nairobi", ["Найроби", "в Найроби", "Найроби"], "نيروبي", C),
    place("Lagos", ["Лагос", "в Лагосе", "Лагоса"], "لاغوس", P),
    place("New Delhi", ["Нью-Дели", "в Нью-Дели", "Нью-Дели"], "نيودلهي", C),
    place("Tokyo", ["Токио", "в Токио", "Токио"], "طوكيو", C | P),
    place("Singapore", ["Сингапур", "в Сингапуре", "Сингапура"], "سنغافورة", C | P),
    place("Washington", ["Вашингтон", "в Вашингтоне", "Вашингтона"], "واشنطن", C | W),
    place("New York", ["Нью-Йорк", "в Нью-Йорке", "Нью-Йорка"], "نيويورك", P),
    place("São Paulo", ["Сан-Паулу", "в Сан-Паулу", "Сан-Паулу"], "ساو باولو", 0),
    place("Tbilisi", ["Тбилиси", "в Тбилиси", "Тбилиси"], "تبليسي", C | W),
    place("Rome", ["Рим", "в Риме", "Рима"], "روما", C | W),
    place("Madrid", ["Мадрид", "в Мадриде", "Мадрида"], "مدريد", C),
];

/// Every place, for beats that happen anywhere.
pub const ANYWHERE: [usize; 22] = [
    LONDON, PARIS, BERLIN, GENEVA, BRUSSELS, VIENNA, ISTANBUL, CAIRO, DUBAI, BEIRUT, AMMAN,
    NAIROBI, LAGOS, NEW_DELHI, TOKYO, SINGAPORE, WASHINGTON, NEW_YORK, SAO_PAULO, TBILISI, ROME,
    MADRID,
];

/// National capitals, for beats about governments and parliaments.
pub const CAPITALS: [usize; 16] = [
    LONDON, PARIS, BERLIN, BRUSSELS, VIENNA, CAIRO, BEIRUT, AMMAN, NAIROBI, NEW_DELHI, TOKYO,
    SINGAPORE, WASHINGTON, TBILISI, ROME, MADRID,
];

/// A fictitious person quoted in stories.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    pub name: Tri,
    pub female: bool,
}

const fn person(en: &'static str, ru: &'static str, ar: &'static str, female: bool) -> Person {
    Person {
        name: tri(en, ru, ar),
        female,
    }
}

#[rustfmt::skip]
pub static PEOPLE: [Person; 20] = [
    person("Anna Berg", "Анна Берг", "آنا بيرغ", true),
    person("Daniel Okafor", "Даниэль Окафор", "دانيال أوكافور", false),
    person("Leila Haddad", "Лейла Хаддад", "ليلى حداد", true),
    person("Marco Bellini", "Марко Беллини", "ماركو بيليني", false),
    person("Sofia Lindqvist", "София Линдквист", "صوفيا ليندكفيست", true),
    person("Omar Farouk", "Омар Фарук", "عمر فاروق", false),
    person("Irina Volkova", "Ирина Волкова", "إيرينا فولكوفا", true),
    person("Kenji Arai", "Кэндзи Араи", "كينجي أراي", false),
    person("Priya Raman", "Прия Раман", "بريا رامان", true),
    person("Tomas Novak", "Томаш Новак", "توماش نوفاك", false),
    person("Nadia Karimova", "Надия Каримова", "نادية كريموفا", true),
    person("Samuel Osei", "Самуэль Осеи", "صموئيل أوسي", false),
    person("Hana Suzuki", "Хана Судзуки", "هانا سوزوكي", true),
    person("Yusuf Demir", "Юсуф Демир", "يوسف دمير", false),
    person("Claire Dubois", "Клэр Дюбуа", "كلير دوبوا", true),
    person("Pavel Sorokin", "Павел Сорокин", "بافيل سوروكين", false),
    person("Mariam Aziz", "Мариам Азиз", "مريم عزيز", true),
    person("Lucas Ferreira", "Лукас Феррейра", "لوكاس فيريرا", false),
    person("Elena Marković", "Елена Маркович", "إيلينا ماركوفيتش", true),
    person("Ahmed Mansour", "Ахмед Мансур", "أحمد منصور", false),
];

/// Verbs of saying, masculine: English "said"; Russian and Arabic inflect for a woman.
#[rustfmt::skip]
pub static SAID: [Tri; 3] = [
    tri("said", "сказал", "قال"),
    tri("said", "заявил", "صرح"),
    tri("added", "отметил", "أضاف"),
];

/// What a subheading introduces: a heading is only written in front of what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subhead {
    Background,
    /// Only ever followed by a list of figures.
    Numbers,
    Reaction,
    Next,
    Matters,
    /// The turn of an opinion column, from the problem to what should be done.
    Turn,
}

#[rustfmt::skip]
pub static SUBHEADS: [(Subhead, Tri); 12] = [
    (Subhead::Background, tri("The background", "Предыстория", "خلفية")),
    (Subhead::Background, tri("How it came to this", "Как до этого дошло", "كيف وصلت الأمور إلى هنا")),
    (Subhead::Numbers, tri("By the numbers", "В цифрах", "بالأرقام")),
    (Subhead::Numbers, tri("Key figures", "Ключевые цифры", "أرقام رئيسية")),
    (Subhead::Reaction, tri("Reaction", "Реакция", "ردود الفعل")),
    (Subhead::Reaction, tri("What people are saying", "Что говорят", "ماذا يقولون؟")),
    (Subhead::Next, tri("What happens next", "Что дальше", "ما الخطوة التالية؟")),
    (Subhead::Next, tri("The road ahead", "Что впереди", "ماذا بعد؟")),
    (Subhead::Matters, tri("Why it matters", "Почему это важно", "ما أهمية ذلك؟")),
    (Subhead::Matters, tri("The bigger picture", "Более широкий контекст", "الصورة الأشمل")),
    (Subhead::Turn, tri("A better way", "Есть и другой путь", "ثمة طريق آخر")),
    (Subhead::Turn, tri("What should change", "Что нужно изменить", "ما الذي يجب أن يتغير؟")),
];

/// Sentences naming an organisation that carries an entity note. `{ent}` is its English
/// or Arabic name; Russian uses the genitive `{ent_gen}` so no verb has to agree with it.
#[rustfmt::skip]
pub static ENTITY_MENTIONS: [Tri; 4] = [
    tri("Representatives of {ent} called the decision a step backwards.", "Представители {ent_gen} назвали это решение шагом назад.", "ووصف ممثلو {ent} القرار بأنه خطوة إلى الوراء."),
    tri("A report published last year by {ent} had warned of similar risks.", "О подобных рисках ещё в прошлом году предупреждал доклад {ent_gen}.", "وكان تقرير صادر عن {ent} العام الماضي قد حذر من مخاطر مماثلة."),
    tri("Experts at {ent}, which has followed the issue for years, reached similar conclusions.", "К аналогичным выводам пришли и эксперты {ent_gen}, которые много лет следят за этой темой.", "وتوصل خبراء {ent}، الذين يتابعون هذه القضية منذ سنوات، إلى استنتاجات مماثلة."),
    tri("According to {ent}, the measures could affect thousands of people.", "По данным {ent_gen}, эти меры могут затронуть тысячи людей.", "وبحسب {ent}، قد تؤثر هذه الإجراءات على آلاف الأشخاص."),
];

/// Last lines of a report; they fit any story.
#[rustfmt::skip]
pub static CLOSERS: [Tri; 4] = [
    tri("Further details are expected in the coming days.", "Подробности ожидаются в ближайшие дни.", "ومن المتوقع الكشف عن مزيد من التفاصيل في الأيام المقبلة."),
    tri("Newsdesk has asked all those involved for comment.", "Редакция Newsdesk обратилась за комментариями ко всем участникам событий.", "وطلب موقع Newsdesk تعليقًا من جميع الأطراف المعنية."),
    tri("Newsdesk will update this story as more information becomes available.", "Newsdesk будет следить за развитием событий.", "وسيواصل موقع Newsdesk متابعة القصة وتحديثها فور توفر معلومات جديدة."),
    tri("None of those involved has yet said what they will do next.", "Никто из участников пока не объявил о своих дальнейших шагах.", "ولم يعلن أي من الأطراف المعنية حتى الآن عن خطوته التالية."),
];

/// Public notes added under a few articles.
#[rustfmt::skip]
pub static CORRECTIONS: [Tri; 3] = [
    tri("An earlier version of this article misspelled the name of one of the people quoted.", "В предыдущей версии статьи была допущена ошибка в написании имени одного из цитируемых собеседников.", "ورد في نسخة سابقة من هذا المقال خطأ في كتابة اسم أحد الأشخاص الذين نقلنا عنهم."),
    tri("This article has been amended to correct a figure in the fourth paragraph.", "В статью внесены исправления: уточнена цифра в четвёртом абзаце.", "عُدّل هذا المقال لتصحيح رقم ورد في الفقرة الرابعة."),
    tri("An earlier version of this article wrongly described the organisation's role. It has been corrected.", "В первоначальной версии статьи неверно описывалась роль организации. Текст исправлен.", "وصفت نسخة سابقة من هذا المقال دور المنظمة بشكل غير دقيق، وقد جرى تصحيح ذلك."),
];

/// The photographers' agencies (fictitious) and their staff.
pub static AGENCIES: [(&str, [&str; 3]); 4] = [
    ("NDA", ["Jonas Keller", "Amira Saleh", "Viktor Lindahl"]),
    (
        "Meridian Press",
        ["Grace Mbeki", "Oleg Savin", "Lucía Ortega"],
    ),
    (
        "Polar Images",
        ["Henrik Aalto", "Mei Tanaka", "Rania Khoury"],
    ),
    (
        "Harbourlight Photo",
        ["Sean Gallagher", "Dina Petrova", "Tariq Hamdan"],
    ),
];
