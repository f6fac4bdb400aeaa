//! Sport: football, tennis, athletics and basketball.

use super::common::*;
use super::newsroom::tag;
use super::photo_text as shot;
use super::{Beat, NewsBank, Unit::*, action, actor, figure, fits, role, said};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
const FOOTBALL: Beat = Beat {
    tag: tag::FOOTBALL,
    shots: &[shot::STADIUM, shot::FANS],
    places: &ANYWHERE,
    actors: &[
        actor("Riverside United", "Riverside United", "«Риверсайд Юнайтед»", M, "نادي ريفرسايد يونايتد", false).kind(1),
        actor("Harbour City", "Harbour City", "«Харбор Сити»", M, "نادي هاربور سيتي", false).kind(1),
        actor("Northgate Rovers", "Northgate Rovers", "«Нортгейт Роверс»", M, "نادي نورثغيت روفرز", false).kind(1),
        actor("National team", "the national team", "Сборная страны", F, "المنتخب الوطني", false).kind(2),
        actor("Football federation", "the football federation", "Футбольная федерация", F, "اتحاد كرة القدم", false).kind(4),
    ],
    actions: &[
        action("wins derby with late goal", "won the derby with a goal in stoppage time", "выиграл дерби благодаря голу в компенсированное время", "يفوز", "فاز", "بالديربي بهدف في الوقت بدل الضائع").only(1),
        action("reaches cup final after penalty shoot-out", "reached the cup final after a penalty shoot-out", "пробился в финал кубка после серии пенальти", "يتأهل", "تأهل", "إلى نهائي الكأس بعد ركلات الترجيح").only(1 | 2),
        action("sacks head coach after run of defeats", "sacked its head coach after a run of defeats", "отправил в отставку главного тренера после серии поражений", "يقيل", "أقال", "مدربه بعد سلسلة من الهزائم").only(1 | 2),
        action("appoints new head coach", "appointed a new head coach", "назначил нового главного тренера", "يعين", "عين", "مدربًا رئيسيًا جديدًا").only(1 | 4),
        action("imposes stadium bans after crowd trouble", "banned dozens of fans from stadiums after crowd trouble", "запретил десяткам болельщиков посещать стадионы после беспорядков", "يفرض", "فرض", "حظرًا على دخول عشرات المشجعين إلى الملاعب بعد أعمال شغب").only(4),
        action("unveils {money} stadium plan", "unveiled plans for a new stadium costing {money}", "представил проект нового стадиона стоимостью {money}", "يكشف", "كشف", "عن خطط لبناء ملعب جديد بتكلفة {money}").only(1),
        action("qualifies for World Cup", "qualified for the World Cup", "пробился на чемпионат мира", "يتأهل", "تأهل", "إلى نهائيات كأس العالم").only(2),
        action("signs striker for {money}", "signed a striker in a deal worth {money}", "подписал нападающего за {money}", "يتعاقد", "تعاقد", "مع مهاجم في صفقة بقيمة {money}").only(1),
        action("goes top of the league with 3-1 win", "went top of the league with a 3–1 win", "возглавил турнирную таблицу, победив со счётом 3:1", "يتصدر", "تصدر", "جدول الترتيب بعد فوزه 3-1").only(1),
        action("fines club over racist chanting", "fined a club over racist chanting by its fans", "оштрафовал клуб за расистские выкрики болельщиков", "يغرم", "غرم", "ناديًا بسبب هتافات عنصرية أطلقها مشجعوه").only(4),
    ],
    leads: &[
        tri("The result leaves the title race wide open.", "Этот результат оставляет борьбу за титул открытой.", "تُبقي هذه النتيجة سباق اللقب مفتوحًا."),
        tri("It was a night supporters will remember for years.", "Этот вечер болельщики будут вспоминать ещё долгие годы.", "كانت ليلة سيتذكرها المشجعون لسنوات."),
        tri("The decision follows a disappointing run of results.", "Решение последовало за серией неудачных результатов.", "يأتي القرار بعد سلسلة من النتائج المخيبة."),
        tri("More than {num},000 spectators watched in the stadium.", "На стадионе за игрой наблюдали более {num} тыс. зрителей.", "تابع المباراة في الملعب أكثر من {num} ألف متفرج."),
        tri("Supporters have long complained about conditions at the old ground.", "Болельщики давно жалуются на условия на старом стадионе.", "يشكو المشجعون منذ فترة طويلة من الظروف في الملعب القديم."),
        tri("Police said several people were hurt in the trouble.", "По данным полиции, в ходе беспорядков пострадали несколько человек.", "قالت الشرطة إن عدة أشخاص أصيبوا خلال أعمال الشغب."),
        tri("The club has been looking for a new forward since the summer.", "Клуб искал нового нападающего с лета.", "يبحث النادي عن مهاجم جديد منذ الصيف."),
        tri("Campaigners said the punishment was too lenient.", "Активисты сочли наказание слишком мягким.", "رأى ناشطون أن العقوبة متساهلة أكثر من اللازم."),
    ],
    lead_fits: &[fits(&[0, 8]), fits(&[0, 1, 6]), fits(&[2, 3]), fits(&[0, 1, 8]), fits(&[5]), fits(&[4]), fits(&[7]), fits(&[9])],
    details: &[
        tri("Attendances in the league have hit their highest level in twenty years.", "Посещаемость матчей лиги достигла максимума за двадцать лет.", "وبلغ عدد حضور مباريات الدوري أعلى مستوى له منذ عشرين عامًا."),
        tri("The final will be played in {place} next month.", "Финал пройдёт {place_loc} в следующем месяце.", "وستقام المباراة النهائية في {place} الشهر المقبل."),
        tri("Youth academies have produced most of the league's new stars.", "Большинство новых звёзд лиги — воспитанники клубных академий.", "وتخرّج معظم نجوم الدوري الجدد في أكاديميات الأندية."),
        tri("Injuries have hit several squads hard this season.", "В этом сезоне травмы серьёзно ударили по нескольким командам.", "وعانت فرق عدة من الإصابات بشدة هذا الموسم."),
        tri("Television money now makes up more than half of most clubs' income.", "Деньги за телетрансляции теперь составляют более половины доходов большинства клубов.", "وباتت عائدات البث التلفزيوني تشكل أكثر من نصف دخل معظم الأندية."),
        tri("Every league fixture in {place} this season has been played in front of a full house.", "Все матчи лиги {place_loc} в этом сезоне проходят при аншлаге.", "وأقيمت كل مباريات الدوري في {place} هذا الموسم أمام مدرجات ممتلئة."),
        tri("Several clubs have changed owners in the past two years.", "За последние два года у нескольких клубов сменились владельцы.", "وتغيّر مالكو عدد من الأندية خلال العامين الماضيين."),
        tri("The transfer window closes at the end of the month.", "Трансферное окно закрывается в конце месяца.", "وتُغلق فترة الانتقالات في نهاية الشهر."),
        tri("Video review has cut refereeing errors but slowed the game down.", "Видеоповторы сократили число судейских ошибок, но замедлили игру.", "وقلّصت تقنية الفيديو أخطاء التحكيم لكنها أبطأت إيقاع اللعب."),
        tri("Supporters' trusts in {place} have grown in membership this year.", "Число членов фанатских объединений {place_gen} в этом году выросло.", "وارتفع عدد أعضاء روابط المشجعين في {place} هذا العام."),
    ],
    quotes: &[
        said("We showed real character tonight", "Сегодня мы показали настоящий характер", "أظهرنا شخصية حقيقية الليلة").by(1 | 2),
        said("The fans carried us through the last minutes", "Болельщики помогли нам выстоять в последние минуты", "المشجعون حملونا في الدقائق الأخيرة").by(1 | 2),
        said("We have to be honest with ourselves and improve", "Мы должны быть честны с собой и становиться лучше", "علينا أن نكون صادقين مع أنفسنا وأن نتحسن").by(1 | 2),
        said("There is no place for this behaviour in our game", "Такому поведению нет места в нашем спорте", "لا مكان لمثل هذا السلوك في رياضتنا").by(4),
        said("We want a coach who can build something that lasts", "Нам нужен тренер, который сможет построить что-то долговечное", "نريد مدربًا قادرًا على بناء شيء يدوم").by(1 | 4),
    ],
    roles: &[
        role("the head coach", "главный тренер", "المدرب", "المدربة").by(1 | 2),
        role("the team captain", "капитан команды", "قائد الفريق", "قائدة الفريق").by(1 | 2),
        role("the club's sporting director", "спортивный директор клуба", "المدير الرياضي للنادي", "المديرة الرياضية للنادي").by(1),
        role("a federation spokesperson", "представитель федерации", "المتحدث باسم الاتحاد", "المتحدثة باسم الاتحاد").by(4),
    ],
};

