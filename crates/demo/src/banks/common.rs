//! Phrases every section shares: places, people, subheadings, attributions, corrections
//! and photo captions.

use crate::lang::{Tri, tri};

/// A city, for datelines and "in {place}".
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub en: &'static str,
    pub ru: &'static str,
    /// Russian with its preposition, prepositional case: "в Лондоне".
    pub ru_loc: &'static str,
    pub ar: &'static str,
}

const fn place(
    en: &'static str,
    ru: &'static str,
    ru_loc: &'static str,
    ar: &'static str,
) -> Place {
    Place { en, ru, ru_loc, ar }
}

#[rustfmt::skip]
pub static PLACES: [Place; 22] = [
    place("London", "Лондон", "в Лондоне", "لندن"),
    place("Paris", "Париж", "в Париже", "باريس"),
    place("Berlin", "Берлин", "в Берлине", "برلين"),
    place("Geneva", "Женева", "в Женеве", "جنيف"),
    place("Brussels", "Брюссель", "в Брюсселе", "بروكسل"),
    place("Vienna", "Вена", "в Вене", "فيينا"),
    place("Istanbul", "Стамбул", "в Стамбуле", "إسطنبول"),
    place("Cairo", "Каир", "в Каире", "القاهرة"),
    place("Dubai", "Дубай", "в Дубае", "دبي"),
    place("Beirut", "Бейрут", "в Бейруте", "بيروت"),
    place("Amman", "Амман", "в Аммане", "عمّان"),
    place("Nairobi", "Найроби", "в Найроби", "نيروبي"),
    place("Lagos", "Лагос", "в Лагосе", "لاغوس"),
    place("New Delhi", "Нью-Дели", "в Нью-Дели", "نيودلهي"),
    place("Tokyo", "Токио", "в Токио", "طوكيو"),
    place("Singapore", "Сингапур", "в Сингапуре", "سنغافورة"),
    place("Washington", "Вашингтон", "в Вашингтоне", "واشنطن"),
    place("New York", "Нью-Йорк", "в Нью-Йорке", "نيويورك"),
    place("São Paulo", "Сан-Паулу", "в Сан-Паулу", "ساو باولو"),
    place("Tbilisi", "Тбилиси", "в Тбилиси", "تبليسي"),
    place("Rome", "Рим", "в Риме", "روما"),
    place("Madrid", "Мадрид", "в Мадриде", "مدريد"),
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

#[rustfmt::skip]
pub static SUBHEADS: [Tri; 6] = [
    tri("What happens next", "Что дальше", "ما الخطوة التالية"),
    tri("The background", "Предыстория", "خلفية"),
    tri("How people reacted", "Реакция", "ردود الفعل"),
    tri("By the numbers", "В цифрах", "بالأرقام"),
    tri("Why it matters", "Почему это важно", "لماذا يهم ذلك"),
    tri("What critics say", "Что говорят критики", "ماذا يقول المنتقدون"),
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

/// Last lines of a report.
#[rustfmt::skip]
pub static CLOSERS: [Tri; 4] = [
    tri("Further details are expected in the coming days.", "Подробности ожидаются в ближайшие дни.", "ومن المتوقع الكشف عن مزيد من التفاصيل في الأيام المقبلة."),
    tri("Officials declined to comment further.", "Официальные лица отказались от дальнейших комментариев.", "ورفض المسؤولون الإدلاء بمزيد من التعليقات."),
    tri("Newsdesk has asked all sides for comment.", "Редакция Newsdesk обратилась ко всем сторонам за комментариями.", "وطلب موقع Newsdesk تعليقا من جميع الأطراف."),
    tri("The next round of talks is scheduled for next month.", "Следующий раунд обсуждений запланирован на следующий месяц.", "ومن المقرر عقد الجولة المقبلة من المباحثات الشهر المقبل."),
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
