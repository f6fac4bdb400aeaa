//! The newsroom itself: editions, sections, tags, authors and noted entities.

use crate::lang::{Lang, Tri, tri};

/// Edition code, name in its own language, IANA time zone.
pub static EDITIONS: [(Lang, &str, &str); 3] = [
    (Lang::En, "English", "Europe/London"),
    (Lang::Ru, "Русский", "Europe/Moscow"),
    (Lang::Ar, "العربية", "Africa/Cairo"),
];

/// A name and the slug it gets in each edition.
#[derive(Debug, Clone, Copy)]
pub struct Named {
    pub name: Tri,
    /// URL slugs: English, transliterated Russian, and English for Arabic (Arabic
    /// transliterations are unreadable to most of the edition's readers).
    pub slug: Tri,
}

const fn named(
    en: &'static str,
    ru: &'static str,
    ar: &'static str,
    slug_en: &'static str,
    slug_ru: &'static str,
) -> Named {
    Named {
        name: tri(en, ru, ar),
        slug: tri(slug_en, slug_ru, slug_en),
    }
}

#[rustfmt::skip]
pub static SECTIONS: [Named; 8] = [
    named("World", "Мир", "العالم", "world", "mir"),
    named("Politics", "Политика", "سياسة", "politics", "politika"),
    named("Business", "Экономика", "اقتصاد", "business", "ekonomika"),
    named("Science", "Наука", "علوم", "science", "nauka"),
    named("Technology", "Технологии", "تكنولوجيا", "technology", "tekhnologii"),
    named("Culture", "Культура", "ثقافة", "culture", "kultura"),
    named("Sport", "Спорт", "رياضة", "sport", "sport"),
    named("Opinion", "Мнения", "رأي", "opinion", "mneniia"),
];

/// Five tags per section, in section order: tag `i` belongs to section `i / 5`.
#[rustfmt::skip]
pub static TAGS: [Named; 40] = [
    named("United Nations", "ООН", "الأمم المتحدة", "united-nations", "oon"),
    named("Refugees", "Беженцы", "اللاجئون", "refugees", "bezhentsy"),
    named("Humanitarian aid", "Гуманитарная помощь", "المساعدات الإنسانية", "humanitarian-aid", "gumanitarnaia-pomoshch"),
    named("Diplomacy", "Дипломатия", "الدبلوماسية", "diplomacy", "diplomatiia"),
    named("Climate", "Климат", "المناخ", "climate", "klimat"),
    named("Elections", "Выборы", "الانتخابات", "elections", "vybory"),
    named("Parliament", "Парламент", "البرلمان", "parliament", "parlament"),
    named("Budget", "Бюджет", "الميزانية", "budget", "biudzhet"),
    named("Courts", "Суды", "القضاء", "courts", "sudy"),
    named("Local government", "Местная власть", "الحكم المحلي", "local-government", "mestnaia-vlast"),
    named("Interest rates", "Процентные ставки", "أسعار الفائدة", "interest-rates", "protsentnye-stavki"),
    named("Energy", "Энергетика", "الطاقة", "energy", "energetika"),
    named("Jobs", "Рынок труда", "سوق العمل", "jobs", "rynok-truda"),
    named("Trade", "Торговля", "التجارة", "trade", "torgovlia"),
    named("Markets", "Рынки", "الأسواق", "markets", "rynki"),
    named("Space", "Космос", "الفضاء", "space", "kosmos"),
    named("Health", "Здоровье", "الصحة", "health", "zdorove"),
    named("Oceans", "Океаны", "المحيطات", "oceans", "okeany"),
    named("Archaeology", "Археология", "علم الآثار", "archaeology", "arkheologiia"),
    named("Medicine", "Медицина", "الطب", "medicine", "meditsina"),
    named("Artificial intelligence", "Искусственный интеллект", "الذكاء الاصطناعي", "artificial-intelligence", "iskusstvennyi-intellekt"),
    named("Cybersecurity", "Кибербезопасность", "الأمن السيبراني", "cybersecurity", "kiberbezopasnost"),
    named("Smartphones", "Смартфоны", "الهواتف الذكية", "smartphones", "smartfony"),
    named("Privacy", "Приватность", "الخصوصية", "privacy", "privatnost"),
    named("Start-ups", "Стартапы", "الشركات الناشئة", "start-ups", "startapy"),
    named("Film", "Кино", "السينما", "film", "kino"),
    named("Music", "Музыка", "الموسيقى", "music", "muzyka"),
    named("Books", "Книги", "الكتب", "books", "knigi"),
    named("Museums", "Музеи", "المتاحف", "museums", "muzei"),
    named("Theatre", "Театр", "المسرح", "theatre", "teatr"),
    named("Football", "Футбол", "كرة القدم", "football", "futbol"),
    named("Tennis", "Теннис", "التنس", "tennis", "tennis"),
    named("Athletics", "Лёгкая атлетика", "ألعاب القوى", "athletics", "legkaia-atletika"),
    named("Basketball", "Баскетбол", "كرة السلة", "basketball", "basketbol"),
    named("Olympics", "Олимпийские игры", "الألعاب الأولمبية", "olympics", "olimpiiskie-igry"),
    named("Editorial", "Редакционная статья", "افتتاحية", "editorial", "redaktsionnaia-statia"),
    named("Columns", "Колонки", "أعمدة الرأي", "columns", "kolonki"),
    named("Letters", "Письма читателей", "رسائل القراء", "letters", "pisma-chitatelei"),
    named("Analysis", "Аналитика", "تحليل", "analysis", "analitika"),
    named("Interview", "Интервью", "مقابلة", "interview", "intervu"),
];