#[rustfmt::skip]
const TENNIS: Beat = Beat {
    tag: tag::TENNIS,
    shots: &[shot::TENNIS],
    places: &[LONDON, PARIS, NEW_YORK, MADRID, ROME, TOKYO, DUBAI, VIENNA, ISTANBUL, SAO_PAULO, SINGAPORE],
    actors: &[
        actor("Lena Hartmann", "Lena Hartmann", "Лена Хартман", F, "لينا هارتمان", true).kind(1),
        actor("Kai Moreno", "Kai Moreno", "Кай Морено", M, "كاي مورينو", false).kind(1),
        actor("Defending champion Sara Lindholm", "the defending champion Sara Lindholm", "Действующая чемпионка Сара Линдхольм", F, "حاملة اللقب سارا ليندهولم", true).kind(1),
        actor("Tournament", "the tournament", "Турнир", M, "البطولة", true).kind(2),
    ],
    actions: &[
        action("wins first grand slam title", "won a first grand slam title", "выиграл первый титул на турнире Большого шлема", "يحرز", "أحرز", "أول لقب في البطولات الأربع الكبرى").only(1),
        action("beats world number one in three sets", "beat the world number one in three sets", "обыграл первую ракетку мира в трёх сетах", "يتغلب", "تغلب", "على المصنف الأول عالميًا في ثلاث مجموعات").only(1),
        action("retires injured in semi-final", "retired injured during a semi-final", "снялся с полуфинала из-за травмы", "ينسحب", "انسحب", "من نصف النهائي بسبب الإصابة").only(1),
        action("withdraws from tournament with wrist injury", "withdrew from the tournament with a wrist injury", "отказался от участия в турнире из-за травмы запястья", "ينسحب", "انسحب", "من البطولة بسبب إصابة في الرسغ").only(1),
        action("raises prize money by {pct}%", "raised its prize money by {pct}%", "увеличил призовой фонд на {pct}%", "يرفع", "رفع", "قيمة الجوائز المالية بنسبة {pct}%").only(2),
        action("reaches final without dropping a set", "reached the final without dropping a set", "пробился в финал, не отдав ни одного сета", "يبلغ", "بلغ", "المباراة النهائية دون خسارة أي مجموعة").only(1),
        action("brings in electronic line calling", "introduced electronic line calling on all courts", "оснастил все корты электронной системой судейства на линиях", "يعتمد", "اعتمد", "نظام التحكيم الإلكتروني للخطوط على جميع الملاعب").only(2),
        action("to retire at end of season", "announced plans to retire at the end of the season", "объявил о завершении карьеры по окончании сезона", "يعلن", "أعلن", "الاعتزال في نهاية الموسم").only(1),
    ],
    leads: &[
        tri("The win caps a remarkable rise through the rankings.", "Эта победа стала венцом стремительного взлёта в рейтинге.", "يتوّج هذا الفوز صعودًا لافتًا في التصنيف العالمي."),
        tri("Fans fear the injury could end the season.", "Болельщики опасаются, что травма поставит крест на сезоне.", "يخشى المشجعون أن تنهي الإصابة الموسم."),
        tri("Players have long called for the change.", "Игроки давно добивались этих изменений.", "طالب اللاعبون بهذا التغيير منذ فترة طويلة."),
        tri("Tributes poured in from players past and present.", "Тёплые слова посыпались от нынешних и бывших игроков.", "انهالت عبارات التقدير من لاعبين حاليين وسابقين."),
    ],
    lead_fits: &[fits(&[0, 1, 5]), fits(&[2, 3]), fits(&[4, 6]), fits(&[7])],
    details: &[
        tri("Matches at this year's event have regularly run past three hours.", "Матчи на нынешнем турнире нередко длятся более трёх часов.", "وكثيرًا ما تجاوزت مباريات نسخة هذا العام ثلاث ساعات."),
        tri("Centre court in {place} was full for the whole day.", "Центральный корт {place_loc} весь день был заполнен.", "وامتلأ الملعب الرئيسي في {place} طوال اليوم."),
        tri("Prize money for the winners has doubled in a decade.", "Призовые победителям за десять лет выросли вдвое.", "وتضاعفت الجوائز المالية للفائزين خلال عقد."),
        tri("The tour's crowded calendar has been blamed for a rise in injuries.", "Рост числа травм объясняют перегруженным календарём тура.", "ويُحمَّل الجدول المزدحم للجولة مسؤولية ازدياد الإصابات."),
        tri("Young players from the region are breaking into the top hundred in growing numbers.", "Всё больше молодых игроков из региона пробиваются в первую сотню рейтинга.", "ويتزايد عدد اللاعبين الشباب من المنطقة الذين يقتحمون قائمة المئة الأوائل."),
        tri("Ranking points from this event can change a season.", "Рейтинговые очки с этого турнира могут изменить весь сезон.", "ويمكن لنقاط التصنيف في هذه البطولة أن تغيّر مسار موسم كامل."),
        tri("Heat rules allow breaks when temperatures climb too high.", "Правила на случай жары разрешают перерывы, если температура поднимается слишком высоко.", "وتسمح قواعد الحر باستراحات عندما ترتفع درجات الحرارة كثيرًا."),
        tri("Junior tennis has grown quickly in the region in recent years.", "Детский теннис в последние годы быстро развивается в регионе.", "ونما تنس الناشئين بسرعة في المنطقة خلال السنوات الأخيرة."),
        tri("Crowds in {place} are known for their noisy support.", "Публика {place_gen} славится шумной поддержкой.", "ويشتهر الجمهور في {place} بتشجيعه الصاخب."),
    ],
    quotes: &[
        said("This is what all the hard work was for", "Вот ради чего была вся эта тяжёлая работа", "من أجل هذا كان كل ذلك العمل الشاق").by(1),
        said("The priority now is to get fully fit, not to rush back", "Сейчас главное — полностью восстановиться, а не спешить с возвращением", "الأولوية الآن للتعافي التام لا للتسرع في العودة").by(1),
        said("Players deserve a fair share of what the sport earns", "Игроки заслуживают справедливой доли того, что зарабатывает этот спорт", "يستحق اللاعبون حصة عادلة مما تجنيه اللعبة").by(2),
    ],
    roles: &[
        role("a member of the coaching team", "член тренерского штаба", "أحد أعضاء الجهاز الفني", "إحدى عضوات الجهاز الفني").by(1),
        role("the tournament director", "директор турнира", "مدير البطولة", "مديرة البطولة").by(2),
    ],
};

