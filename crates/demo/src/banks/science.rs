//! Science: space, medicine, climate and ocean research, archaeology.

use super::common::*;
use super::newsroom::tag;
use super::photo_text as shot;
use super::{Beat, NewsBank, Unit::*, action, actor, figure, fits, role, said};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
const SPACE: Beat = Beat {
    tag: tag::SPACE,
    shots: &[shot::OBSERVATORY],
    places: &ANYWHERE,
    actors: &[
        actor("Space agency", "the national space agency", "Национальное космическое агентство", N, "وكالة الفضاء الوطنية", true).kind(1),
        actor("Team of astronomers", "a team of astronomers", "Группа астрономов", F, "فريق من علماء الفلك", false).kind(2),
        actor("National observatory", "the national observatory", "Национальная обсерватория", F, "المرصد الوطني", false).kind(2),
        actor("Satellite operator Orbitel", "the satellite operator Orbitel", "Спутниковый оператор Orbitel", M, "شركة أوربيتل لتشغيل الأقمار الصناعية", true).kind(4),
    ],
    actions: &[
        action("launches weather satellite", "launched a new weather satellite", "вывел на орбиту новый метеоспутник", "يطلق", "أطلق", "قمرًا صناعيًا جديدًا لرصد الطقس").only(1 | 4),
        action("spots planet that could hold water", "spotted a planet that could hold liquid water", "обнаружил планету, на которой может быть жидкая вода", "يرصد", "رصد", "كوكبًا قد يحتوي على مياه سائلة").only(2),
        action("delays moon mission by a year", "delayed its moon mission by a year", "отложил лунную миссию на год", "يؤجل", "أجل", "مهمة الهبوط على القمر عامًا كاملًا").only(1),
        action("maps {num},000 galaxies", "mapped {num},000 galaxies in the most detailed survey yet", "составил карту {num} тыс. галактик — самую подробную на сегодня", "يرسم", "رسم", "خريطة لـ{num} ألف مجرة هي الأكثر تفصيلًا حتى الآن").only(2),
        action("loses contact with Mars probe", "lost contact with a probe on its way to Mars", "потерял связь с зондом, летевшим к Марсу", "يفقد", "فقد", "الاتصال بمسبار كان في طريقه إلى المريخ").only(1),
        action("records closest asteroid fly-by in decades", "recorded the closest asteroid fly-by in decades", "зафиксировал самое близкое за десятилетия прохождение астероида", "يرصد", "رصد", "أقرب مرور لكويكب منذ عقود").only(2),
        action("unveils {money} plan for lunar lander", "unveiled a {money} plan to build a lunar lander", "представил план создания лунного посадочного модуля стоимостью {money}", "يكشف", "كشف", "عن خطة بقيمة {money} لبناء مركبة هبوط على القمر").only(1),
        action("restores service after satellite fault", "restored internet service after a satellite fault", "восстановил интернет-связь после сбоя на спутнике", "يعيد", "أعاد", "خدمة الإنترنت بعد عطل في أحد الأقمار الصناعية").only(4),
    ],
    leads: &[
        tri("The mission is the most ambitious the agency has attempted.", "Это самая амбициозная миссия в истории агентства.", "تُعد هذه المهمة الأكثر طموحًا في تاريخ الوكالة."),
        tri("Astronomers say the finding could change how we search for life elsewhere.", "Астрономы говорят, что открытие может изменить подход к поиску жизни за пределами Земли.", "يقول علماء الفلك إن هذا الاكتشاف قد يغيّر طريقة البحث عن الحياة خارج الأرض."),
        tri("Engineers are working around the clock to find out what went wrong.", "Инженеры круглосуточно пытаются выяснить, что пошло не так.", "يعمل المهندسون على مدار الساعة لمعرفة ما الذي حدث."),
    ],
    lead_fits: &[fits(&[0, 2, 6]), fits(&[1, 3, 5]), fits(&[2, 4, 7])],
    details: &[
        tri("The observations were made over several months of clear nights.", "Наблюдения велись несколько месяцев в ясные ночи.", "وأُجريت عمليات الرصد على مدى أشهر عدة من الليالي الصافية."),
        tri("The data will be made public for other researchers next year.", "В следующем году данные откроют для других исследователей.", "وستُتاح البيانات للباحثين الآخرين العام المقبل."),
        tri("The programme has a budget of about {money} over ten years.", "Бюджет программы на десять лет составляет около {money}.", "وتبلغ ميزانية البرنامج نحو {money} على مدى عشر سنوات."),
        tri("Scientists in {place} followed the results on a live feed late into the night.", "Учёные {place_loc} до поздней ночи следили за результатами в прямом эфире.", "وتابع علماء في {place} النتائج عبر بث مباشر حتى وقت متأخر من الليل."),
        tri("Light pollution has made such observations harder near big cities.", "Из-за засветки вблизи крупных городов такие наблюдения становятся всё сложнее.", "وقد جعل التلوث الضوئي عمليات الرصد هذه أصعب قرب المدن الكبرى."),
        tri("Several countries are now competing to put people back on the Moon.", "Сейчас сразу несколько стран соревнуются за возвращение людей на Луну.", "وتتنافس دول عدة حاليًا على إعادة البشر إلى القمر."),
        tri("Amateur astronomers have become an important source of observations.", "Любители астрономии стали важным источником наблюдений.", "وأصبح هواة الفلك مصدرًا مهمًا لعمليات الرصد."),
        tri("Launch costs have fallen sharply in the past decade.", "За последнее десятилетие стоимость запусков резко снизилась.", "وانخفضت تكاليف الإطلاق بشكل حاد خلال العقد الماضي."),
        tri("Space debris is a growing risk for satellites in low orbit.", "Космический мусор представляет всё большую угрозу для спутников на низкой орбите.", "ويشكل الحطام الفضائي خطرًا متزايدًا على الأقمار الصناعية في المدار المنخفض."),
        tri("Schoolchildren in {place} were invited to suggest a name for part of the project.", "Школьникам {place_gen} предложили придумать название для части проекта.", "ودُعي تلاميذ المدارس في {place} إلى اقتراح اسم لجزء من المشروع."),
    ],
    quotes: &[
        said("Space rewards patience and punishes shortcuts", "Космос вознаграждает терпение и наказывает за спешку", "الفضاء يكافئ الصبر ويعاقب على الاستعجال"),
        said("This is exactly why we built the instrument", "Именно ради этого мы и создавали этот прибор", "لهذا تحديدًا بنينا هذا الجهاز").by(2),
        said("We will learn from this, and we will fly again", "Мы извлечём из этого уроки и снова полетим", "سنتعلم من هذا، وسنعود إلى الفضاء مجددًا").by(1 | 4),
    ],
    roles: &[
        role("the mission's lead scientist", "ведущий научный сотрудник миссии", "كبير علماء المهمة", "كبيرة علماء المهمة").by(1),
        role("a spokesperson for the agency", "представитель агентства", "المتحدث باسم الوكالة", "المتحدثة باسم الوكالة").by(1),
        role("an astronomer on the team", "астроном, участвующий в проекте", "عالم الفلك المشارك في المشروع", "عالمة الفلك المشاركة في المشروع").by(2),
        role("a company engineer", "инженер компании", "المهندس في الشركة", "المهندسة في الشركة").by(4),
    ],
};

