//! Technology: artificial intelligence, security and privacy, phones, start-ups.

use super::common::*;
use super::newsroom::tag;
use super::photo_text as shot;
use super::{Beat, NewsBank, Unit::*, action, actor, figure, fits, role, said};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
const AI: Beat = Beat {
    tag: tag::AI,
    shots: &[shot::DATA_CENTRE, shot::OFFICES],
    places: &ANYWHERE,
    actors: &[
        actor("AI lab Cortexa", "the AI lab Cortexa", "Лаборатория искусственного интеллекта Cortexa", F, "مختبر كورتكسا للذكاء الاصطناعي", false).kind(1),
        actor("Tech giant Nimbus", "the tech giant Nimbus", "Технологический гигант Nimbus", M, "عملاق التكنولوجيا نيمبوس", false).kind(2),
        actor("Chipmaker Silicore", "the chipmaker Silicore", "Производитель микросхем Silicore", M, "شركة سيليكور لصناعة الرقائق", true).kind(4),
        actor("Digital regulator", "the digital regulator", "Регулятор цифровой отрасли", M, "هيئة تنظيم القطاع الرقمي", true).kind(8),
    ],
    actions: &[
        action("unveils AI model that writes software", "unveiled an AI model that can write and test software", "представил модель искусственного интеллекта, которая умеет писать и тестировать программы", "يكشف", "كشف", "عن نموذج للذكاء الاصطناعي قادر على كتابة البرمجيات واختبارها").only(1 | 2),
        action("pauses chatbot release over safety concerns", "paused the release of a new chatbot over safety concerns", "приостановил выпуск нового чат-бота из соображений безопасности", "يعلق", "علق", "إطلاق روبوت دردشة جديد بسبب مخاوف تتعلق بالسلامة").only(1 | 2),
        action("opens {money} data centre", "opened a data centre worth {money}", "открыл центр обработки данных стоимостью {money}", "يفتتح", "افتتح", "مركز بيانات بقيمة {money}").only(2),
        action("fines tech firm over misleading AI claims", "fined a technology company for misleading claims about its AI", "оштрафовал технологическую компанию за вводящие в заблуждение заявления о возможностях её ИИ", "يغرم", "غرم", "شركة تكنولوجيا بسبب ادعاءات مضللة حول قدرات الذكاء الاصطناعي لديها").only(8),
        action("reports {pct}% jump in AI chip sales", "reported a {pct}% jump in sales of chips for AI", "сообщил о росте продаж чипов для ИИ на {pct}%", "يعلن", "أعلن", "قفزة بنسبة {pct}% في مبيعات رقائق الذكاء الاصطناعي").only(4),
        action("publishes rules on AI in hiring", "published rules on the use of AI in hiring", "опубликовал правила использования ИИ при найме сотрудников", "ينشر", "نشر", "قواعد لاستخدام الذكاء الاصطناعي في التوظيف").only(8),
        action("opens research centre in {place}", "opened a research centre in {place}", "открыл исследовательский центр {place_loc}", "يفتتح", "افتتح", "مركزًا للأبحاث في {place}").only(1 | 2 | 4),
        action("to build {money} chip plant", "announced plans for a chip factory worth {money}", "объявил о строительстве завода по производству чипов стоимостью {money}", "يعلن", "أعلن", "خططًا لبناء مصنع للرقائق بقيمة {money}").only(4),
    ],
    leads: &[
        tri("The move intensifies a race between a handful of companies.", "Это обостряет гонку между несколькими крупными компаниями.", "يؤجج ذلك السباق بين عدد قليل من الشركات."),
        tri("Critics say the technology is moving faster than the rules.", "Критики говорят, что технологии развиваются быстрее, чем правила.", "يقول منتقدون إن التكنولوجيا تتقدم بوتيرة أسرع من القواعد."),
        tri("The investment is one of the largest in the sector this year.", "Это одна из крупнейших инвестиций в отрасли в этом году.", "يُعد هذا الاستثمار من أكبر الاستثمارات في القطاع هذا العام."),
    ],
    lead_fits: &[fits(&[0, 2, 4, 7]), fits(&[1, 3, 5]), fits(&[2, 6, 7])],
    details: &[
        tri("Training the largest AI models now takes months and vast amounts of electricity.", "Обучение крупнейших моделей ИИ занимает месяцы и требует огромного количества электроэнергии.", "وبات تدريب أكبر نماذج الذكاء الاصطناعي يستغرق أشهرًا ويستهلك كميات هائلة من الكهرباء."),
        tri("Demand for specialist chips has outstripped supply for two years.", "Спрос на специализированные чипы уже два года превышает предложение.", "ويفوق الطلب على الرقائق المتخصصة المعروض منذ عامين."),
        tri("Engineers in {place} worked on the project for more than a year.", "Инженеры {place_loc} работали над проектом больше года.", "وعمل مهندسون في {place} على المشروع أكثر من عام."),
        tri("Several companies have been sued over the data used to train their systems.", "Против нескольких компаний поданы иски из-за данных, на которых обучались их системы.", "ورُفعت دعاوى قضائية على عدة شركات بسبب البيانات المستخدمة في تدريب أنظمتها."),
        tri("Businesses have been quick to test such tools, but slower to rely on them.", "Компании охотно испытывают такие инструменты, но не спешат на них полагаться.", "وسارعت الشركات إلى تجربة هذه الأدوات، لكنها أبطأ في الاعتماد عليها."),
        tri("Investment in AI start-ups reached {money} in the last quarter alone.", "Только за прошлый квартал инвестиции в ИИ-стартапы достигли {money}.", "وبلغت الاستثمارات في الشركات الناشئة العاملة في الذكاء الاصطناعي {money} في الربع الماضي وحده."),
        tri("Universities are struggling to stop AI researchers leaving for industry.", "Университетам всё труднее удерживать исследователей ИИ, которых переманивает индустрия.", "وتجد الجامعات صعوبة في منع باحثي الذكاء الاصطناعي من الانتقال إلى القطاع الخاص."),
        tri("Many of the tools are now used daily by office workers.", "Многие из этих инструментов теперь ежедневно используют офисные сотрудники.", "ويستخدم موظفو المكاتب كثيرًا من هذه الأدوات يوميًا."),
        tri("Rules on AI differ widely from one country to the next.", "Правила в сфере ИИ сильно различаются от страны к стране.", "وتختلف قواعد الذكاء الاصطناعي اختلافًا كبيرًا من بلد إلى آخر."),
        tri("Testing such systems for errors and bias remains slow and expensive.", "Проверка таких систем на ошибки и предвзятость по-прежнему идёт медленно и стоит дорого.", "ولا يزال اختبار هذه الأنظمة بحثًا عن الأخطاء والتحيز بطيئًا ومكلفًا."),
    ],
    quotes: &[
        said("We want this to be useful, and we want it to be safe", "Мы хотим, чтобы это было полезно, и хотим, чтобы это было безопасно", "نريد أن يكون هذا مفيدًا، ونريده أن يكون آمنًا").by(1 | 2 | 4),
        said("The technology is powerful, which is exactly why rules matter", "Технология мощная, и именно поэтому правила так важны", "التكنولوجيا قوية، ولهذا تحديدًا تكتسب القواعد أهميتها").by(8),
        said("Demand is stronger than we can currently meet", "Спрос сильнее, чем мы сейчас способны удовлетворить", "الطلب أقوى مما يمكننا تلبيته حاليًا").by(2 | 4),
    ],
    roles: &[
        role("the company's chief technology officer", "технический директор компании", "المدير التقني للشركة", "المديرة التقنية للشركة").by(1 | 2 | 4),
        role("a company spokesperson", "представитель компании", "المتحدث باسم الشركة", "المتحدثة باسم الشركة").by(1 | 2 | 4),
        role("a senior official at the regulator", "высокопоставленный сотрудник регулятора", "المسؤول الرفيع في هيئة التنظيم", "المسؤولة الرفيعة في هيئة التنظيم").by(8),
    ],
};

