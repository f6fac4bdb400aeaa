//! Culture: museums, film, books, music and the stage.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("National museum", "the national museum", "Национальный музей", M, "المتحف الوطني", false).kind(1),
        actor("Film festival", "the international film festival", "Международный кинофестиваль", M, "مهرجان السينما الدولي", false).kind(2),
        actor("Opera house", "the opera house", "Оперный театр", M, "دار الأوبرا", true).kind(2),
        actor("Culture ministry", "the culture ministry", "Министерство культуры", N, "وزارة الثقافة", true).kind(4),
        actor("Halcyon prize jury", "the jury of the Halcyon literary prize", "Жюри литературной премии «Альциона»", N, "لجنة تحكيم جائزة هالسيون الأدبية", true).kind(8),
        actor("City orchestra", "the city orchestra", "Городской оркестр", M, "الأوركسترا البلدية", true).kind(2),
    ],
    actions: &[
        action("returns looted artefacts", "returned dozens of artefacts taken during colonial rule", "вернул десятки артефактов, вывезенных в колониальную эпоху", "يعيد", "أعاد", "عشرات القطع الأثرية التي نُقلت خلال الحقبة الاستعمارية").only(5),
        action("opens show of forgotten modernists", "opened an exhibition devoted to forgotten modernist painters", "открыл выставку забытых художников-модернистов", "يفتتح", "افتتح", "معرضا لرسامين حداثيين طواهم النسيان").only(1),
        action("reports record ticket sales", "announced record ticket sales, up {pct}% on last year", "сообщил о рекордных продажах билетов — на {pct}% больше, чем годом ранее", "يعلن", "أعلن", "عن مبيعات قياسية للتذاكر بزيادة {pct}% عن العام الماضي").only(3),
        action("names debut novel as winner", "named a debut novel as this year's winner", "назвал лауреатом этого года дебютный роман", "يعلن", "أعلن", "فوز رواية أولى بجائزة هذا العام").only(8),
        action("cancels concerts after funding cuts", "cancelled part of its season after funding cuts", "отменил часть сезона из-за сокращения финансирования", "يلغي", "ألغى", "جزءا من الموسم الفني بسبب خفض التمويل").only(2),
        action("unveils {money} restoration plan", "unveiled a {money} plan to restore historic buildings", "представил план реставрации исторических зданий стоимостью {money}", "يكشف", "كشف", "عن خطة بقيمة {money} لترميم المباني التاريخية").only(5),
        action("premieres new opera by young composer", "staged the premiere of a new opera by a young composer", "представил премьеру новой оперы молодого композитора", "يقدم", "قدم", "العرض الأول لأوبرا جديدة لمؤلف موسيقي شاب").only(2),
        action("announces shortlist of six novels", "announced a shortlist of six novels", "объявил короткий список из шести романов", "يعلن", "أعلن", "القائمة القصيرة التي تضم ست روايات").only(8),
        action("raises theatre funding by {pct}%", "increased funding for regional theatres by {pct}%", "увеличил финансирование региональных театров на {pct}%", "يزيد", "زاد", "تمويل المسارح الإقليمية بنسبة {pct}%").only(4),
    ],
    leads: &[
        tri("Critics have called it one of the most important cultural events of the year.", "Критики называют это событие одним из самых значимых в культурной жизни года.", "ووصف النقاد الحدث بأنه من أهم الأحداث الثقافية هذا العام."),
        tri("The decision ends a debate that has lasted more than a decade.", "Это решение положило конец спорам, которые продолжались более десяти лет.", "وينهي القرار جدلا استمر أكثر من عقد."),
        tri("Organisers expect more than {num},000 visitors.", "Организаторы ожидают более {num} тыс. посетителей.", "ويتوقع المنظمون أكثر من {num} ألف زائر."),
        tri("Artists say the sector is still recovering from years of cuts.", "Деятели искусства говорят, что отрасль до сих пор не оправилась от многолетних сокращений.", "ويقول فنانون إن القطاع لا يزال يتعافى من سنوات من التقليص."),
        tri("The winner will be announced at a ceremony next month.", "Имя победителя назовут на церемонии в следующем месяце.", "وسيُعلن اسم الفائز في حفل يقام الشهر المقبل."),
    ],
    lead_fits: &[fits(&[1, 3, 6]), fits(&[0, 3, 5]), fits(&[1, 2, 6]), fits(&[4, 8]), fits(&[7])],
    context: &[
        tri("Ticket sales have risen by {pct}% since the pandemic.", "С момента пандемии продажи билетов выросли на {pct}%.", "وارتفعت مبيعات التذاكر بنسبة {pct}% منذ الجائحة."),
        tri("The collection was first shown in {place} in the 1920s.", "Впервые коллекция была показана {place_loc} в 1920-х годах.", "وعُرضت المجموعة لأول مرة في {place} في عشرينيات القرن الماضي."),
        tri("The building reopened last spring after a five-year renovation.", "Здание вновь открылось прошлой весной после пятилетней реконструкции.", "وأعيد افتتاح المبنى في الربيع الماضي بعد أعمال تجديد استمرت خمس سنوات."),
        tri("Public funding for the arts has fallen in real terms for a decade.", "Государственное финансирование культуры в реальном выражении сокращается уже десять лет.", "وتراجع التمويل العام للفنون بالقيمة الحقيقية على مدى عقد."),
        tri("The programme includes works by artists from more than 30 countries.", "В программу вошли работы авторов из более чем 30 стран.", "ويضم البرنامج أعمالا لفنانين من أكثر من 30 بلدا."),
    ],
    quotes: &[
        tri("Art belongs to everyone, not only to those who can afford it", "Искусство принадлежит всем, а не только тем, кто может за него заплатить", "الفن ملك للجميع، لا لمن يستطيع دفع ثمنه فقط"),
        tri("We wanted to tell stories that have never been told", "Мы хотели рассказать истории, которые никогда раньше не звучали", "أردنا أن نروي قصصا لم تُروَ من قبل"),
        tri("The audience has been extraordinary", "Публика была потрясающей", "كان الجمهور رائعا"),
        tri("This is a moment of real pride for the whole city", "Это повод для настоящей гордости всего города", "هذه لحظة فخر حقيقية للمدينة بأكملها"),
    ],
    reactions: &[
        tri("Some critics found the choice too safe.", "Некоторые критики сочли этот выбор слишком осторожным.", "ورأى بعض النقاد أن الاختيار كان متحفظا أكثر من اللازم."),
        tri("Local residents queued for hours on the opening day.", "В день открытия местные жители часами стояли в очереди.", "واصطف السكان المحليون في طوابير لساعات في يوم الافتتاح."),
        tri("Arts unions said the money would not make up for years of cuts.", "Творческие союзы заявили, что эти деньги не компенсируют многолетних сокращений.", "وقالت نقابات الفنانين إن هذه الأموال لن تعوض سنوات من التقليص."),
    ],
    roles: &[
        role("the museum's director", "директор музея", "مدير المتحف", "مديرة المتحف"),
        role("a theatre critic", "театральный критик", "الناقد المسرحي", "الناقدة المسرحية"),
        role("the festival's artistic director", "художественный руководитель фестиваля", "المدير الفني للمهرجان", "المديرة الفنية للمهرجان"),
        role("a novelist and former prize judge", "прозаик и бывший член жюри премии", "الروائي وعضو لجنة التحكيم السابق", "الروائية وعضوة لجنة التحكيم السابقة"),
    ],
};