#[rustfmt::skip]
const MEDICINE: Beat = Beat {
    tag: tag::MEDICINE,
    shots: &[shot::HOSPITAL_LAB, shot::LAB],
    places: &ANYWHERE,
    actors: &[
        actor("Research team", "a team of medical researchers", "Группа медиков-исследователей", F, "فريق من الباحثين الطبيين", false).kind(1),
        actor("Drug regulator", "the drug regulator", "Регулятор лекарственных средств", M, "هيئة الرقابة على الأدوية", true).kind(2),
        actor("Health ministry", "the health ministry", "Министерство здравоохранения", N, "وزارة الصحة", true).kind(4),
        actor("University hospital", "the university hospital", "Университетская клиника", F, "المستشفى الجامعي", false).kind(8),
    ],
    actions: &[
        action("reports success in early cancer trial", "reported encouraging results from an early trial of a cancer treatment", "сообщил об обнадёживающих результатах ранних испытаний препарата против рака", "يعلن", "أعلن", "نتائج مشجعة لتجربة مبكرة على علاج للسرطان").only(1 | 8),
        action("approves new malaria vaccine for children", "approved a new malaria vaccine for use in children", "одобрил новую вакцину от малярии для детей", "يجيز", "أجاز", "لقاحًا جديدًا ضد الملاريا للأطفال").only(2),
        action("warns of rise in drug-resistant infections", "warned of a sharp rise in infections resistant to antibiotics", "предупредил о резком росте числа инфекций, устойчивых к антибиотикам", "يحذر", "حذر", "من ارتفاع حاد في الالتهابات المقاومة للمضادات الحيوية").only(1 | 2 | 4).tag(tag::HEALTH),
        action("launches national cancer screening", "launched a national screening programme for bowel cancer", "запустил общенациональную программу скрининга рака кишечника", "يطلق", "أطلق", "برنامجًا وطنيًا للكشف المبكر عن سرطان القولون").only(4).tag(tag::HEALTH),
        action("recalls batch of blood-pressure pills", "ordered the recall of a batch of blood-pressure pills", "распорядился отозвать партию таблеток от давления", "يأمر", "أمر", "بسحب دفعة من أقراص علاج ضغط الدم").only(2),
        action("performs first robot-assisted kidney transplant", "carried out the country's first robot-assisted kidney transplant", "осуществил первую в стране пересадку почки с помощью робота", "يجري", "أجرى", "أول عملية زرع كلية بمساعدة روبوت في البلاد").only(8),
        action("finds link between poor sleep and memory loss", "found a link between poor sleep and memory loss in older people", "обнаружил связь между плохим сном и ухудшением памяти у пожилых людей", "يكتشف", "اكتشف", "صلة بين قلة النوم وضعف الذاكرة لدى كبار السن").only(1 | 8).tag(tag::HEALTH),
        action("cuts waits for routine surgery by {pct}%", "cut waiting times for routine surgery by {pct}%", "сократил сроки ожидания плановых операций на {pct}%", "يقلص", "قلص", "فترات الانتظار للعمليات الجراحية غير الطارئة بنسبة {pct}%").only(4 | 8).tag(tag::HEALTH),
    ],
    leads: &[
        tri("Doctors caution that larger trials are needed before the treatment can be widely used.", "Врачи предупреждают, что до широкого применения нужны более масштабные испытания.", "يحذر الأطباء من أن الأمر يتطلب تجارب أوسع قبل استخدام العلاج على نطاق واسع."),
        tri("Health officials hope the move will save thousands of lives a year.", "Чиновники от здравоохранения надеются, что это будет спасать тысячи жизней в год.", "يأمل مسؤولو الصحة أن تنقذ هذه الخطوة آلاف الأرواح سنويًا."),
        tri("Patients have been told not to stop taking their medicine without advice.", "Пациентов призвали не прекращать приём лекарств без консультации с врачом.", "دُعي المرضى إلى عدم التوقف عن تناول أدويتهم دون استشارة الطبيب."),
        tri("Experts have warned about the problem for more than a decade.", "Специалисты предупреждают об этой проблеме уже больше десяти лет.", "يحذر الخبراء من هذه المشكلة منذ أكثر من عقد."),
    ],
    lead_fits: &[fits(&[0, 5, 6]), fits(&[1, 3, 7]), fits(&[4]), fits(&[2, 6])],
    details: &[
        tri("The study followed more than {num},000 patients over five years.", "В исследовании участвовали более {num} тыс. пациентов, за которыми наблюдали пять лет.", "وتابعت الدراسة أكثر من {num} ألف مريض على مدى خمس سنوات."),
        tri("The results were published in a peer-reviewed medical journal.", "Результаты опубликованы в рецензируемом медицинском журнале.", "ونُشرت النتائج في مجلة طبية محكّمة."),
        tri("Hospitals in {place} have reported long queues in emergency departments this winter.", "Больницы {place_loc} этой зимой сообщают о длинных очередях в приёмных отделениях.", "وأبلغت مستشفيات في {place} عن طوابير طويلة في أقسام الطوارئ هذا الشتاء."),
        tri("The treatment costs about a tenth as much as existing options.", "Лечение обходится примерно в десять раз дешевле существующих вариантов.", "وتبلغ كلفة العلاج نحو عُشر كلفة الخيارات المتاحة حاليًا."),
        tri("Nurses' unions say staff shortages remain the biggest problem.", "Профсоюзы медсестёр говорят, что главной проблемой остаётся нехватка персонала.", "وتقول نقابات الممرضين إن نقص الموظفين لا يزال المشكلة الأكبر."),
        tri("Similar programmes abroad have cut deaths by about a quarter.", "Аналогичные программы за рубежом позволили сократить смертность примерно на четверть.", "وأسهمت برامج مماثلة في الخارج في خفض الوفيات بنحو الربع."),
        tri("Waiting lists for specialist treatment remain long.", "Очереди на специализированное лечение остаются длинными.", "ولا تزال قوائم الانتظار للعلاج التخصصي طويلة."),
        tri("Patient groups were consulted at every stage.", "С организациями пациентов консультировались на каждом этапе.", "واستُشيرت جمعيات المرضى في كل مرحلة."),
        tri("Doctors in {place} say they see the consequences every day.", "Врачи {place_loc} говорят, что сталкиваются с последствиями каждый день.", "ويقول أطباء في {place} إنهم يرون العواقب كل يوم."),
        tri("The cost of new medicines has become a growing strain on health budgets.", "Стоимость новых лекарств ложится всё более тяжёлым бременем на бюджеты здравоохранения.", "وأصبحت كلفة الأدوية الجديدة عبئًا متزايدًا على ميزانيات الصحة."),
    ],
    quotes: &[
        said("This is a promising start, but it is only a start", "Это многообещающее начало, но лишь начало", "إنها بداية واعدة، لكنها مجرد بداية").by(1 | 8),
        said("Patient safety is the only thing that matters here", "Здесь важна только безопасность пациентов", "سلامة المرضى هي الأمر الوحيد المهم هنا").by(2 | 4 | 8),
        said("Early diagnosis saves lives, it is as simple as that", "Ранняя диагностика спасает жизни, всё очень просто", "التشخيص المبكر ينقذ الأرواح، الأمر بهذه البساطة").by(4 | 8),
    ],
    roles: &[
        role("the lead author of the study", "ведущий автор исследования", "المؤلف الرئيسي للدراسة", "المؤلفة الرئيسية للدراسة").by(1 | 8),
        role("a senior doctor at the hospital", "ведущий врач клиники", "كبير الأطباء في المستشفى", "كبيرة الأطباء في المستشفى").by(8),
        role("a health ministry spokesperson", "представитель министерства здравоохранения", "المتحدث باسم وزارة الصحة", "المتحدثة باسم وزارة الصحة").by(4),
        role("a spokesperson for the regulator", "представитель регулятора", "المتحدث باسم هيئة الرقابة", "المتحدثة باسم هيئة الرقابة").by(2),
    ],
};