#[rustfmt::skip]
const ATHLETICS: Beat = Beat {
    tag: tag::ATHLETICS,
    shots: &[shot::TRACK],
    places: &ANYWHERE,
    actors: &[
        actor("Sprinter Tomas Reyes", "the sprinter Tomas Reyes", "Спринтер Томас Рейес", M, "العداء توماس رييس", false).kind(1),
        actor("Hurdler Yara Saleh", "the hurdler Yara Saleh", "Барьеристка Яра Салех", F, "عداءة الحواجز يارا صالح", true).kind(1),
        actor("Marathon runner Amina Bekele", "the marathon runner Amina Bekele", "Марафонка Амина Бекеле", F, "عداءة الماراثون أمينة بيكيلي", true).kind(8),
        actor("Olympic committee", "the Olympic committee", "Олимпийский комитет", M, "اللجنة الأولمبية", true).kind(2),
        actor("Anti-doping agency", "the anti-doping agency", "Антидопинговое агентство", N, "الوكالة الوطنية لمكافحة المنشطات", true).kind(4),
    ],
    actions: &[
        action("sets national record", "set a national record", "установил национальный рекорд", "يحطم", "حطم", "الرقم القياسي الوطني").only(1 | 8),
        action("wins marathon in course record", "won the marathon in a course record", "выиграл марафон с рекордом трассы", "يفوز", "فاز", "بالماراثون برقم قياسي جديد للمسار").only(8),
        action("bans two athletes for doping", "banned two athletes for four years for doping", "дисквалифицировал двух спортсменов на четыре года за допинг", "يوقف", "أوقف", "رياضيَّين اثنين أربع سنوات بسبب المنشطات").only(4),
        action("names team for Olympic Games", "named its team for the Olympic Games", "утвердил состав сборной на Олимпийские игры", "يعلن", "أعلن", "تشكيلة البعثة المشاركة في الألعاب الأولمبية").only(2).tag(tag::OLYMPICS),
        action("launches bid to host Olympic Games", "launched a bid to host the Olympic Games", "начал кампанию за право принять Олимпийские игры", "يطلق", "أطلق", "ملف ترشح لاستضافة الألعاب الأولمبية").only(2).tag(tag::OLYMPICS),
        action("to retire at end of season", "announced plans to retire at the end of the season", "объявил о завершении карьеры по окончании сезона", "يعلن", "أعلن", "الاعتزال في نهاية الموسم").only(1 | 8),
        action("clears sprinter of doping charge", "cleared a sprinter of a doping charge", "снял с бегуна обвинение в применении допинга", "يبرئ", "برأ", "عداءً من تهمة تعاطي المنشطات").only(4),
        action("qualifies for world championship final", "qualified for the world championship final", "пробился в финал чемпионата мира", "يتأهل", "تأهل", "إلى نهائي بطولة العالم").only(1 | 8),
    ],
    leads: &[
        tri("The previous record had stood for eleven years.", "Предыдущий рекорд продержался одиннадцать лет.", "كان الرقم القياسي السابق صامدًا منذ أحد عشر عامًا."),
        tri("Officials said the case showed the testing system was working.", "Чиновники заявили, что этот случай доказывает эффективность системы тестирования.", "قال مسؤولون إن القضية تُظهر أن نظام الفحص يعمل."),
        tri("The announcement ends months of speculation.", "Объявление положило конец многомесячным слухам.", "يضع الإعلان حدًا لأشهر من التكهنات."),
        tri("The result makes a medal a real possibility.", "С таким результатом медаль становится вполне реальной.", "تجعل هذه النتيجة الفوز بميدالية احتمالًا واقعيًا."),
    ],
    lead_fits: &[fits(&[0, 1]), fits(&[2, 6]), fits(&[3, 4, 5]), fits(&[7, 0])],
    details: &[
        tri("The stadium in {place} was close to full for the evening session.", "Вечером стадион {place_loc} был почти полностью заполнен.", "وكان الملعب في {place} ممتلئًا تقريبًا خلال الفترة المسائية."),
        tri("Athletics has struggled to attract sponsors since its last doping scandal.", "После последнего допингового скандала лёгкой атлетике трудно привлекать спонсоров.", "وتجد ألعاب القوى صعوبة في جذب الرعاة منذ آخر فضيحة منشطات."),
        tri("Several national records have fallen this season.", "В этом сезоне было побито несколько национальных рекордов.", "وتحطمت أرقام قياسية وطنية عدة هذا الموسم."),
        tri("Athletes are tested both at competitions and at home without notice.", "Спортсменов проверяют как на соревнованиях, так и дома без предупреждения.", "ويخضع الرياضيون للفحص خلال المنافسات وفي منازلهم دون إشعار مسبق."),
        tri("Funding for the sport depends heavily on results at major championships.", "Финансирование этого вида спорта во многом зависит от результатов на крупных чемпионатах.", "ويعتمد تمويل هذه الرياضة بدرجة كبيرة على النتائج في البطولات الكبرى."),
        tri("New shoe technology has changed what is possible on the track and the road.", "Новые технологии в обуви изменили представления о возможном на дорожке и на шоссе.", "وغيّرت تقنيات الأحذية الجديدة حدود الممكن على المضمار وفي سباقات الطرق."),
        tri("Many athletes combine training with part-time jobs.", "Многие спортсмены совмещают тренировки с подработкой.", "ويجمع كثير من الرياضيين بين التدريب والعمل بدوام جزئي."),
        tri("Running clubs in {place} have doubled in size since the last Games.", "С последних Игр беговые клубы {place_gen} выросли вдвое.", "وتضاعف حجم أندية الجري في {place} منذ الألعاب الأخيرة."),
        tri("The national federation has promised more money for coaching.", "Национальная федерация пообещала выделить больше денег на подготовку тренеров.", "ووعد الاتحاد الوطني بتخصيص مزيد من الأموال للتدريب."),
    ],
    quotes: &[
        said("All the early mornings were worth it", "Все эти ранние подъёмы того стоили", "كانت كل تلك الصباحات الباكرة تستحق العناء").by(1 | 8),
        said("Clean athletes deserve to compete on equal terms", "Честные спортсмены заслуживают равных условий", "يستحق الرياضيون النظيفون المنافسة بشروط متكافئة").by(2 | 4),
        said("The Games would change this country for a generation", "Олимпиада изменила бы эту страну на целое поколение вперёд", "ستغيّر الألعاب هذا البلد لجيل كامل").by(2),
    ],
    roles: &[
        role("a member of the coaching team", "член тренерского штаба", "أحد أعضاء الجهاز الفني", "إحدى عضوات الجهاز الفني").by(1 | 8),
        role("the committee's president", "президент комитета", "رئيس اللجنة", "رئيسة اللجنة").by(2),
        role("the agency's director", "директор агентства", "مدير الوكالة", "مديرة الوكالة").by(4),
    ],
};