/// Tag indexes, for the banks.
pub mod tag {
    pub const UN: usize = 0;
    pub const REFUGEES: usize = 1;
    pub const AID: usize = 2;
    pub const DIPLOMACY: usize = 3;
    pub const CLIMATE: usize = 4;
    pub const ELECTIONS: usize = 5;
    pub const PARLIAMENT: usize = 6;
    pub const BUDGET: usize = 7;
    pub const COURTS: usize = 8;
    pub const LOCAL: usize = 9;
    pub const RATES: usize = 10;
    pub const ENERGY: usize = 11;
    pub const JOBS: usize = 12;
    pub const TRADE: usize = 13;
    pub const MARKETS: usize = 14;
    pub const SPACE: usize = 15;
    pub const HEALTH: usize = 16;
    pub const OCEANS: usize = 17;
    pub const ARCHAEOLOGY: usize = 18;
    pub const MEDICINE: usize = 19;
    pub const AI: usize = 20;
    pub const CYBERSECURITY: usize = 21;
    pub const SMARTPHONES: usize = 22;
    pub const PRIVACY: usize = 23;
    pub const START_UPS: usize = 24;
    pub const FILM: usize = 25;
    pub const MUSIC: usize = 26;
    pub const BOOKS: usize = 27;
    pub const MUSEUMS: usize = 28;
    pub const THEATRE: usize = 29;
    pub const FOOTBALL: usize = 30;
    pub const TENNIS: usize = 31;
    pub const ATHLETICS: usize = 32;
    pub const BASKETBALL: usize = 33;
    pub const OLYMPICS: usize = 34;
    pub const COLUMNS: usize = 36;
}

/// A staff writer: the languages they write in and the sections they cover (indexes
/// into [`SECTIONS`]).
#[derive(Debug, Clone, Copy)]
pub struct Writer {
    pub name: &'static str,
    pub slug: &'static str,
    pub bio: &'static str,
    pub langs: &'static [Lang],
    pub sections: &'static [usize],
}

const fn writer(
    name: &'static str,
    slug: &'static str,
    langs: &'static [Lang],
    sections: &'static [usize],
    bio: &'static str,
) -> Writer {
    Writer {
        name,
        slug,
        bio,
        langs,
        sections,
    }
}

use Lang::{Ar, En, Ru};

#[rustfmt::skip]
pub static WRITERS: [Writer; 12] = [
    writer("Helen Marsh", "helen-marsh", &[En], &[0, 7], "Helen Marsh is Newsdesk's diplomatic editor. She has reported from more than 40 countries and was previously based in Geneva and Nairobi."),
    writer("James Whitfield", "james-whitfield", &[En], &[1, 7], "James Whitfield covers politics and parliament. Before joining Newsdesk he spent a decade on regional newspapers in the north of England."),
    writer("Priya Natarajan", "priya-natarajan", &[En], &[2], "Priya Natarajan is economics correspondent, writing about central banks, trade and the cost of living."),
    writer("Tom Achebe", "tom-achebe", &[En], &[3, 4], "Tom Achebe writes about science, health and technology. He holds a doctorate in marine biology."),
    writer("Sarah Lindgren", "sarah-lindgren", &[En, Ru], &[5], "Sarah Lindgren is culture editor and writes in English and Russian about film, books and the stage."),
    writer("Mark Devlin", "mark-devlin", &[En], &[6], "Mark Devlin is chief sports writer. He has covered five Olympic Games and more World Cups than he cares to count."),
    writer("Nadia Rahman", "nadia-rahman", &[En, Ar], &[0, 2, 6], "Nadia Rahman is a Dubai-based correspondent who reports in English and Arabic on the Gulf, energy and sport."),
    writer("Анна Белова", "anna-belova", &[Ru], &[0, 1, 7], "Анна Белова — корреспондент отдела политики. Пишет о парламенте, выборах и региональной власти, а также ведёт еженедельную колонку."),
    writer("Дмитрий Крылов", "dmitrii-krylov", &[Ru], &[2, 4, 6], "Дмитрий Крылов — экономический обозреватель. До прихода в Newsdesk десять лет работал в деловых изданиях Санкт-Петербурга."),
    writer("Ольга Тихонова", "olga-tikhonova", &[Ru], &[3, 4, 5, 7], "Ольга Тихонова пишет о науке, технологиях и культуре. Окончила физический факультет, любит длинные интервью."),
    writer("ليلى منصور", "leila-mansour", &[Ar], &[0, 1, 5, 7], "ليلى منصور محررة الشؤون الدولية، وتغطي أخبار الشرق الأوسط وشمال أفريقيا منذ أكثر من عشر سنوات."),
    writer("كريم الحسيني", "karim-al-husseini", &[Ar], &[2, 3, 4], "كريم الحسيني مراسل الشؤون الاقتصادية والتكنولوجيا، ويكتب عن الأسواق والطاقة والشركات الناشئة."),
];