#[rustfmt::skip]
const EARTH: Beat = Beat {
    tag: tag::CLIMATE,
    shots: &[shot::COAST, shot::LAB, shot::WATERFRONT],
    places: &[LONDON, TOKYO, SINGAPORE, ISTANBUL, LAGOS, NEW_YORK, DUBAI, BEIRUT, GENEVA, PARIS],
    actors: &[
        actor("Ocean research institute", "the ocean research institute", "Институт океанологии", M, "معهد أبحاث المحيطات", false).kind(1),
        actor("Polar expedition", "the polar expedition", "Полярная экспедиция", F, "البعثة القطبية", true).kind(2),
        actor("Team of climate scientists", "a team of climate scientists", "Группа климатологов", F, "فريق من علماء المناخ", false).kind(1),
        actor("Weather service", "the national weather service", "Национальная метеослужба", F, "هيئة الأرصاد الجوية الوطنية", true).kind(4),
    ],
    actions: &[
        action("finds major Atlantic current weakening", "found that a major Atlantic current is weakening", "установил, что одно из крупнейших течений Атлантики ослабевает", "يتوصل", "توصل", "إلى أن أحد أكبر تيارات المحيط الأطلسي يضعف").only(1).tag(tag::OCEANS),
        action("confirms last year was hottest on record", "confirmed that last year was the hottest on record", "подтвердил, что прошлый год стал самым жарким за всю историю наблюдений", "يؤكد", "أكد", "أن العام الماضي كان الأشد حرارة منذ بدء التسجيل").only(1 | 4),
        action("discovers large coral reef in deep water", "discovered a large coral reef in deep water", "обнаружил крупный коралловый риф на большой глубине", "يكتشف", "اكتشف", "شعابًا مرجانية كبيرة في المياه العميقة").only(1).tag(tag::OCEANS),
        action("warns glaciers are melting faster", "warned that glaciers are melting faster than expected", "предупредил, что ледники тают быстрее, чем ожидалось", "يحذر", "حذر", "من أن الأنهار الجليدية تذوب بوتيرة أسرع من المتوقع").only(1 | 2),
        action("measures record sea temperatures", "measured record sea surface temperatures", "зафиксировал рекордную температуру поверхности моря", "يسجل", "سجل", "درجات حرارة قياسية لسطح البحر").only(1 | 4).tag(tag::OCEANS),
        action("returns with 800,000 years of climate history", "returned with ice cores that hold 800,000 years of climate history", "вернулся с ледяными кернами, хранящими климатическую историю за 800 тыс. лет", "يعود", "عاد", "بعينات جليدية تحفظ تاريخ المناخ على مدى 800 ألف عام").only(2),
        action("issues earliest ever heat warning", "issued its earliest warning yet about summer heat", "выпустил рекордно раннее предупреждение о летней жаре", "يصدر", "أصدر", "أبكر تحذير على الإطلاق من موجة حر صيفية").only(4),
    ],
    leads: &[
        tri("The findings add to evidence that the climate is changing faster than models predicted.", "Эти данные подтверждают, что климат меняется быстрее, чем предсказывали модели.", "تضاف هذه النتائج إلى الأدلة على أن المناخ يتغير بوتيرة أسرع مما توقعته النماذج."),
        tri("Scientists hope the site can be protected before it is damaged.", "Учёные надеются, что место удастся взять под охрану, пока ему не нанесён ущерб.", "يأمل العلماء في حماية الموقع قبل أن يلحق به الضرر."),
        tri("The samples will keep researchers busy for years.", "Образцов хватит исследователям на годы работы.", "ستشغل هذه العينات الباحثين لسنوات."),
        tri("Health officials urged older people to prepare.", "Медики призвали пожилых людей заранее подготовиться.", "دعا مسؤولو الصحة كبار السن إلى الاستعداد."),
    ],
    lead_fits: &[fits(&[0, 1, 3, 4]), fits(&[2]), fits(&[5]), fits(&[6, 1])],
    details: &[
        tri("The measurements were taken by a fleet of floating sensors over ten years.", "Измерения в течение десяти лет вела сеть дрейфующих датчиков.", "وأُجريت القياسات على مدى عشر سنوات بواسطة أسطول من أجهزة الاستشعار العائمة."),
        tri("Researchers in {place} spent months checking the results.", "Исследователи {place_loc} несколько месяцев перепроверяли результаты.", "وأمضى باحثون في {place} أشهرًا في التحقق من النتائج."),
        tri("Sea levels have risen by about twenty centimetres since 1900.", "С 1900 года уровень моря поднялся примерно на двадцать сантиметров.", "وارتفع مستوى سطح البحر بنحو عشرين سنتيمترًا منذ عام 1900."),
        tri("The oceans absorb most of the extra heat trapped by greenhouse gases.", "Океаны поглощают большую часть избыточного тепла, удерживаемого парниковыми газами.", "وتمتص المحيطات معظم الحرارة الزائدة التي تحبسها غازات الدفيئة."),
        tri("Funding for the project came from several universities and a private foundation.", "Проект финансировали несколько университетов и частный фонд.", "ومُوّل المشروع من عدة جامعات ومؤسسة خاصة."),
        tri("The team published its raw data alongside the paper so that others can check it.", "Вместе со статьёй авторы опубликовали исходные данные, чтобы их могли проверить другие.", "ونشر الفريق بياناته الأولية مع الورقة البحثية ليتمكن آخرون من التحقق منها."),
        tri("Satellite records now cover more than four decades.", "Спутниковые наблюдения ведутся уже более сорока лет.", "وتغطي سجلات الأقمار الصناعية الآن أكثر من أربعة عقود."),
        tri("Fishing communities have reported changes in the sea for years.", "Рыбаки уже много лет замечают перемены в море.", "ويتحدث الصيادون منذ سنوات عن تغيرات في البحر."),
        tri("Computer models of the climate have become far more detailed in recent years.", "Климатические модели в последние годы стали гораздо подробнее.", "وأصبحت نماذج المناخ الحاسوبية أكثر تفصيلًا بكثير في السنوات الأخيرة."),
        tri("Residents of {place} have noticed hotter summers and stronger storms.", "Жители {place_gen} замечают, что лето стало жарче, а штормы — сильнее.", "ولاحظ سكان {place} أن الصيف بات أشد حرارة والعواصف أقوى."),
    ],
    quotes: &[
        said("The ocean is sending us a message, and it is not a subtle one", "Океан посылает нам сигнал, и весьма недвусмысленный", "المحيط يبعث إلينا برسالة، وهي رسالة لا لبس فيها").by(1 | 2),
        said("We went looking for one thing and found something far more important", "Мы искали одно, а нашли нечто гораздо более важное", "ذهبنا بحثًا عن شيء فوجدنا ما هو أهم منه بكثير").by(1 | 2),
        said("The data do not leave much room for doubt", "Данные почти не оставляют места для сомнений", "البيانات لا تترك مجالًا كبيرًا للشك"),
    ],
    roles: &[
        role("the lead researcher", "руководитель исследования", "الباحث الرئيسي", "الباحثة الرئيسية").by(1 | 2),
        role("an oceanographer on the team", "океанолог, участвующий в работе", "عالم المحيطات المشارك في الدراسة", "عالمة المحيطات المشاركة في الدراسة").by(1 | 2),
        role("a forecaster at the weather service", "синоптик метеослужбы", "خبير الأرصاد في الهيئة", "خبيرة الأرصاد في الهيئة").by(4),
    ],
};