#[rustfmt::skip]
const SECURITY: Beat = Beat {
    tag: tag::CYBERSECURITY,
    shots: &[shot::SECURITY_FIRM, shot::DATA_CENTRE],
    places: &ANYWHERE,
    actors: &[
        actor("Cybersecurity agency", "the national cybersecurity agency", "Национальное агентство по кибербезопасности", N, "الوكالة الوطنية للأمن السيبراني", true).kind(1),
        actor("Data protection authority", "the data protection authority", "Ведомство по защите персональных данных", N, "هيئة حماية البيانات", true).kind(2),
        actor("Hospital network", "the regional hospital network", "Сеть региональных больниц", F, "شبكة المستشفيات الإقليمية", true).kind(4),
        actor("Messaging app Parley", "the messaging app Parley", "Мессенджер Parley", M, "تطبيق المراسلة بارلي", false).kind(8),
        actor("Bank Calder", "the bank Calder", "Банк Calder", M, "بنك كالدر", false).kind(16),
    ],
    actions: &[
        action("warns of ransomware attacks on hospitals", "warned of a wave of ransomware attacks on hospitals", "предупредил о волне атак программ-вымогателей на больницы", "يحذر", "حذر", "من موجة هجمات ببرامج الفدية تستهدف المستشفيات").only(1),
        action("fines social network {money} over data leak", "fined a social network {money} over a leak of users' data", "оштрафовал социальную сеть на {money} за утечку данных пользователей", "يغرم", "غرم", "شبكة تواصل اجتماعي {money} بسبب تسريب بيانات المستخدمين").only(2).tag(tag::PRIVACY),
        action("restores systems after cyber attack", "restored its systems after a cyber attack", "восстановил работу систем после кибератаки", "يعيد", "أعاد", "تشغيل الأنظمة بعد هجوم إلكتروني").only(4 | 8 | 16),
        action("bans face recognition in schools", "banned the use of face recognition in schools", "запретил использование распознавания лиц в школах", "يحظر", "حظر", "استخدام تقنية التعرف على الوجوه في المدارس").only(2).tag(tag::PRIVACY),
        action("patches flaw that exposed private messages", "patched a flaw that could have exposed private messages", "устранил уязвимость, из-за которой могли стать доступны личные сообщения", "يصلح", "أصلح", "ثغرة كان يمكن أن تكشف الرسائل الخاصة").only(8).tag(tag::PRIVACY),
        action("names gang behind attack on power grid", "named a criminal group it believes was behind an attack on the power grid", "назвал преступную группировку, которая, по его данным, стоит за атакой на энергосистему", "يكشف", "كشف", "هوية مجموعة إجرامية يُعتقد أنها تقف وراء هجوم على شبكة الكهرباء").only(1),
        action("postpones operations after IT outage", "postponed hundreds of operations after an IT outage", "отложил сотни операций из-за сбоя информационных систем", "يؤجل", "أجل", "مئات العمليات الجراحية بسبب عطل في أنظمة المعلومات").only(4),
        action("adds end-to-end encryption to calls", "added end-to-end encryption to voice and video calls", "добавил сквозное шифрование для голосовых и видеозвонков", "يضيف", "أضاف", "التشفير التام بين الطرفين إلى المكالمات الصوتية والمرئية").only(8).tag(tag::PRIVACY),
        action("warns customers of phishing scam", "warned customers about a phishing scam using its name", "предупредил клиентов о мошеннической рассылке от его имени", "يحذر", "حذر", "عملاءه من عملية احتيال إلكتروني تستخدم اسمه").only(16),
        action("issues guidance after surge in attacks", "issued new guidance to companies after a surge in attacks", "выпустил новые рекомендации для компаний после всплеска атак", "يصدر", "أصدر", "إرشادات جديدة للشركات بعد موجة من الهجمات").only(1 | 2),
    ],
    leads: &[
        tri("Experts say attacks on public services have become more frequent and more costly.", "Эксперты отмечают, что атаки на государственные службы случаются всё чаще и обходятся всё дороже.", "يقول خبراء إن الهجمات على الخدمات العامة باتت أكثر تكرارًا وأعلى كلفة."),
        tri("Privacy campaigners called it a landmark decision.", "Борцы за неприкосновенность частной жизни назвали решение знаковым.", "وصف المدافعون عن الخصوصية القرار بأنه تاريخي."),
        tri("Users were advised to update their apps as soon as possible.", "Пользователям посоветовали как можно скорее обновить приложения.", "نُصح المستخدمون بتحديث تطبيقاتهم في أسرع وقت ممكن."),
    ],
    lead_fits: &[fits(&[0, 2, 5, 6, 9]), fits(&[1, 3]), fits(&[4, 7, 8])],
    details: &[
        tri("Investigators have not said whether any data was stolen.", "Следователи не сообщают, были ли похищены какие-либо данные.", "ولم يكشف المحققون ما إذا كانت أي بيانات قد سُرقت."),
        tri("Attackers in such cases usually demand payment in cryptocurrency.", "В подобных случаях злоумышленники обычно требуют выкуп в криптовалюте.", "وعادة ما يطالب المهاجمون في مثل هذه الحالات بفدية بالعملات المشفرة."),
        tri("Staff in {place} were told to switch to paper records for several days.", "Сотрудникам {place_loc} на несколько дней пришлось перейти на бумажный документооборот.", "وطُلب من الموظفين في {place} العودة إلى السجلات الورقية لعدة أيام."),
        tri("Reported breaches of personal data rose by {pct2}% last year.", "В прошлом году число зарегистрированных утечек персональных данных выросло на {pct2}%.", "وارتفع عدد حالات اختراق البيانات الشخصية المبلغ عنها بنسبة {pct2}% العام الماضي."),
        tri("Many organisations still run software that no longer receives security updates.", "Многие организации до сих пор используют программы, для которых больше не выходят обновления безопасности.", "ولا تزال مؤسسات كثيرة تستخدم برامج لم تعد تتلقى تحديثات أمنية."),
        tri("Security researchers first spotted the problem several weeks ago.", "Специалисты по безопасности впервые заметили проблему несколько недель назад.", "ورصد باحثون أمنيون المشكلة لأول مرة قبل أسابيع عدة."),
        tri("Most attacks still begin with a single convincing email.", "Большинство атак по-прежнему начинается с одного убедительного письма.", "ولا تزال معظم الهجمات تبدأ برسالة بريد إلكتروني واحدة مقنعة."),
        tri("Companies are often reluctant to say when they have been attacked.", "Компании часто не хотят признавать, что подверглись атаке.", "وغالبًا ما تتردد الشركات في الإفصاح عن تعرضها لهجمات."),
        tri("Security teams in {place} worked through the weekend.", "Специалисты по безопасности {place_loc} работали все выходные.", "وعملت فرق الأمن في {place} طوال عطلة نهاية الأسبوع."),
        tri("Experts advise users to turn on two-step login wherever they can.", "Эксперты советуют пользователям везде, где можно, включать двухэтапную авторизацию.", "وينصح الخبراء المستخدمين بتفعيل التحقق بخطوتين حيثما أمكن."),
    ],
    quotes: &[
        said("Our priority is to keep people safe and services running", "Наш приоритет — безопасность людей и бесперебойная работа служб", "أولويتنا هي حماية الناس وضمان استمرار الخدمات").by(1 | 4 | 16),
        said("Personal data is not a commodity to be traded carelessly", "Персональные данные — не товар, которым можно торговать как попало", "البيانات الشخصية ليست سلعة يُتاجر بها باستهتار").by(2),
        said("We found the problem, we fixed it, and we are telling users", "Мы нашли проблему, устранили её и сообщаем об этом пользователям", "اكتشفنا المشكلة وأصلحناها ونبلغ المستخدمين بذلك").by(8 | 16),
    ],
    roles: &[
        role("the agency's technical director", "технический директор агентства", "المدير التقني للوكالة", "المديرة التقنية للوكالة").by(1),
        role("a spokesperson for the authority", "представитель ведомства", "المتحدث باسم الهيئة", "المتحدثة باسم الهيئة").by(2),
        role("the network's head of IT", "руководитель IT-службы больничной сети", "رئيس قسم تقنية المعلومات في الشبكة", "رئيسة قسم تقنية المعلومات في الشبكة").by(4),
        role("a company spokesperson", "представитель компании", "المتحدث باسم الشركة", "المتحدثة باسم الشركة").by(8 | 16),
    ],
};

