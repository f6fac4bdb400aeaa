//! Readers and what they write under the demo's articles, in each edition's language.

use crate::lang::Lang;

/// Display names of the demo's readers, per language.
pub fn readers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Margaret H.",
            "Tom Okafor",
            "Priya S.",
            "DavidW",
            "Elena from Leeds",
        ],
        Lang::Ru => &[
            "Ирина К.",
            "Сергей Волков",
            "Наталья",
            "Андрей из Казани",
            "Ольга М.",
        ],
        Lang::Ar => &["سارة أحمد", "محمد العلي", "ليلى", "يوسف من عمّان", "نور"],
    }
}

/// Top-level comments: a reaction a reader of any story might write.
pub fn comments(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Thank you for explaining this so clearly. The figures in the third paragraph say more than any headline.",
            "I would like to know what the other side says. Two quotes from one camp is not the whole story.",
            "This affects my family directly. We were told nothing of this at the council meeting last month.",
            "Good reporting. More of this and fewer opinion pieces, please.",
            "The photo caption names the wrong district, I think. Otherwise a fair account.",
            "Has anyone seen the full report? The link in the article goes to the summary only.",
            "I have followed this for years and it is the first time I have seen the numbers laid out like this.",
        ],
        Lang::Ru => &[
            "Спасибо за понятное объяснение. Цифры в третьем абзаце говорят больше, чем любой заголовок.",
            "Хотелось бы услышать и другую сторону. Две цитаты из одного лагеря — это не вся история.",
            "Это касается моей семьи напрямую. На собрании в прошлом месяце нам об этом ничего не сказали.",
            "Хороший материал. Побольше бы таких и поменьше колонок с мнениями.",
            "Кажется, в подписи к фото перепутан район. В остальном всё точно.",
            "Кто-нибудь видел полный доклад? Ссылка в статье ведёт только на краткое изложение.",
            "Слежу за этой темой много лет, и впервые вижу цифры, изложенные так наглядно.",
        ],
        Lang::Ar => &[
            "شكرًا على هذا الشرح الواضح. الأرقام في الفقرة الثالثة تقول أكثر مما يقوله أي عنوان.",
            "أودّ أن أسمع رأي الطرف الآخر. اقتباسان من جهة واحدة لا يرويان القصة كاملة.",
            "هذا يمسّ عائلتي مباشرة. لم يُقل لنا شيء عن ذلك في اجتماع المجلس الشهر الماضي.",
            "تغطية جيدة. نريد المزيد من هذا وقليلًا من مقالات الرأي.",
            "أظن أن تعليق الصورة يذكر الحيّ الخطأ. عدا ذلك فالتغطية منصفة.",
            "هل اطّلع أحد على التقرير الكامل؟ الرابط في المقال يقود إلى الملخّص فقط.",
            "أتابع هذا الموضوع منذ سنوات، وهذه أول مرة أرى الأرقام معروضة بهذا الوضوح.",
        ],
    }
}

/// Replies, which answer whatever they are under.
pub fn replies(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Agreed. The full report is on the ministry's website, under publications.",
            "Not sure about that: the article does quote both sides further down.",
            "Same here. Worth writing to your councillor about it.",
        ],
        Lang::Ru => &[
            "Согласен. Полный доклад есть на сайте министерства, в разделе публикаций.",
            "Не уверен: ниже в статье приведены обе стороны.",
            "У нас то же самое. Стоит написать депутату.",
        ],
        Lang::Ar => &[
            "أوافقك. التقرير الكامل منشور على موقع الوزارة في قسم المنشورات.",
            "لست متأكدًا: المقال يقتبس من الطرفين في موضع لاحق.",
            "الأمر نفسه عندنا. يستحق أن نكتب إلى ممثلنا في المجلس.",
        ],
    }
}

/// A comment the demo holds for review (a suspect word in a real newsroom's list).
pub fn held(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "These people are all crooks and everyone knows it.",
        Lang::Ru => "Все они жулики, и это всем известно.",
        Lang::Ar => "كلهم محتالون والجميع يعرف ذلك.",
    }
}

/// Why the demo's held comment waits (what the rule would have said).
pub fn held_reason(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "suspect word: crook*",
        Lang::Ru => "suspect word: жулик*",
        Lang::Ar => "suspect word: محتال*",
    }
}

/// The demo editions' word lists: (banned, suspect), one entry per line.
pub fn word_lists(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "# Refused outright\nidiot*\nmoron*\nscum",
            "# Held for a moderator\ncrook*\nliar*\nelection fraud",
        ),
        Lang::Ru => (
            "# Отклоняются сразу\nидиот*\nдебил*\nмразь",
            "# На проверку модератору\nжулик*\nлжец*\nвбросы",
        ),
        Lang::Ar => (
            "# تُرفض مباشرة\nغبي\nأحمق\nحقير",
            "# تُحال إلى المشرف\nمحتال*\nكذاب\nتزوير الانتخابات",
        ),
    }
}