#[rustfmt::skip]
const ARCHAEOLOGY: Beat = Beat {
    tag: tag::ARCHAEOLOGY,
    shots: &[shot::DIG, shot::MUSEUM_HALL],
    places: &[ROME, CAIRO, ISTANBUL, AMMAN, BEIRUT, MADRID, TBILISI, NEW_DELHI, PARIS],
    actors: &[
        actor("Team of archaeologists", "a team of archaeologists", "Группа археологов", F, "فريق من علماء الآثار", false).kind(1),
        actor("Antiquities authority", "the antiquities authority", "Управление по охране древностей", N, "هيئة الآثار", true).kind(2),
        actor("National museum", "the national museum", "Национальный музей", M, "المتحف الوطني", false).kind(4),
    ],
    actions: &[
        action("unearths Roman villa with mosaics", "unearthed a Roman villa with well-preserved mosaics", "раскопал римскую виллу с хорошо сохранившимися мозаиками", "يكتشف", "اكتشف", "فيلا رومانية تضم فسيفساء في حالة جيدة").only(1),
        action("finds 3,000-year-old tomb untouched by looters", "found a 3,000-year-old tomb untouched by looters", "обнаружил гробницу возрастом 3000 лет, не тронутую грабителями", "يعثر", "عثر", "على مقبرة عمرها 3000 عام لم تمسها أيدي اللصوص").only(1 | 2),
        action("recovers dozens of stolen artefacts", "recovered dozens of stolen artefacts", "вернул десятки похищенных артефактов", "يستعيد", "استعاد", "عشرات القطع الأثرية المسروقة").only(2 | 4),
        action("reopens after {money} renovation", "reopened after a renovation costing {money}", "открылся после реконструкции стоимостью {money}", "يعيد", "أعاد", "فتح أبوابه بعد أعمال تجديد بلغت كلفتها {money}").only(4).tag(tag::MUSEUMS),
        action("deciphers inscription on ancient tablet", "deciphered an inscription on an ancient clay tablet", "расшифровал надпись на древней глиняной табличке", "يفك", "فك", "رموز نقش على لوح طيني قديم").only(1),
        action("halts building work after discovery", "halted building work after a discovery on a construction site", "приостановил строительные работы после находки на стройплощадке", "يوقف", "أوقف", "أعمال البناء إثر اكتشاف في أحد مواقع التشييد").only(2),
        action("puts newly found treasures on display", "put newly discovered treasures on display", "выставил недавно найденные сокровища", "يعرض", "عرض", "كنوزًا اكتُشفت حديثًا").only(4).tag(tag::MUSEUMS),
    ],
    leads: &[
        tri("Archaeologists called it the most important find in the region for decades.", "Археологи назвали это самой важной находкой в регионе за десятилетия.", "وصف علماء آثار ذلك بأنه أهم اكتشاف في المنطقة منذ عقود."),
        tri("The objects had been missing for more than twenty years.", "Предметы числились пропавшими больше двадцати лет.", "كانت هذه القطع مفقودة منذ أكثر من عشرين عامًا."),
        tri("Visitors queued from early morning to get in.", "Посетители выстраивались в очередь с раннего утра.", "اصطف الزوار منذ الصباح الباكر للدخول."),
        tri("Developers and historians have often clashed over such sites.", "Застройщики и историки не раз конфликтовали из-за подобных мест.", "كثيرًا ما اصطدم المطورون العقاريون والمؤرخون بشأن مواقع كهذه."),
    ],
    lead_fits: &[fits(&[0, 1, 4]), fits(&[2]), fits(&[3, 6]), fits(&[5])],
    details: &[
        tri("The dig began almost by chance, when workers laying pipes found pottery.", "Раскопки начались почти случайно: рабочие, прокладывавшие трубы, наткнулись на черепки.", "وبدأت أعمال التنقيب بمحض الصدفة تقريبًا، حين عثر عمال يمدون أنابيب على قطع فخارية."),
        tri("Specialists from three universities are working on the site.", "На месте работают специалисты из трёх университетов.", "ويعمل في الموقع متخصصون من ثلاث جامعات."),
        tri("Many of the objects will go on display in {place} next year.", "Многие находки в следующем году покажут на выставке {place_loc}.", "وستُعرض كثير من القطع في {place} العام المقبل."),
        tri("Looting of ancient sites has increased sharply in the past decade.", "За последнее десятилетие разграбление древних памятников резко участилось.", "وازدادت عمليات نهب المواقع الأثرية بشكل حاد خلال العقد الماضي."),
        tri("Radiocarbon tests are expected to give a more precise date.", "Радиоуглеродный анализ, как ожидается, позволит уточнить датировку.", "ومن المتوقع أن تتيح اختبارات الكربون المشع تحديد التاريخ بدقة أكبر."),
        tri("The site was first mapped by surveyors in the nineteenth century.", "Впервые это место нанесли на карту ещё в XIX веке.", "ورُسمت خريطة الموقع لأول مرة في القرن التاسع عشر."),
        tri("Local volunteers have helped sift the soil for small finds.", "Местные волонтёры помогали просеивать грунт в поисках мелких находок.", "وساعد متطوعون محليون في غربلة التربة بحثًا عن القطع الصغيرة."),
        tri("Drones and ground radar now let teams map sites before digging.", "Дроны и георадары теперь позволяют составить карту места ещё до начала раскопок.", "وباتت الطائرات المسيّرة وأجهزة الرادار الأرضي تتيح للفرق رسم خرائط المواقع قبل الحفر."),
        tri("Tourism officials in {place} hope the news will bring more visitors.", "Туристические власти {place_gen} надеются, что эта новость привлечёт больше гостей.", "ويأمل مسؤولو السياحة في {place} أن يجذب النبأ مزيدًا من الزوار."),
        tri("Conservators say some objects will need years of careful work.", "Реставраторы говорят, что на некоторые предметы уйдут годы кропотливой работы.", "ويقول المرممون إن بعض القطع ستحتاج إلى سنوات من العمل الدقيق."),
    ],
    quotes: &[
        said("Every layer we uncover tells us something new about how people lived", "Каждый вскрытый слой рассказывает нам что-то новое о жизни людей", "كل طبقة نكشف عنها تخبرنا بشيء جديد عن حياة الناس").by(1 | 2),
        said("These objects belong to the public, and now the public can see them", "Эти предметы принадлежат обществу, и теперь каждый может их увидеть", "هذه القطع ملك للجميع، والآن يمكن للجميع رؤيتها").by(2 | 4),
        said("We are working against time, the weather and looters", "Мы работаем наперегонки со временем, погодой и грабителями", "نحن في سباق مع الزمن والطقس واللصوص").by(1 | 2),
    ],
    roles: &[
        role("the head of the excavation", "руководитель раскопок", "رئيس فريق التنقيب", "رئيسة فريق التنقيب").by(1),
        role("a spokesperson for the antiquities authority", "представитель управления по охране древностей", "المتحدث باسم هيئة الآثار", "المتحدثة باسم هيئة الآثار").by(2),
        role("the museum's director", "директор музея", "مدير المتحف", "مديرة المتحف").by(4),
    ],
};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    beats: &[SPACE, MEDICINE, EARTH, ARCHAEOLOGY],
    context: &[
        tri("Public funding for research has been flat for five years once inflation is taken into account.", "С учётом инфляции государственное финансирование науки уже пять лет не растёт.", "وظل التمويل العام للبحث العلمي ثابتًا منذ خمس سنوات بعد احتساب التضخم."),
        tri("The country spends about two percent of its national income on research.", "Страна тратит на исследования около двух процентов национального дохода.", "وتنفق البلاد نحو اثنين في المئة من دخلها القومي على البحث العلمي."),
        tri("International collaborations now account for most of the country's published research.", "Большинство научных работ в стране теперь выходит в рамках международных коллабораций.", "وباتت الأبحاث المنشورة في البلاد تصدر في معظمها عن تعاون دولي."),
        tri("Young researchers say short contracts push many of them out of science.", "Молодые учёные говорят, что из-за краткосрочных контрактов многие из них уходят из науки.", "ويقول باحثون شباب إن العقود القصيرة تدفع كثيرين منهم إلى ترك العلم."),
        tri("The work was carried out with partners in {place} and several other cities.", "Работа велась совместно с партнёрами {place_loc} и ещё в нескольких городах.", "وأُنجز العمل بالتعاون مع شركاء في {place} ومدن أخرى عدة."),
        tri("Open-access publishing has made such results available to far more people.", "Благодаря открытому доступу к публикациям такие результаты теперь доступны гораздо большему числу людей.", "وأتاح النشر المفتوح هذه النتائج لعدد أكبر بكثير من الناس."),
        tri("Several earlier studies had hinted at the same result.", "На такой результат намекали и несколько более ранних исследований.", "وكانت دراسات سابقة عدة قد ألمحت إلى النتيجة نفسها."),
        tri("New equipment bought last year made the work possible.", "Работу удалось провести благодаря оборудованию, закупленному в прошлом году.", "وأتاحت معدات جديدة اشتُريت العام الماضي إنجاز هذا العمل."),
        tri("Laboratories across the country have struggled with the rising cost of equipment.", "Лаборатории по всей стране с трудом справляются с ростом цен на оборудование.", "وتعاني المختبرات في أنحاء البلاد من ارتفاع أسعار المعدات."),
        tri("The number of women in senior research posts has doubled in ten years.", "Число женщин на руководящих научных должностях за десять лет удвоилось.", "وتضاعف عدد النساء في المناصب البحثية العليا خلال عشر سنوات."),
        tri("Universities in {place} have expanded their research programmes in recent years.", "Университеты {place_gen} в последние годы расширили свои исследовательские программы.", "ووسعت الجامعات في {place} برامجها البحثية في السنوات الأخيرة."),
        tri("Public trust in scientists remains high, according to recent surveys.", "Согласно недавним опросам, доверие общества к учёным остаётся высоким.", "ولا تزال ثقة الجمهور بالعلماء مرتفعة، وفقًا لاستطلاعات حديثة."),
        tri("Research councils now ask scientists to explain their work to the public.", "Научные фонды теперь требуют от учёных рассказывать о своей работе широкой публике.", "وباتت مجالس البحث تطلب من العلماء شرح أعمالهم للجمهور."),
        tri("Competition for research grants has never been fiercer.", "Конкуренция за научные гранты ещё никогда не была такой острой.", "ولم تكن المنافسة على المنح البحثية يومًا أشد مما هي عليه الآن."),
        tri("A growing share of research is now funded by private companies and charities.", "Всё большая доля исследований финансируется частными компаниями и благотворительными фондами.", "وبات جزء متزايد من الأبحاث يُموَّل من الشركات الخاصة والجمعيات الخيرية."),
        tri("The country's scientists published more papers last year than ever before.", "В прошлом году учёные страны опубликовали больше статей, чем когда-либо прежде.", "ونشر علماء البلاد العام الماضي أوراقًا بحثية أكثر من أي وقت مضى."),
    ],
    analysis: &[
        tri("If confirmed, the result would be among the most significant in the field in years.", "Если результат подтвердится, он станет одним из самых значимых в этой области за последние годы.", "وإذا تأكدت النتيجة، فستكون من أهم النتائج في هذا المجال منذ سنوات."),
        tri("Independent scientists said the work was careful but would need to be repeated.", "Независимые учёные отметили, что работа выполнена тщательно, но её результаты нужно воспроизвести.", "وقال علماء مستقلون إن العمل أُنجز بعناية، لكنه يحتاج إلى تكرار."),
        tri("The findings also raise questions that nobody yet knows how to answer.", "Эти данные ставят и вопросы, на которые пока никто не знает ответа.", "وتطرح النتائج أيضًا أسئلة لا يعرف أحد بعد كيف يجيب عنها."),
        tri("For the public, the practical benefits may still be years away.", "Для общества практическая польза может проявиться ещё не скоро.", "أما بالنسبة إلى الجمهور، فقد تكون الفوائد العملية على بُعد سنوات."),
        tri("It shows what long-term funding can achieve.", "Это показывает, чего можно добиться при долгосрочном финансировании.", "ويُظهر ذلك ما يمكن أن يحققه التمويل طويل الأمد."),
        tri("The work is a reminder of how much remains unknown.", "Эта работа напоминает, как много ещё остаётся неизвестным.", "ويذكّر هذا العمل بحجم ما لا يزال مجهولًا."),
        tri("The work also shows the value of sharing data between countries.", "Эта работа также показывает, как важно делиться данными между странами.", "ويُظهر العمل أيضًا قيمة تبادل البيانات بين الدول."),
        tri("Turning results like these into everyday benefits usually takes a decade or more.", "Чтобы подобные результаты начали приносить пользу в повседневной жизни, обычно нужно лет десять, а то и больше.", "وعادة ما يستغرق تحويل نتائج كهذه إلى فوائد يومية عقدًا أو أكثر."),
    ],
    reactions: &[
        tri("Other researchers in the field called the work impressive.", "Другие специалисты в этой области назвали работу впечатляющей.", "ووصف باحثون آخرون في المجال العمل بأنه مثير للإعجاب."),
        tri("Some scientists urged caution until the data have been independently checked.", "Часть учёных призвала к осторожности до независимой проверки данных.", "ودعا بعض العلماء إلى التريث إلى حين التحقق من البيانات بشكل مستقل."),
        tri("Science organisations welcomed the news and called for more funding.", "Научные организации приветствовали новость и призвали увеличить финансирование.", "ورحبت منظمات علمية بالنبأ ودعت إلى زيادة التمويل."),
        tri("The news was widely shared online, not always accurately.", "Новость широко разошлась в интернете, причём не всегда в точном изложении.", "وانتشر الخبر على نطاق واسع عبر الإنترنت، ولم يُنقل دائمًا بدقة."),
        tri("Students and amateurs followed the announcement with great interest.", "Студенты и любители науки с большим интересом следили за объявлением.", "وتابع طلاب وهواة العلوم الإعلان باهتمام كبير."),
        tri("Several universities said they hoped to join the next stage of the work.", "Несколько университетов заявили, что надеются присоединиться к следующему этапу работы.", "وأعربت جامعات عدة عن أملها في الانضمام إلى المرحلة التالية من العمل."),
        tri("Science writers praised the team for explaining the results clearly.", "Научные журналисты похвалили авторов за ясное изложение результатов.", "وأشاد الصحفيون العلميون بالفريق لشرحه النتائج بوضوح."),
        tri("Government ministers were quick to take credit for the funding.", "Члены правительства поспешили поставить финансирование себе в заслугу.", "وسارع وزراء في الحكومة إلى نسب الفضل في التمويل إلى أنفسهم."),
    ],
    outlook: &[
        tri("The team plans a larger study next year.", "В следующем году группа планирует более масштабное исследование.", "ويخطط الفريق لإجراء دراسة أوسع العام المقبل."),
        tri("A full report is due to be published in the spring.", "Полный отчёт планируется опубликовать весной.", "ومن المقرر نشر تقرير كامل في الربيع."),
        tri("Other groups are already trying to reproduce the results.", "Другие научные группы уже пытаются воспроизвести результаты.", "وتحاول فرق أخرى بالفعل تكرار النتائج."),
        tri("Funding for the next stage has not yet been agreed.", "Финансирование следующего этапа пока не согласовано.", "ولم يُتفق بعد على تمويل المرحلة التالية."),
        tri("The findings will be presented at an international conference in {place} next month.", "Результаты представят на международной конференции {place_loc} в следующем месяце.", "وستُعرض النتائج في مؤتمر دولي في {place} الشهر المقبل."),
        tri("The full data set will be made available to other scientists.", "Полный набор данных откроют для других учёных.", "وستُتاح مجموعة البيانات الكاملة لعلماء آخرين."),
        tri("A decision on funding the next phase is expected in the summer.", "Решение о финансировании следующего этапа ожидается летом.", "ومن المتوقع اتخاذ قرار بشأن تمويل المرحلة التالية في الصيف."),
    ],
    quotes: &[
        tri("Science moves forward one careful step at a time, and this is one of them", "Наука движется вперёд осторожными шагами, и это один из них", "يتقدم العلم خطوة حذرة تلو أخرى، وهذه واحدة منها"),
        tri("It is exciting, but extraordinary claims need extraordinary evidence", "Это захватывающе, но громкие заявления требуют весомых доказательств", "إنه أمر مثير، لكن الادعاءات الاستثنائية تحتاج إلى أدلة استثنائية"),
        tri("This is the kind of work that only happens with patient funding", "Такая работа возможна только при терпеливом финансировании", "هذا النوع من العمل لا يتحقق إلا بتمويل صبور"),
        tri("We should be careful not to promise too much too soon", "Не стоит слишком рано обещать слишком многого", "ينبغي أن نحذر من الإفراط في الوعود قبل الأوان"),
    ],
    roles: &[
        role("a professor who was not involved in the research", "профессор, не участвовавший в исследовании", "الأستاذ الذي لم يشارك في البحث", "الأستاذة التي لم تشارك في البحث"),
        role("a science policy expert", "эксперт по научной политике", "الخبير في السياسات العلمية", "الخبيرة في السياسات العلمية"),
        role("the editor of a leading science journal", "редактор ведущего научного журнала", "محرر إحدى أبرز المجلات العلمية", "محررة إحدى أبرز المجلات العلمية"),
    ],
    figures: &[
        figure(Pct, 18, 24, "the share of national income spent on research", "такая доля национального дохода идёт на науку", "نسبة الدخل القومي التي تُنفق على البحث العلمي"),
        figure(Plain, 40, 400, "the number of researchers who worked on the project", "столько исследователей участвовали в проекте", "عدد الباحثين الذين شاركوا في المشروع"),
        figure(Plain, 3, 12, "the number of years the work took", "столько лет заняла работа", "عدد السنوات التي استغرقها العمل"),
        figure(Money, 20, 400, "what the programme has cost so far", "столько уже стоила программа", "ما كلّفه البرنامج حتى الآن"),
        figure(Plain, 5, 30, "the number of countries whose scientists took part", "столько стран представляли учёные — участники работы", "عدد الدول التي شارك علماؤها في العمل"),
    ],
};