#[rustfmt::skip]
const DEVICES: Beat = Beat {
    tag: tag::SMARTPHONES,
    shots: &[shot::LAUNCH, shot::OFFICES],
    places: &ANYWHERE,
    actors: &[
        actor("Phone maker Lumo", "the phone maker Lumo", "Производитель смартфонов Lumo", M, "شركة لومو لصناعة الهواتف", true).kind(1),
        actor("Tech giant Nimbus", "the tech giant Nimbus", "Технологический гигант Nimbus", M, "عملاق التكنولوجيا نيمبوس", false).kind(1),
        actor("Phone maker Aria", "the phone maker Aria", "Производитель смартфонов Aria", M, "شركة آريا لصناعة الهواتف", true).kind(1),
        actor("Consumer watchdog", "the consumer watchdog", "Служба защиты прав потребителей", F, "هيئة حماية المستهلك", true).kind(2),
    ],
    actions: &[
        action("launches first folding phone", "launched its first folding phone", "представил свой первый складной смартфон", "يطلق", "أطلق", "أول هاتف ذكي قابل للطي").only(1),
        action("cuts price of flagship phone by {pct}%", "cut the price of its flagship phone by {pct}%", "снизил цену флагманского смартфона на {pct}%", "يخفض", "خفض", "سعر هاتف الشركة الرئيسي بنسبة {pct}%").only(1),
        action("promises seven years of updates", "promised seven years of software updates for its phones", "пообещал выпускать обновления для своих смартфонов семь лет", "يتعهد", "تعهد", "بتوفير تحديثات برمجية للهواتف لمدة سبع سنوات").only(1),
        action("recalls phones over battery fault", "recalled thousands of phones over a battery fault", "отозвал тысячи смартфонов из-за дефекта аккумулятора", "يستدعي", "استدعى", "آلاف الهواتف بسبب عيب في البطارية").only(1),
        action("orders phone makers to use common charger", "ordered phone makers to use a common charger", "обязал производителей смартфонов перейти на единый разъём для зарядки", "يلزم", "ألزم", "مصنعي الهواتف باعتماد شاحن موحد").only(2),
        action("reports record first-week sales of new phone", "reported record first-week sales of its new phone", "сообщил о рекордных продажах нового смартфона за первую неделю", "يعلن", "أعلن", "مبيعات قياسية للهاتف الجديد في أسبوعه الأول").only(1),
        action("opens flagship store in {place}", "opened a flagship store in {place}", "открыл флагманский магазин {place_loc}", "يفتتح", "افتتح", "متجرًا رئيسيًا في {place}").only(1),
        action("fines phone maker for blocking repairs", "fined a phone maker for making repairs deliberately hard", "оштрафовал производителя смартфонов за то, что тот намеренно усложнял ремонт", "يغرم", "غرم", "شركة لصناعة الهواتف بسبب تعمدها تصعيب عمليات الإصلاح").only(2),
    ],
    leads: &[
        tri("Phone sales have been flat for three years as people keep their devices longer.", "Продажи смартфонов третий год не растут: люди дольше пользуются своими устройствами.", "تراوح مبيعات الهواتف مكانها منذ ثلاث سنوات، إذ يحتفظ الناس بأجهزتهم مدة أطول."),
        tri("Owners were told to stop charging the devices overnight.", "Владельцам посоветовали не заряжать устройства на ночь.", "نُصح المالكون بالتوقف عن شحن الأجهزة طوال الليل."),
        tri("Consumer groups have campaigned for the change for years.", "Общества потребителей годами добивались этих изменений.", "تطالب جمعيات المستهلكين بهذا التغيير منذ سنوات."),
        tri("Queues formed outside the shop hours before it opened.", "Очередь у магазина выстроилась за несколько часов до открытия.", "اصطفت طوابير أمام المتجر قبل ساعات من افتتاحه."),
    ],
    lead_fits: &[fits(&[0, 1, 2, 5]), fits(&[3]), fits(&[2, 4, 7]), fits(&[5, 6])],
    details: &[
        tri("The average phone is now replaced every three and a half years.", "Смартфон теперь в среднем меняют раз в три с половиной года.", "وبات الهاتف يُستبدل في المتوسط كل ثلاث سنوات ونصف."),
        tri("Reviewers have praised the latest cameras but criticised battery life.", "Обозреватели хвалят камеры последних моделей, но критикуют время автономной работы.", "ويشيد المراجعون بكاميرات أحدث الطرازات لكنهم ينتقدون عمر البطارية."),
        tri("Shops in {place} reported strong demand in the first days.", "Магазины {place_loc} сообщили о высоком спросе в первые дни.", "وأفادت متاجر في {place} بإقبال قوي في الأيام الأولى."),
        tri("Prices for top models have risen by about a third in five years.", "Цены на топовые модели за пять лет выросли примерно на треть.", "وارتفعت أسعار الطرازات الرائدة بنحو الثلث خلال خمس سنوات."),
        tri("Second-hand and refurbished phones are the fastest-growing part of the market.", "Быстрее всего растёт рынок подержанных и восстановленных смартфонов.", "وتُعد الهواتف المستعملة والمجددة الشريحة الأسرع نموًا في السوق."),
        tri("A phone's components are made in more than a dozen countries.", "Комплектующие для смартфона производятся более чем в десятке стран.", "وتُصنع مكونات الهاتف الواحد في أكثر من اثنتي عشرة دولة."),
        tri("Repair shops say cracked screens and tired batteries are still the most common faults.", "В мастерских говорят, что чаще всего по-прежнему бьются экраны и садятся аккумуляторы.", "وتقول محال الإصلاح إن الشاشات المكسورة والبطاريات المنهكة لا تزال أكثر الأعطال شيوعًا."),
        tri("Most phones are now bought on monthly contracts rather than outright.", "Большинство смартфонов теперь покупают в рассрочку по договору, а не сразу.", "وباتت معظم الهواتف تُشترى بعقود شهرية لا دفعة واحدة."),
        tri("Manufacturers compete increasingly on cameras and software rather than speed.", "Производители всё чаще соревнуются камерами и программами, а не скоростью.", "ويتنافس المصنعون بشكل متزايد على الكاميرات والبرمجيات لا على السرعة."),
        tri("Electronic waste from old phones is a growing environmental problem.", "Электронные отходы от старых смартфонов становятся всё более серьёзной экологической проблемой.", "وتشكل النفايات الإلكترونية الناتجة عن الهواتف القديمة مشكلة بيئية متفاقمة."),
    ],
    quotes: &[
        said("People want a phone that lasts, and that is what we are building", "Людям нужен долговечный смартфон, и именно такой мы делаем", "يريد الناس هاتفًا يدوم طويلًا، وهذا ما نصنعه").by(1),
        said("We would rather be safe than sorry", "Лучше перестраховаться, чем потом жалеть", "الحذر خير من الندم").by(1),
        said("Consumers should not have to pay twice for the same thing", "Потребители не должны платить дважды за одно и то же", "لا ينبغي أن يدفع المستهلكون مرتين مقابل الشيء نفسه").by(2),
    ],
    roles: &[
        role("the company's head of products", "директор компании по продуктам", "مدير المنتجات في الشركة", "مديرة المنتجات في الشركة").by(1),
        role("a company spokesperson", "представитель компании", "المتحدث باسم الشركة", "المتحدثة باسم الشركة").by(1),
        role("a spokesperson for the watchdog", "представитель службы", "المتحدث باسم الهيئة", "المتحدثة باسم الهيئة").by(2),
    ],
};