/// A fictitious organisation that carries a legal or disclosure note.
#[derive(Debug, Clone, Copy)]
pub struct Noted {
    pub en: &'static str,
    /// How English running text names it ("the Open Horizon Foundation").
    pub en_ref: &'static str,
    pub ru: &'static str,
    /// Russian genitive, as the mention sentences use it.
    pub ru_gen: &'static str,
    /// Other Russian case forms, so a mention in any case is recognised.
    pub ru_other: &'static [&'static str],
    pub ar: &'static str,
    /// The note per edition; an empty one means none there.
    pub notes: Tri,
}

#[rustfmt::skip]
pub static NOTED: [Noted; 6] = [
    Noted {
        en: "Open Horizon Foundation", en_ref: "the Open Horizon Foundation", ru: "Фонд «Открытый горизонт»", ru_gen: "фонда «Открытый горизонт»",
        ru_other: &["Фонда «Открытый горизонт»", "фонду «Открытый горизонт»", "фондом «Открытый горизонт»", "фонде «Открытый горизонт»"],
        ar: "مؤسسة الأفق المفتوح",
        notes: tri("Designated a “foreign agent” by Russia's Ministry of Justice.", "Фонд «Открытый горизонт» внесён Минюстом России в реестр иностранных агентов.", "صنفتها وزارة العدل الروسية «عميلا أجنبيا»."),
    },
    Noted {
        en: "Northern Watch movement", en_ref: "the Northern Watch movement", ru: "Движение «Северный дозор»", ru_gen: "движения «Северный дозор»",
        ru_other: &["Движения «Северный дозор»", "движению «Северный дозор»", "движением «Северный дозор»", "движении «Северный дозор»"],
        ar: "حركة المراقبة الشمالية",
        notes: tri("Banned in Russia.", "Деятельность движения «Северный дозор» запрещена на территории России.", "محظورة في روسيا."),
    },
    Noted {
        en: "Radio Polar Star", en_ref: "Radio Polar Star", ru: "Радио «Полярная звезда»", ru_gen: "радио «Полярная звезда»",
        ru_other: &["«Полярная звезда»", "«Полярной звезды»"],
        ar: "إذاعة نجم الشمال",
        notes: tri("Designated a “foreign agent” media outlet in Russia.", "СМИ, выполняющее функции иностранного агента.", "وسيلة إعلام مصنفة «عميلا أجنبيا» في روسيا."),
    },
    Noted {
        en: "Kestrel Group", en_ref: "the Kestrel Group", ru: "Группа «Кестрел»", ru_gen: "группы «Кестрел»",
        ru_other: &["Группы «Кестрел»", "группе «Кестрел»", "группой «Кестрел»", "группу «Кестрел»"],
        ar: "مجموعة كيستريل",
        notes: tri("Subject to EU and UK sanctions.", "Компания находится под санкциями ЕС и Великобритании.", "تخضع لعقوبات الاتحاد الأوروبي والمملكة المتحدة."),
    },
    Noted {
        en: "Civic Shield society", en_ref: "the Civic Shield society", ru: "Общество «Гражданский щит»", ru_gen: "общества «Гражданский щит»",
        ru_other: &["Общества «Гражданский щит»", "обществу «Гражданский щит»", "обществом «Гражданский щит»", "обществе «Гражданский щит»"],
        ar: "جمعية الدرع المدني",
        notes: tri("Declared an “undesirable organisation” in Russia.", "Деятельность организации признана нежелательной на территории России.", "أعلنتها روسيا «منظمة غير مرغوب فيها»."),
    },
    Noted {
        en: "Tidewater Institute", en_ref: "the Tidewater Institute", ru: "Институт «Тайдуотер»", ru_gen: "института «Тайдуотер»",
        ru_other: &["Института «Тайдуотер»", "институту «Тайдуотер»", "институтом «Тайдуотер»", "институте «Тайдуотер»"],
        ar: "معهد تايدووتر",
        notes: tri("Newsdesk's parent company holds a minority stake in the Tidewater Institute.", "Материнской компании Newsdesk принадлежит миноритарная доля в институте «Тайдуотер».", "تمتلك الشركة الأم لموقع Newsdesk حصة أقلية في معهد تايدووتر."),
    },
];