#[rustfmt::skip]
const BASKETBALL: Beat = Beat {
    tag: tag::BASKETBALL,
    shots: &[shot::ARENA],
    places: &ANYWHERE,
    actors: &[
        actor("Capital Lions", "the Capital Lions", "«Кэпитал Лайонс»", Pl, "نادي كابيتال لايونز", false).kind(1),
        actor("Bay City Hawks", "the Bay City Hawks", "«Бэй Сити Хокс»", Pl, "نادي باي سيتي هوكس", false).kind(1),
        actor("Basketball league", "the basketball league", "Баскетбольная лига", F, "دوري كرة السلة", false).kind(2),
    ],
    actions: &[
        action("win league title", "won the league title", "выиграл чемпионский титул", "يحرز", "أحرز", "لقب الدوري").only(1),
        action("beat closest rivals after overtime", "beat their closest rivals after overtime", "обыграл главного соперника в овертайме", "يتغلب", "تغلب", "على أقرب منافسيه بعد وقت إضافي").only(1),
        action("sign point guard from abroad", "signed a point guard from abroad", "подписал контракт с разыгрывающим из-за рубежа", "يتعاقد", "تعاقد", "مع صانع ألعاب أجنبي").only(1),
        action("votes to expand to eighteen teams", "voted to expand to eighteen teams", "проголосовал за расширение до восемнадцати команд", "يقرر", "قرر", "التوسع إلى ثمانية عشر فريقًا").only(2),
        action("end run of six straight defeats", "ended a run of six straight defeats", "прервал серию из шести поражений подряд", "ينهي", "أنهى", "سلسلة من ست هزائم متتالية").only(1),
        action("agrees {money} broadcast deal", "agreed a broadcast deal worth {money}", "заключил соглашение о трансляциях на {money}", "يبرم", "أبرم", "صفقة بث بقيمة {money}").only(2),
        action("reach play-off final", "reached the play-off final", "пробился в финал плей-офф", "يبلغ", "بلغ", "نهائي الأدوار الإقصائية").only(1),
    ],
    leads: &[
        tri("The arena was sold out for the first time this season.", "Впервые в этом сезоне на арене был аншлаг.", "نفدت تذاكر الصالة للمرة الأولى هذا الموسم."),
        tri("The club had been searching for a playmaker for months.", "Клуб несколько месяцев искал разыгрывающего.", "كان النادي يبحث عن صانع ألعاب منذ أشهر."),
        tri("The league hopes the move will bring the sport to new cities.", "Лига надеется, что это откроет баскетбол для новых городов.", "يأمل الدوري أن تنقل هذه الخطوة اللعبة إلى مدن جديدة."),
        tri("Pressure on the coach had been building for weeks.", "Давление на тренера нарастало несколько недель.", "كانت الضغوط على المدرب تتصاعد منذ أسابيع."),
    ],
    lead_fits: &[fits(&[0, 1, 6]), fits(&[2]), fits(&[3, 5]), fits(&[4, 1])],
    details: &[
        tri("Basketball is the fastest-growing sport among teenagers in {place}.", "Баскетбол — самый быстрорастущий вид спорта среди подростков {place_loc}.", "وكرة السلة هي الرياضة الأسرع نموًا بين المراهقين في {place}."),
        tri("Television audiences for the league have doubled in three years.", "Телеаудитория лиги за три года выросла вдвое.", "وتضاعف عدد مشاهدي الدوري على التلفزيون خلال ثلاث سنوات."),
        tri("Several players have left for richer leagues abroad.", "Несколько игроков уехали в более богатые зарубежные лиги.", "وغادر عدد من اللاعبين إلى دوريات أغنى في الخارج."),
        tri("The season runs until the play-offs in late spring.", "Сезон продлится до плей-офф в конце весны.", "ويستمر الموسم حتى الأدوار الإقصائية في أواخر الربيع."),
        tri("Average attendance has passed eight thousand a game.", "Средняя посещаемость превысила восемь тысяч зрителей на матч.", "وتجاوز متوسط الحضور ثمانية آلاف متفرج في المباراة."),
        tri("Courts in city parks have become breeding grounds for talent.", "Площадки в городских парках стали настоящей кузницей талантов.", "وأصبحت الملاعب في الحدائق العامة مشاتل للمواهب."),
        tri("The league introduced a salary cap three seasons ago.", "Три сезона назад лига ввела потолок зарплат.", "وفرض الدوري سقفًا للرواتب قبل ثلاثة مواسم."),
        tri("Several players have come through university teams.", "Несколько игроков пришли из университетских команд.", "وجاء عدد من اللاعبين من فرق الجامعات."),
        tri("Merchandise sales across the league have risen sharply.", "Продажи атрибутики по всей лиге резко выросли.", "وارتفعت مبيعات المنتجات الرسمية في أنحاء الدوري بشكل حاد."),
    ],
    quotes: &[
        said("We never stopped believing, even when we were behind", "Мы ни на секунду не переставали верить, даже когда проигрывали", "لم نتوقف عن الإيمان حتى عندما كنا متأخرين").by(1),
        said("This group has earned everything it has", "Эта команда заслужила всё, что у неё есть", "هذه المجموعة استحقت كل ما حققته").by(1),
        said("The game is growing, and we have to grow with it", "Игра растёт, и нам нужно расти вместе с ней", "اللعبة تنمو، وعلينا أن ننمو معها").by(2),
    ],
    roles: &[
        role("the head coach", "главный тренер", "المدرب", "المدربة").by(1),
        role("the team captain", "капитан команды", "قائد الفريق", "قائدة الفريق").by(1),
        role("the league's commissioner", "комиссар лиги", "مفوض الدوري", "مفوضة الدوري").by(2),
    ],
};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    beats: &[FOOTBALL, TENNIS, ATHLETICS, BASKETBALL],
    context: &[
        tri("The season has been marked by a string of upsets.", "Сезон запомнился целой серией сенсаций.", "وشهد الموسم سلسلة من المفاجآت."),
        tri("Television rights are worth more than ever to the sport's governing bodies.", "Права на трансляции стоят для спортивных организаций дороже, чем когда-либо.", "وباتت حقوق البث أثمن من أي وقت مضى بالنسبة إلى الهيئات الرياضية."),
        tri("Sport in {place} has enjoyed a boom in participation since the last Olympics.", "После последней Олимпиады спортом {place_loc} стали заниматься гораздо больше людей.", "وشهدت الرياضة في {place} طفرة في أعداد الممارسين منذ الألعاب الأولمبية الأخيرة."),
        tri("Clubs and federations are under pressure to cut their carbon footprint.", "На клубы и федерации давят, требуя сократить углеродный след.", "وتتعرض الأندية والاتحادات لضغوط لخفض بصمتها الكربونية."),
        tri("Concussion and heat have become growing concerns for athletes.", "Сотрясения мозга и жара становятся для спортсменов всё более серьёзной проблемой.", "وأصبحت الارتجاجات والحر مصدر قلق متزايد للرياضيين."),
        tri("Women's competitions have drawn record crowds this year.", "Женские соревнования в этом году собрали рекордное число зрителей.", "واستقطبت المنافسات النسائية حشودًا قياسية هذا العام."),
        tri("Betting companies are among the sport's biggest sponsors, to the dismay of campaigners.", "Букмекерские компании входят в число крупнейших спонсоров, к огорчению активистов.", "وتُعد شركات المراهنات من أكبر رعاة الرياضة، ما يثير استياء الناشطين."),
        tri("Ticket prices have risen by {pct2}% on average over three seasons.", "За три сезона цены на билеты выросли в среднем на {pct2}%.", "وارتفعت أسعار التذاكر بنسبة {pct2}% في المتوسط خلال ثلاثة مواسم."),
        tri("Academies now scout children from the age of eight.", "Спортивные академии теперь присматриваются к детям с восьми лет.", "وباتت الأكاديميات الرياضية تكتشف المواهب منذ سن الثامنة."),
        tri("Data analysts have become as important as scouts for many teams.", "Во многих командах аналитики данных стали не менее важны, чем скауты.", "وأصبح محللو البيانات لا يقلون أهمية عن كشافي المواهب في فرق كثيرة."),
        tri("Grassroots clubs in {place} say they are short of volunteers and pitches.", "Любительские клубы {place_gen} жалуются на нехватку волонтёров и площадок.", "وتقول أندية الهواة في {place} إنها تعاني نقصًا في المتطوعين والملاعب."),
        tri("The calendar has grown so crowded that athletes have little time to recover.", "Календарь стал настолько плотным, что у спортсменов почти не остаётся времени на восстановление.", "وأصبح الجدول مزدحمًا إلى حد لا يترك للرياضيين وقتًا كافيًا للتعافي."),
        tri("Streaming services have begun bidding for rights once held by television.", "Стриминговые сервисы начали бороться за права, которые раньше принадлежали телевидению.", "وبدأت منصات البث تتنافس على حقوق كانت حكرًا على التلفزيون."),
        tri("Fans now travel further than ever to follow their teams abroad.", "Болельщики теперь ездят за своими командами за границу дальше, чем когда-либо.", "ويسافر المشجعون الآن أبعد من أي وقت مضى لمتابعة فرقهم في الخارج."),
        tri("Sports science has changed how athletes train, eat and sleep.", "Спортивная наука изменила то, как спортсмены тренируются, питаются и спят.", "وغيّر علم الرياضة طريقة تدريب الرياضيين وتغذيتهم ونومهم."),
        tri("Public spending on sports facilities has been cut in many regions.", "Во многих регионах сократили государственные расходы на спортивные объекты.", "وخُفض الإنفاق العام على المنشآت الرياضية في مناطق كثيرة."),
    ],
    analysis: &[
        tri("The episode will be talked about for a long time.", "Об этой истории будут говорить ещё долго.", "وسيظل الحديث عن هذه القصة قائمًا لفترة طويلة."),
        tri("For supporters, it is a reminder of why they keep coming back.", "Для болельщиков это напоминание о том, почему они снова и снова возвращаются на трибуны.", "وبالنسبة إلى المشجعين، إنها تذكير بسبب عودتهم مرة تلو الأخرى."),
        tri("It also raises questions about how the sport is run.", "Это также ставит вопросы о том, как управляется этот вид спорта.", "ويطرح ذلك أيضًا تساؤلات حول طريقة إدارة هذه الرياضة."),
        tri("The pressure will only grow as the season reaches its climax.", "Давление будет только расти по мере приближения развязки сезона.", "وستزداد الضغوط مع اقتراب الموسم من ذروته."),
        tri("Rivals will have taken note.", "Соперники наверняка это учли.", "ولا شك أن المنافسين أخذوا ذلك في الحسبان."),
        tri("The decision will shape the rest of the season.", "Это решение определит ход оставшейся части сезона.", "وسيحدد هذا القرار مسار ما تبقى من الموسم."),
        tri("Few would have predicted this at the start of the year.", "В начале года мало кто мог бы такое предсказать.", "قلة كانوا سيتوقعون ذلك في بداية العام."),
        tri("The business side of the sport is watching as closely as the fans.", "За происходящим следят не только болельщики, но и бизнес.", "ويتابع الجانب التجاري للرياضة ما يجري عن كثب مثل المشجعين تمامًا."),
    ],
    reactions: &[
        tri("Supporters' groups were divided in their response.", "Объединения болельщиков отреагировали неоднозначно.", "وتباينت ردود فعل روابط المشجعين."),
        tri("Former players took to social media to give their views.", "Бывшие игроки поспешили высказаться в соцсетях.", "وسارع لاعبون سابقون إلى إبداء آرائهم على مواقع التواصل الاجتماعي."),
        tri("Sponsors said they were watching the situation closely.", "Спонсоры заявили, что внимательно следят за ситуацией.", "وقال الرعاة إنهم يتابعون الوضع عن كثب."),
        tri("The news dominated the sports pages and phone-in shows.", "Эта новость стала главной темой спортивных страниц и радиоэфиров.", "وتصدّر النبأ الصفحات الرياضية والبرامج الإذاعية التفاعلية."),
        tri("Rivals were quick to react, some generously and some less so.", "Соперники отреагировали быстро — одни великодушно, другие не очень.", "وسارع المنافسون إلى الرد، بعضهم بسخاء وبعضهم الآخر بدرجة أقل."),
        tri("Pundits spent the evening debating what it means.", "Эксперты весь вечер спорили о том, что это значит.", "وأمضى المحللون المساء في الجدل حول دلالات ذلك."),
        tri("Messages from fans flooded social media within minutes.", "Соцсети за считаные минуты заполнились сообщениями болельщиков.", "وغمرت رسائل المشجعين مواقع التواصل الاجتماعي في غضون دقائق."),
        tri("Coaches from other teams were careful in their comments.", "Тренеры других команд были осторожны в комментариях.", "وتوخى مدربو الفرق الأخرى الحذر في تعليقاتهم."),
    ],
    outlook: &[
        tri("Attention now turns to the weeks ahead.", "Теперь всё внимание — к ближайшим неделям.", "وتتجه الأنظار الآن إلى الأسابيع المقبلة."),
        tri("A decision on any appeal is expected within a month.", "Решение по возможной апелляции ожидается в течение месяца.", "ومن المتوقع صدور قرار بشأن أي استئناف في غضون شهر."),
        tri("The governing body will review the matter at its next meeting.", "Руководящий орган рассмотрит вопрос на следующем заседании.", "وستنظر الهيئة المنظمة في المسألة خلال اجتماعها المقبل."),
        tri("The schedule for the rest of the season is due to be confirmed next week.", "Расписание на оставшуюся часть сезона должны утвердить на следующей неделе.", "ومن المقرر تأكيد جدول ما تبقى من الموسم الأسبوع المقبل."),
        tri("Fans will not have long to wait for the next chapter.", "Болельщикам не придётся долго ждать продолжения.", "ولن ينتظر المشجعون طويلًا الفصل التالي."),
        tri("The next big test comes within a fortnight.", "Следующее серьёзное испытание — уже через две недели.", "ويأتي الاختبار الكبير التالي في غضون أسبوعين."),
        tri("Officials will publish a full report before the end of the season.", "Официальные лица опубликуют полный отчёт до конца сезона.", "وسينشر المسؤولون تقريرًا كاملًا قبل نهاية الموسم."),
    ],
    quotes: &[
        tri("Moments like this are why people love sport", "Именно за такие моменты люди и любят спорт", "لحظات كهذه هي سبب حب الناس للرياضة"),
        tri("Talent is not enough at this level; you need consistency", "На этом уровне одного таланта мало, нужна стабильность", "الموهبة وحدها لا تكفي في هذا المستوى، بل تحتاج إلى الثبات"),
        tri("The sport has to protect its credibility above everything", "Этот спорт прежде всего должен беречь свою репутацию", "على هذه الرياضة أن تحمي مصداقيتها قبل كل شيء"),
        tri("Nobody should be surprised; the signs were there all season", "Никто не должен удивляться: признаки были заметны весь сезон", "لا ينبغي أن يتفاجأ أحد، فالمؤشرات كانت واضحة طوال الموسم"),
    ],
    roles: &[
        role("a former international", "бывший игрок сборной", "اللاعب الدولي السابق", "اللاعبة الدولية السابقة"),
        role("a sports commentator", "спортивный комментатор", "المعلق الرياضي", "المعلقة الرياضية"),
        role("a sports economist", "спортивный экономист", "الخبير الاقتصادي الرياضي", "الخبيرة الاقتصادية الرياضية"),
    ],
    figures: &[
        figure(Thousands, 20, 90, "the average crowd at top-flight games this season", "такова средняя посещаемость матчей высшего дивизиона в этом сезоне", "متوسط الحضور في مباريات الدرجة الأولى هذا الموسم"),
        figure(Money, 100, 900, "the value of the latest television rights deal", "столько стоит последний контракт на телетрансляции", "قيمة أحدث صفقة لحقوق البث التلفزيوني"),
        figure(Plain, 10, 60, "the number of national records broken this year", "столько национальных рекордов побито в этом году", "عدد الأرقام القياسية الوطنية التي حُطمت هذا العام"),
        figure(Pct, 150, 450, "the share of players in the top league from abroad", "такова доля иностранных игроков в высшей лиге", "نسبة اللاعبين الأجانب في دوري الدرجة الأولى"),
        figure(Plain, 2, 12, "the number of weeks left in the season", "столько недель осталось до конца сезона", "عدد الأسابيع المتبقية في الموسم"),
    ],
};