#[rustfmt::skip]
const START_UPS: Beat = Beat {
    tag: tag::START_UPS,
    shots: &[shot::OFFICES, shot::LAUNCH],
    places: &[LONDON, BERLIN, PARIS, LAGOS, NAIROBI, SINGAPORE, DUBAI, NEW_DELHI, SAO_PAULO, NEW_YORK, TOKYO, TBILISI],
    actors: &[
        actor("Start-up Fieldnote", "the start-up Fieldnote", "Стартап Fieldnote", M, "الشركة الناشئة فيلدنوت", true).kind(1),
        actor("Start-up Kinetik", "the start-up Kinetik", "Стартап Kinetik", M, "الشركة الناشئة كينيتك", true).kind(1),
        actor("Health start-up Medlink", "the health start-up Medlink", "Медицинский стартап Medlink", M, "الشركة الناشئة ميدلينك للرعاية الصحية", true).kind(1),
        actor("Investment fund Brightwater", "the investment fund Brightwater", "Инвестиционный фонд Brightwater", M, "صندوق برايتووتر الاستثماري", false).kind(2),
    ],
    actions: &[
        action("raises {money} in funding round", "raised {money} in a new funding round", "получил {money} в новом раунде финансирования", "يجمع", "جمع", "{money} في جولة تمويل جديدة").only(1),
        action("agrees to be bought by tech giant", "agreed to be bought by a technology giant", "согласился на продажу технологическому гиганту", "يوافق", "وافق", "على صفقة استحواذ من جانب عملاق تكنولوجي").only(1),
        action("lays off a third of staff", "laid off a third of its staff", "сократил треть сотрудников", "يسرح", "سرح", "ثلث موظفي الشركة").only(1),
        action("launches {money} fund for young companies", "launched a {money} fund for young companies", "запустил фонд объёмом {money} для молодых компаний", "يطلق", "أطلق", "صندوقًا بقيمة {money} للشركات الناشئة").only(2),
        action("opens office in {place}", "opened a new office in {place}", "открыл новый офис {place_loc}", "يفتتح", "افتتح", "مكتبًا جديدًا في {place}").only(1),
        action("passes one million users", "passed a million users, a year after its launch", "преодолел отметку в миллион пользователей через год после запуска", "يتخطى", "تخطى", "عتبة المليون مستخدم بعد عام من الإطلاق").only(1),
        action("leads {money} investment in battery recycler", "led a {money} investment in a start-up that recycles batteries", "возглавил инвестиционный раунд на {money} в стартап по переработке аккумуляторов", "يقود", "قاد", "جولة استثمار بقيمة {money} في شركة ناشئة لإعادة تدوير البطاريات").only(2),
    ],
    leads: &[
        tri("Investors have become pickier after two lean years.", "После двух трудных лет инвесторы стали разборчивее.", "بات المستثمرون أكثر انتقائية بعد عامين عجاف."),
        tri("The company was founded four years ago by two former students.", "Компанию основали четыре года назад два бывших студента.", "أسس الشركةَ طالبان سابقان قبل أربع سنوات."),
        tri("The decision shows how quickly fortunes can change in the sector.", "Это решение показывает, как быстро в отрасли может всё измениться.", "يُظهر القرار مدى سرعة تقلب الأحوال في هذا القطاع."),
    ],
    lead_fits: &[fits(&[0, 3, 6]), fits(&[0, 1, 4, 5]), fits(&[1, 2])],
    details: &[
        tri("Start-ups in {place} raised more money last year than ever before.", "Стартапы {place_loc} в прошлом году привлекли больше денег, чем когда-либо прежде.", "وجمعت الشركات الناشئة في {place} العام الماضي أموالًا أكثر من أي عام مضى."),
        tri("Most young companies still do not make a profit.", "Большинство молодых компаний по-прежнему убыточны.", "ولا تزال معظم الشركات الناشئة لا تحقق أرباحًا."),
        tri("Government schemes now match private investment in some early-stage companies.", "Государственные программы теперь удваивают частные инвестиции в некоторые компании на ранней стадии.", "وباتت برامج حكومية تضاهي الاستثمارات الخاصة في بعض الشركات في مراحلها الأولى."),
        tri("Founders say hiring engineers is their biggest challenge.", "Основатели стартапов называют своей главной проблемой наём инженеров.", "ويقول مؤسسو الشركات الناشئة إن توظيف المهندسين هو التحدي الأكبر أمامهم."),
        tri("Valuations across the sector fell sharply two years ago and have only partly recovered.", "Оценки компаний в секторе резко упали два года назад и восстановились лишь частично.", "وتراجعت تقييمات الشركات في القطاع بشكل حاد قبل عامين ولم تتعافَ إلا جزئيًا."),
        tri("Climate and health technology have drawn the most interest from investors this year.", "В этом году больше всего интереса у инвесторов вызывают климатические и медицинские технологии.", "واستقطبت تقنيات المناخ والرعاية الصحية أكبر قدر من اهتمام المستثمرين هذا العام."),
        tri("Co-working spaces in the city are full, with waiting lists for desks.", "Коворкинги в городе переполнены, на места выстраиваются очереди.", "ومساحات العمل المشترك في المدينة ممتلئة، وهناك قوائم انتظار للحصول على مكتب."),
        tri("Many founders are graduates of the country's technical universities.", "Многие основатели стартапов — выпускники технических вузов страны.", "وكثير من مؤسسي الشركات الناشئة من خريجي الجامعات التقنية في البلاد."),
        tri("Investors increasingly want to see a path to profit within two years.", "Инвесторы всё чаще хотят видеть путь к прибыли в течение двух лет.", "ويريد المستثمرون بشكل متزايد رؤية طريق إلى الربحية خلال عامين."),
        tri("Accelerator programmes in {place} receive hundreds of applications for each round.", "Акселераторы {place_gen} получают сотни заявок на каждый набор.", "وتتلقى برامج تسريع الأعمال في {place} مئات الطلبات في كل دورة."),
    ],
    quotes: &[
        said("We are building something people actually need", "Мы создаём то, что людям действительно нужно", "نحن نبني شيئًا يحتاجه الناس فعلًا").by(1),
        said("Good ideas still find money, they just have to prove themselves sooner", "Хорошие идеи по-прежнему находят деньги, просто доказывать свою ценность им приходится раньше", "الأفكار الجيدة لا تزال تجد التمويل، لكن عليها أن تثبت جدواها أسرع").by(2),
        said("Growing this fast means making hard choices", "Такой быстрый рост означает трудный выбор", "النمو بهذه السرعة يعني اتخاذ قرارات صعبة").by(1),
    ],
    roles: &[
        role("the company's co-founder", "сооснователь компании", "الشريك المؤسس للشركة", "الشريكة المؤسسة للشركة").by(1),
        role("the company's chief executive", "генеральный директор компании", "الرئيس التنفيذي للشركة", "الرئيسة التنفيذية للشركة").by(1),
        role("a partner at the fund", "партнёр фонда", "الشريك في الصندوق", "الشريكة في الصندوق").by(2),
    ],
};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    beats: &[AI, SECURITY, DEVICES, START_UPS],
    context: &[
        tri("Technology companies have cut tens of thousands of jobs over the past two years.", "За последние два года технологические компании сократили десятки тысяч рабочих мест.", "وألغت شركات التكنولوجيا عشرات الآلاف من الوظائف خلال العامين الماضيين."),
        tri("Lawmakers are working on new rules for digital services.", "Законодатели готовят новые правила для цифровых сервисов.", "ويعمل المشرعون على قواعد جديدة للخدمات الرقمية."),
        tri("Most people in the country now go online mainly through their phones.", "Большинство жителей страны теперь выходят в интернет в основном со смартфонов.", "وبات معظم سكان البلاد يتصفحون الإنترنت عبر هواتفهم بالدرجة الأولى."),
        tri("The sector accounts for about {pct2}% of the economy.", "На долю отрасли приходится около {pct2}% экономики.", "ويمثل القطاع نحو {pct2}% من الاقتصاد."),
        tri("Tech firms in {place} have struggled to hire enough engineers.", "Технологическим компаниям {place_loc} не хватает инженеров.", "وتواجه شركات التكنولوجيا في {place} صعوبة في توظيف عدد كافٍ من المهندسين."),
        tri("A handful of large companies control most of the market.", "Большая часть рынка контролируется несколькими крупными компаниями.", "وتسيطر حفنة من الشركات الكبرى على معظم السوق."),
        tri("Spending on cloud computing has roughly doubled in three years.", "Расходы на облачные вычисления за три года выросли примерно вдвое.", "وتضاعف الإنفاق على الحوسبة السحابية تقريبًا خلال ثلاث سنوات."),
        tri("Consumer groups have complained for years about how user data is handled.", "Общества защиты потребителей годами жалуются на то, как обращаются с данными пользователей.", "وتشكو جمعيات المستهلكين منذ سنوات من طريقة التعامل مع بيانات المستخدمين."),
        tri("Smartphone apps now handle everything from banking to doctors' appointments.", "Через приложения теперь делают всё — от банковских операций до записи к врачу.", "وباتت التطبيقات تتولى كل شيء، من الخدمات المصرفية إلى مواعيد الأطباء."),
        tri("The country's first data protection law came into force five years ago.", "Первый в стране закон о защите данных вступил в силу пять лет назад.", "ودخل أول قانون لحماية البيانات في البلاد حيز التنفيذ قبل خمس سنوات."),
        tri("The electricity used by data centres has become a political issue.", "Энергопотребление дата-центров стало политической темой.", "وأصبح استهلاك مراكز البيانات للكهرباء قضية سياسية."),
        tri("Schools in {place} have started teaching coding from the age of seven.", "Школы {place_gen} начали учить программированию с семи лет.", "وبدأت المدارس في {place} تدريس البرمجة منذ سن السابعة."),
        tri("Older people are the fastest-growing group of internet users.", "Быстрее всего растёт число интернет-пользователей среди пожилых.", "ويُعد كبار السن الفئة الأسرع نموًا بين مستخدمي الإنترنت."),
        tri("Tech salaries have risen faster than in any other industry.", "Зарплаты в технологической отрасли росли быстрее, чем в любой другой.", "وارتفعت رواتب قطاع التكنولوجيا أسرع من أي قطاع آخر."),
        tri("Online scams cost consumers an estimated {money} last year.", "По оценкам, в прошлом году онлайн-мошенники выманили у потребителей {money}.", "وتشير التقديرات إلى أن عمليات الاحتيال الإلكتروني كلّفت المستهلكين {money} العام الماضي."),
        tri("Broadband coverage in rural areas still lags well behind the cities.", "Покрытие широкополосного интернета в сельской местности по-прежнему заметно отстаёт от городов.", "ولا تزال تغطية الإنترنت عريض النطاق في المناطق الريفية متأخرة كثيرًا عن المدن."),
    ],
    analysis: &[
        tri("The move is likely to be copied quickly by competitors.", "Этот шаг, скорее всего, быстро повторят конкуренты.", "ومن المرجح أن يسارع المنافسون إلى تقليد هذه الخطوة."),
        tri("For users, the real test will be whether it works as promised.", "Для пользователей настоящей проверкой станет то, работает ли всё так, как обещано.", "أما بالنسبة إلى المستخدمين، فالاختبار الحقيقي هو ما إذا كان سيعمل كما وُعدوا."),
        tri("It also shows how much power a few companies hold over everyday life.", "Это также показывает, какой властью над повседневной жизнью обладают несколько компаний.", "ويُظهر ذلك أيضًا حجم النفوذ الذي تملكه شركات قليلة على الحياة اليومية."),
        tri("Regulators around the world will be watching closely.", "Регуляторы по всему миру будут внимательно следить за происходящим.", "وستراقب الهيئات التنظيمية حول العالم الأمر عن كثب."),
        tri("Trust, once lost, is hard to win back in this business.", "В этом бизнесе утраченное доверие вернуть трудно.", "وفي هذا القطاع، يصعب استعادة الثقة بعد فقدانها."),
        tri("The episode is a reminder of how quickly the industry moves.", "Эта история напоминает, как быстро меняется отрасль.", "وتذكّر هذه الواقعة بسرعة تحولات هذه الصناعة."),
        tri("The episode shows how much depends on a few pieces of software that most people never see.", "Эта история показывает, как много зависит от нескольких программ, которых большинство людей никогда не видит.", "وتُظهر هذه الواقعة مدى اعتماد الكثير على برامج قليلة لا يراها معظم الناس."),
        tri("Whether users benefit depends on details that have not yet been published.", "Выиграют ли пользователи, зависит от деталей, которые пока не опубликованы.", "ويتوقف انتفاع المستخدمين على تفاصيل لم تُنشر بعد."),
    ],
    reactions: &[
        tri("Shares in rival companies moved sharply on the news.", "После этой новости акции компаний-конкурентов резко изменились в цене.", "وشهدت أسهم الشركات المنافسة تحركات حادة إثر النبأ."),
        tri("Digital rights groups said the change did not go far enough.", "Организации, защищающие цифровые права, заявили, что этих изменений недостаточно.", "وقالت منظمات الحقوق الرقمية إن التغيير لا يذهب بعيدًا بما يكفي."),
        tri("Users were quick to share their own experiences online.", "Пользователи сразу начали делиться в сети собственным опытом.", "وسارع المستخدمون إلى مشاركة تجاربهم الخاصة عبر الإنترنت."),
        tri("Industry groups warned against rules that could hold back innovation.", "Отраслевые объединения предостерегли от правил, которые могут затормозить развитие.", "وحذرت اتحادات القطاع من قواعد قد تعرقل الابتكار."),
        tri("Some analysts said the announcement had been expected for months.", "Некоторые аналитики отметили, что этого объявления ждали несколько месяцев.", "وقال بعض المحللين إن هذا الإعلان كان متوقعًا منذ أشهر."),
        tri("Smaller competitors said the market was already tilted against them.", "Небольшие конкуренты заявили, что рынок и так складывается не в их пользу.", "وقال منافسون أصغر إن السوق منحازة ضدهم أصلًا."),
        tri("Privacy advocates called for independent checks.", "Защитники приватности потребовали независимой проверки.", "وطالب المدافعون عن الخصوصية بعمليات تدقيق مستقلة."),
        tri("Engineers discussed the details at length on online forums.", "Инженеры подробно обсуждали детали на профильных форумах.", "وناقش مهندسون التفاصيل مطولًا في المنتديات المتخصصة."),
    ],
    outlook: &[
        tri("More details are expected at an industry conference next month.", "Подробности ожидаются на отраслевой конференции в следующем месяце.", "ومن المتوقع الكشف عن مزيد من التفاصيل في مؤتمر للقطاع الشهر المقبل."),
        tri("New rules for the sector are due to take effect early next year.", "Новые правила для отрасли должны вступить в силу в начале следующего года.", "ومن المقرر أن تدخل قواعد جديدة للقطاع حيز التنفيذ مطلع العام المقبل."),
        tri("Analysts will be looking for signs of the impact in the next quarterly results.", "Аналитики будут искать признаки последствий в следующей квартальной отчётности.", "وسيبحث المحللون عن مؤشرات التأثير في النتائج الفصلية المقبلة."),
        tri("A public consultation on the issue will run until the end of the year.", "Общественное обсуждение этой темы продлится до конца года.", "وتستمر المشاورات العامة بشأن القضية حتى نهاية العام."),
        tri("Competitors are expected to respond within weeks.", "Ожидается, что конкуренты ответят в ближайшие недели.", "ومن المتوقع أن يرد المنافسون في غضون أسابيع."),
        tri("Industry and regulators are expected to meet again early next year.", "Ожидается, что представители отрасли и регуляторы снова встретятся в начале следующего года.", "ومن المتوقع أن يلتقي ممثلو القطاع والجهات التنظيمية مجددًا مطلع العام المقبل."),
        tri("Independent researchers plan to publish their own tests within weeks.", "Независимые исследователи планируют в ближайшие недели опубликовать результаты собственных проверок.", "ويعتزم باحثون مستقلون نشر نتائج اختباراتهم الخاصة في غضون أسابيع."),
    ],
    quotes: &[
        tri("The technology is impressive, but the business case is still unproven", "Технология впечатляет, но её коммерческая состоятельность пока не доказана", "التكنولوجيا مبهرة، لكن جدواها التجارية لم تثبت بعد"),
        tri("Users should always ask who profits from their data", "Пользователям всегда стоит спрашивать, кто зарабатывает на их данных", "على المستخدمين أن يسألوا دائمًا عمن يربح من بياناتهم"),
        tri("This is what happens when security is treated as an afterthought", "Вот что бывает, когда о безопасности думают в последнюю очередь", "هذا ما يحدث عندما تُعامل الحماية على أنها أمر ثانوي"),
        tri("The hype is real, and so are the risks", "Ажиотаж реален, но реальны и риски", "الضجة حقيقية، وكذلك المخاطر"),
    ],
    roles: &[
        role("a technology analyst at Cobalt Insights", "аналитик Cobalt Insights, специализирующийся на технологиях", "محلل التكنولوجيا في شركة كوبالت إنسايتس", "محللة التكنولوجيا في شركة كوبالت إنسايتس"),
        role("a digital rights campaigner", "активист движения за цифровые права", "الناشط في مجال الحقوق الرقمية", "الناشطة في مجال الحقوق الرقمية"),
        role("a professor of computer science", "профессор информатики", "أستاذ علوم الحاسوب", "أستاذة علوم الحاسوب"),
    ],
    figures: &[
        figure(Pct, 600, 950, "the share of adults who own a smartphone", "такая доля взрослых пользуется смартфоном", "نسبة البالغين الذين يملكون هاتفًا ذكيًا"),
        figure(Money, 100, 900, "invested in local start-ups this year", "столько вложено в местные стартапы в этом году", "حجم الاستثمارات في الشركات الناشئة المحلية هذا العام"),
        figure(Plain, 2, 9, "the number of hours a day the average adult spends online", "столько часов в день средний взрослый проводит в интернете", "عدد الساعات التي يقضيها البالغ يوميًا على الإنترنت في المتوسط"),
        figure(Thousands, 20, 180, "people employed in the technology sector", "столько человек работают в технологическом секторе", "عدد العاملين في قطاع التكنولوجيا"),
        figure(Pct, 50, 300, "the rise in reported cyber attacks this year", "на столько выросло число зарегистрированных кибератак в этом году", "نسبة الزيادة في الهجمات الإلكترونية المبلغ عنها هذا العام"),
    ],
};
