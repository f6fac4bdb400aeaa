//! Politics: parliaments, governments, elections and courts.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("Parliament", "parliament", "Парламент", M, "البرلمان", false).kind(1),
        actor("Government", "the government", "Правительство", N, "الحكومة", true).kind(1),
        actor("Prime minister", "the prime minister", "Премьер-министр", M, "رئيس الوزراء", false).kind(1),
        actor("Constitutional court", "the constitutional court", "Конституционный суд", M, "المحكمة الدستورية", true).kind(2),
        actor("Electoral commission", "the electoral commission", "Избирательная комиссия", F, "اللجنة الانتخابية", true).kind(4),
        actor("Opposition alliance", "the opposition alliance", "Оппозиционный блок", M, "التحالف المعارض", false).kind(8),
        actor("City council", "the city council", "Городской совет", M, "المجلس البلدي", false).kind(1),
    ],
    actions: &[
        action("approves {year} budget after marathon debate", "approved the {year} budget after a debate that lasted into the night", "утвердил бюджет на {year} год после дебатов, затянувшихся до ночи", "يقر", "أقر", "ميزانية عام {year} بعد نقاش استمر حتى ساعة متأخرة من الليل").only(1),
        action("sets date for early election", "set a date for an early election", "назначил дату досрочных выборов", "يحدد", "حدد", "موعد الانتخابات المبكرة").only(5),
        action("rejects bill on party funding", "rejected a bill that would have tightened rules on party funding", "отклонил законопроект об ужесточении правил финансирования партий", "يرفض", "رفض", "مشروع قانون لتشديد قواعد تمويل الأحزاب").only(3),
        action("unveils plan to cut red tape", "unveiled a plan to cut red tape for small businesses", "представил план по сокращению бюрократии для малого бизнеса", "يكشف", "كشف", "عن خطة لتقليص الإجراءات البيروقراطية أمام الشركات الصغيرة").only(9),
        action("launches inquiry into procurement", "launched an inquiry into how public contracts were awarded", "начал проверку распределения государственных контрактов", "يفتح", "فتح", "تحقيقا في طريقة منح العقود الحكومية").only(1),
        action("backs reform of voting rules", "backed a reform of the rules for postal voting", "поддержал реформу правил голосования по почте", "يؤيد", "أيد", "إصلاح قواعد التصويت بالبريد"),
        action("postpones vote on pension reform", "postponed a vote on the pension reform", "отложил голосование по пенсионной реформе", "يؤجل", "أجل", "التصويت على إصلاح نظام التقاعد").only(1),
        action("publishes turnout figures", "published turnout figures showing {pct}% of voters took part", "опубликовал данные о явке, которая составила {pct}%", "ينشر", "نشر", "أرقام المشاركة التي بلغت {pct}%").only(4),
        action("promises {money} for regional roads", "promised {money} for roads in the regions", "пообещал выделить {money} на строительство дорог в регионах", "يعد", "وعد", "بتخصيص {money} لشبكة الطرق في المناطق").only(9),
        action("rules parts of election law unconstitutional", "ruled that parts of the new election law were unconstitutional", "признал часть положений нового избирательного закона неконституционными", "يقضي", "قضى", "بعدم دستورية أجزاء من قانون الانتخابات الجديد").only(2),
    ],
    leads: &[
        tri("The decision sets up a difficult few months for the governing coalition.", "Это решение сулит правящей коалиции несколько непростых месяцев.", "ويضع هذا القرار الائتلاف الحاكم أمام أشهر صعبة."),
        tri("Polls suggest voters are split almost evenly on the issue.", "Опросы показывают, что мнения избирателей по этому вопросу разделились почти поровну.", "وتشير استطلاعات الرأي إلى انقسام الناخبين بالتساوي تقريبا حول هذه القضية."),
        tri("Critics say the measure was rushed through without proper scrutiny.", "Критики считают, что мера была принята в спешке и без должного обсуждения.", "ويقول منتقدون إن الإجراء مُرّر على عجل ودون تدقيق كاف."),
        tri("The vote is the first big test of the new cabinet.", "Голосование стало первым серьёзным испытанием для нового кабинета.", "ويعد التصويت أول اختبار كبير للحكومة الجديدة."),
        tri("The figures will be studied closely by every party before the next vote.", "Эти данные будут внимательно изучать все партии в преддверии следующего голосования.", "وستدرس جميع الأحزاب هذه الأرقام بعناية قبل التصويت المقبل."),
    ],
    lead_fits: &[fits(&[0, 1, 2, 4, 6, 9]), fits(&[2, 3, 5, 6, 8, 9]), fits(&[0, 3, 5]), fits(&[0, 2, 6]), fits(&[1, 7, 8])],
    context: &[
        tri("The governing coalition holds a majority of just four seats.", "Правящая коалиция располагает большинством всего в четыре мандата.", "ويتمتع الائتلاف الحاكم بأغلبية لا تتجاوز أربعة مقاعد."),
        tri("Turnout at the last election was {pct}%, the lowest in two decades.", "Явка на прошлых выборах составила {pct}% — самый низкий показатель за двадцать лет.", "وبلغت نسبة المشاركة في الانتخابات الأخيرة {pct}%، وهي الأدنى منذ عقدين."),
        tri("Opinion polls published this week put support for the government at {pct}%.", "Согласно опубликованным на этой неделе опросам, правительство поддерживают {pct}% граждан.", "وتظهر استطلاعات نُشرت هذا الأسبوع أن نسبة التأييد للحكومة تبلغ {pct}%."),
        tri("The bill had already been amended twice in committee.", "Законопроект уже дважды дорабатывался в профильном комитете.", "وكان مشروع القانون قد عُدّل مرتين في اللجنة المختصة."),
        tri("Regional leaders met in {place} last week to coordinate their position.", "На прошлой неделе региональные лидеры встретились {place_loc}, чтобы согласовать свою позицию.", "واجتمع قادة المناطق في {place} الأسبوع الماضي لتنسيق مواقفهم."),
    ],
    quotes: &[
        tri("Voters expect us to deliver, not to argue among ourselves", "Избиратели ждут от нас результатов, а не споров между собой", "الناخبون ينتظرون منا نتائج لا خلافات داخلية"),
        tri("This is a good day for transparency", "Это хороший день для прозрачности", "هذا يوم جيد للشفافية"),
        tri("We will study the text carefully before deciding how to vote", "Мы внимательно изучим текст, прежде чем решить, как голосовать", "سندرس النص بعناية قبل أن نقرر كيف سنصوت"),
        tri("Nobody should be surprised by this result", "Этот результат никого не должен удивлять", "لا ينبغي أن تفاجئ هذه النتيجة أحدا"),
        tri("The public deserves a clear answer", "Общество заслуживает ясного ответа", "يستحق الرأي العام إجابة واضحة"),
    ],
    reactions: &[
        tri("Opposition leaders called the move a distraction from rising prices.", "Лидеры оппозиции назвали этот шаг попыткой отвлечь внимание от роста цен.", "ووصف قادة المعارضة الخطوة بأنها محاولة لصرف الانتباه عن ارتفاع الأسعار."),
        tri("Business groups broadly welcomed the decision.", "Деловые объединения в целом приветствовали это решение.", "ورحبت منظمات الأعمال بالقرار بشكل عام."),
        tri("Several members of the governing party said privately that they had doubts.", "Несколько членов правящей партии в частных беседах признали, что у них есть сомнения.", "وأقر عدد من أعضاء الحزب الحاكم في أحاديث خاصة بأن لديهم شكوكا."),
    ],
    roles: &[
        role("a political scientist at Meriden University", "политолог Университета Мэридена", "أستاذ العلوم السياسية في جامعة ميريدن", "أستاذة العلوم السياسية في جامعة ميريدن"),
        role("an opposition lawmaker", "депутат от оппозиции", "النائب المعارض", "النائبة المعارضة"),
        role("the chair of the budget committee", "председатель бюджетного комитета", "رئيس لجنة الميزانية", "رئيسة لجنة الميزانية"),
        role("a government spokesperson", "официальный представитель правительства", "المتحدث باسم الحكومة", "المتحدثة باسم الحكومة"),
    ],
};
