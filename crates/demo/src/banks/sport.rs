//! Sport: clubs, national teams, federations and athletes.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("Riverside United", "Riverside United", "Клуб «Риверсайд Юнайтед»", M, "نادي ريفرسايد يونايتد", false).kind(1),
        actor("National team", "the national team", "Сборная страны", F, "المنتخب الوطني", false).kind(8),
        actor("Football federation", "the football federation", "Футбольная федерация", F, "اتحاد كرة القدم", false).kind(2),
        actor("Olympic committee", "the Olympic committee", "Олимпийский комитет", M, "اللجنة الأولمبية", true).kind(2),
        actor("Lena Hartmann", "Lena Hartmann", "Лена Хартман", F, "لينا هارتمان", true).kind(4),
        actor("Sprinter Tomas Reyes", "sprinter Tomas Reyes", "Спринтер Томас Рейес", M, "العداء توماس رييس", false).kind(4),
        actor("Harbour City", "Harbour City", "Клуб «Харбор Сити»", M, "نادي هاربور سيتي", false).kind(1),
    ],
    actions: &[
        action("wins derby with late goal", "won the derby with a goal in stoppage time", "выиграл дерби благодаря голу в компенсированное время", "يفوز", "فاز", "بالديربي بهدف في الوقت بدل الضائع").only(1),
        action("reaches final after penalty shoot-out", "reached the final after a penalty shoot-out", "вышел в финал после серии пенальти", "يتأهل", "تأهل", "إلى المباراة النهائية بعد ركلات الترجيح").only(9),
        action("appoints new head coach", "appointed a new head coach", "назначил нового главного тренера", "يعين", "عين", "مدربا رئيسيا جديدا").only(3),
        action("claims first title of the season", "won the first title of the season", "завоевал первый титул в сезоне", "يحرز", "أحرز", "اللقب الأول في الموسم").only(4),
        action("sets national record", "set a national record", "установил национальный рекорд", "يحطم", "حطم", "الرقم القياسي الوطني").only(4),
        action("announces retirement", "announced plans to retire at the end of the season", "объявил о завершении карьеры по окончании сезона", "يعلن", "أعلن", "الاعتزال في نهاية الموسم").only(4),
        action("imposes stadium bans after crowd trouble", "imposed stadium bans on dozens of fans after crowd trouble", "запретил десяткам болельщиков посещать стадионы после беспорядков", "يفرض", "فرض", "حظرا على دخول عشرات المشجعين إلى الملاعب بعد أعمال شغب").only(2),
        action("unveils {money} stadium plan", "unveiled plans for a new stadium costing {money}", "представил проект нового стадиона стоимостью {money}", "يكشف", "كشف", "عن خطط لبناء ملعب جديد بتكلفة {money}").only(3),
        action("qualifies for world championship", "qualified for the world championship", "пробился на чемпионат мира", "يتأهل", "تأهل", "إلى بطولة العالم").only(12),
        action("signs striker for {money}", "signed a striker in a deal worth {money}", "подписал нападающего за {money}", "يتعاقد", "تعاقد", "مع مهاجم في صفقة بقيمة {money}").only(1),
    ],
    leads: &[
        tri("The result leaves the title race wide open.", "Этот результат оставляет борьбу за титул открытой.", "وتبقي هذه النتيجة سباق اللقب مفتوحا."),
        tri("It was a night supporters will remember for years.", "Этот вечер болельщики будут вспоминать ещё долгие годы.", "كانت ليلة سيتذكرها المشجعون لسنوات."),
        tri("The decision follows a disappointing run of results.", "Решение последовало за серией неудачных результатов.", "ويأتي القرار بعد سلسلة من النتائج المخيبة."),
        tri("More than {num},000 spectators watched in the stadium.", "На стадионе за игрой наблюдали более {num} тыс. зрителей.", "وتابع المباراة في الملعب أكثر من {num} ألف متفرج."),
        tri("Supporters have long complained about conditions at the old ground.", "Болельщики давно жалуются на условия на старом стадионе.", "ويشكو المشجعون منذ فترة طويلة من الظروف في الملعب القديم."),
        tri("Police said several people were hurt in the trouble.", "По данным полиции, в ходе беспорядков пострадали несколько человек.", "وقالت الشرطة إن عدة أشخاص أصيبوا خلال أعمال الشغب."),
        tri("The club has been looking for a new forward since the summer.", "Клуб искал нового нападающего с лета.", "ويبحث النادي عن مهاجم جديد منذ الصيف."),
    ],
    lead_fits: &[fits(&[0, 3]), fits(&[0, 1, 4, 8]), fits(&[2, 5]), fits(&[0, 1]), fits(&[6, 7]), fits(&[6]), fits(&[9])],
    context: &[
        tri("The team has won only two of its last eight games.", "Команда выиграла лишь два из последних восьми матчей.", "ولم يفز الفريق إلا بمباراتين من آخر ثماني مباريات."),
        tri("The final will be played in {place} next month.", "Финал пройдёт {place_loc} в следующем месяце.", "وستقام المباراة النهائية في {place} الشهر المقبل."),
        tri("Ticket prices have risen by {pct}% over three seasons.", "За три сезона цены на билеты выросли на {pct}%.", "وارتفعت أسعار التذاكر بنسبة {pct}% على مدى ثلاثة مواسم."),
        tri("The previous record had stood for eleven years.", "Предыдущий рекорд продержался одиннадцать лет.", "وكان الرقم القياسي السابق صامدا منذ أحد عشر عاما."),
        tri("Injuries have hit the squad hard this season.", "В этом сезоне команду преследуют травмы.", "وعانى الفريق من الإصابات بشدة هذا الموسم."),
    ],
    quotes: &[
        tri("We showed real character tonight", "Сегодня мы показали настоящий характер", "أظهرنا شخصية حقيقية الليلة"),
        tri("It is a dream come true", "Это сбывшаяся мечта", "إنه حلم تحقق"),
        tri("We have to be honest with ourselves and improve", "Мы должны быть честными с собой и становиться лучше", "علينا أن نكون صادقين مع أنفسنا وأن نتحسن"),
        tri("The fans carried us through the last minutes", "Болельщики помогли нам выстоять в последние минуты", "المشجعون حملونا في الدقائق الأخيرة"),
    ],
    reactions: &[
        tri("Rival coaches praised the team's discipline.", "Тренеры соперников отметили дисциплину команды.", "وأشاد مدربو الفرق المنافسة بانضباط الفريق."),
        tri("Supporters' groups criticised the timing of the announcement.", "Объединения болельщиков раскритиковали выбор момента для этого объявления.", "وانتقدت روابط المشجعين توقيت الإعلان."),
        tri("Former players said the change was long overdue.", "Бывшие игроки заявили, что перемены назрели давно.", "وقال لاعبون سابقون إن التغيير تأخر كثيرا."),
    ],
    roles: &[
        role("the head coach", "главный тренер", "المدرب", "المدربة"),
        role("the team captain", "капитан команды", "قائد الفريق", "قائدة الفريق"),
        role("a former international", "экс-игрок сборной", "اللاعب الدولي السابق", "اللاعبة الدولية السابقة"),
        role("a sports commentator", "спортивный комментатор", "المعلق الرياضي", "المعلقة الرياضية"),
    ],
};
