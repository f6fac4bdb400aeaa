//! World: diplomacy, humanitarian crises and the climate talks.

use super::common::*;
use super::newsroom::tag;
use super::photo_text as shot;
use super::{Beat, NewsBank, Unit::*, action, actor, figure, fits, role, said};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
const DIPLOMACY: Beat = Beat {
    tag: tag::DIPLOMACY,
    shots: &[shot::TALKS, shot::CITY_CENTRE, shot::WATERFRONT],
    places: &[GENEVA, VIENNA, BRUSSELS, NEW_YORK, ISTANBUL, CAIRO, AMMAN, WASHINGTON, PARIS, SINGAPORE, ROME, TOKYO],
    actors: &[
        actor("UN envoy", "the UN envoy", "Спецпосланник ООН", M, "المبعوث الأممي", false).kind(1),
        actor("Foreign minister", "the foreign minister", "Министр иностранных дел", M, "وزير الخارجية", false).kind(4),
        actor("Regional bloc", "the regional bloc", "Региональный блок", M, "التكتل الإقليمي", false).kind(2),
        actor("Security Council", "the UN Security Council", "Совет Безопасности ООН", M, "مجلس الأمن الدولي", false).kind(2),
        actor("Mediation team", "the mediation team", "Группа посредников", F, "فريق الوساطة", false).kind(8),
    ],
    actions: &[
        action("opens talks on disputed border", "opened talks on the disputed border between the two neighbours", "начал переговоры о спорном участке границы между двумя соседними странами", "يفتح", "فتح", "باب المحادثات بشأن الحدود المتنازع عليها بين البلدين الجارين").only(1 | 8),
        action("calls for immediate ceasefire", "called for an immediate ceasefire and the release of detainees", "призвал к немедленному прекращению огня и освобождению задержанных", "يدعو", "دعا", "إلى وقف فوري لإطلاق النار والإفراج عن المحتجزين"),
        action("agrees to restore ties with neighbour", "agreed to restore diplomatic ties with a neighbouring country after a five-year break", "договорился о восстановлении дипломатических отношений с соседней страной после пятилетнего перерыва", "يوافق", "وافق", "على استئناف العلاقات الدبلوماسية مع دولة مجاورة بعد قطيعة دامت خمس سنوات").only(4),
        action("proposes new round of peace talks", "proposed a new round of peace talks for next month", "предложил провести новый раунд мирных переговоров в следующем месяце", "يقترح", "اقترح", "جولة جديدة من محادثات السلام الشهر المقبل").only(1 | 2 | 8),
        action("expels two diplomats", "expelled two diplomats accused of spying", "выслал двух дипломатов, обвинённых в шпионаже", "يطرد", "طرد", "دبلوماسيَّين اثنين متهمَين بالتجسس").only(4),
        action("adopts resolution on humanitarian corridors", "adopted a resolution calling for safe humanitarian corridors", "принял резолюцию с призывом открыть безопасные гуманитарные коридоры", "يتبنى", "تبنى", "قرارًا يدعو إلى فتح ممرات إنسانية آمنة").only(2).tag(tag::UN),
        action("brokers prisoner exchange", "brokered an exchange of prisoners between the two sides", "добился обмена пленными между сторонами конфликта", "يتوسط", "توسط", "في صفقة لتبادل الأسرى بين الطرفين").only(1 | 8),
        action("suspends talks after border clash", "suspended talks after a deadly clash on the border", "приостановил переговоры после кровопролитного столкновения на границе", "يعلق", "علق", "المحادثات إثر اشتباك دامٍ على الحدود").only(4 | 8),
        action("announces sanctions on arms suppliers", "announced sanctions on companies accused of supplying weapons to armed groups", "объявил о санкциях против компаний, которых обвиняют в поставках оружия вооружённым группировкам", "يفرض", "فرض", "عقوبات على شركات متهمة بتزويد جماعات مسلحة بالأسلحة").only(2),
    ],
    leads: &[
        tri("The move is the most serious attempt in years to end the dispute.", "Это самая серьёзная за последние годы попытка урегулировать конфликт.", "تُعد هذه الخطوة أجدّ محاولة منذ سنوات لإنهاء النزاع."),
        tri("Diplomats say the next few weeks will decide whether the truce holds.", "По словам дипломатов, ближайшие недели покажут, удастся ли сохранить перемирие.", "يقول دبلوماسيون إن الأسابيع القليلة المقبلة ستحدد ما إذا كانت الهدنة ستصمد."),
        tri("Relations between the two countries have rarely been worse.", "Отношения между двумя странами редко бывали настолько плохими.", "نادرًا ما بلغت العلاقات بين البلدين هذا القدر من السوء."),
        tri("Aid agencies have been pressing for weeks for safe access to civilians.", "Гуманитарные организации уже несколько недель добиваются безопасного доступа к мирным жителям.", "تطالب وكالات الإغاثة منذ أسابيع بوصول آمن إلى المدنيين."),
        tri("The decision ends a long freeze that had hurt trade and families on both sides.", "Решение положило конец долгому охлаждению, от которого страдали торговля и семьи по обе стороны границы.", "ينهي القرار قطيعة طويلة أضرت بالتجارة وبالعائلات على جانبي الحدود."),
        tri("Critics say sanctions rarely change the behaviour of those they target.", "Критики считают, что санкции редко меняют поведение тех, против кого они направлены.", "يرى منتقدون أن العقوبات نادرًا ما تغيّر سلوك الجهات المستهدفة بها."),
    ],
    lead_fits: &[fits(&[0, 2, 3, 6]), fits(&[1, 3, 6, 7]), fits(&[4, 7, 8]), fits(&[1, 5]), fits(&[0, 2]), fits(&[4, 8])],
    details: &[
        tri("Delegations from both sides arrived in {place} late the previous evening, under heavy security.", "Делегации обеих сторон прибыли {place_loc} накануне поздно вечером под усиленной охраной.", "ووصلت وفود الطرفين إلى {place} في وقت متأخر من مساء اليوم السابق وسط إجراءات أمنية مشددة."),
        tri("Neither side has published the full text of the proposals under discussion.", "Ни одна из сторон не опубликовала полный текст обсуждаемых предложений.", "ولم ينشر أي من الطرفين النص الكامل للمقترحات قيد النقاش."),
        tri("The last round of talks collapsed two years ago over the question of who controls the border crossings.", "Предыдущий раунд переговоров сорвался два года назад из-за разногласий о контроле над пограничными переходами.", "وكانت الجولة السابقة من المحادثات قد انهارت قبل عامين بسبب الخلاف على السيطرة على المعابر الحدودية."),
        tri("Diplomats familiar with the discussions said the mood was more constructive than at any point this year.", "Знакомые с ходом обсуждения дипломаты говорят, что атмосфера была конструктивнее, чем когда-либо в этом году.", "وقال دبلوماسيون مطلعون على المناقشات إن الأجواء كانت أكثر إيجابية من أي وقت مضى هذا العام."),
        tri("More than {num},000 people have been displaced by fighting along the border since the spring.", "С весны из-за боёв в приграничных районах дома покинули более {num} тыс. человек.", "ونزح أكثر من {num} ألف شخص بسبب القتال على طول الحدود منذ الربيع."),
        tri("Both governments face pressure at home not to be seen making concessions.", "Оба правительства испытывают давление внутри страны: ни одно не хочет выглядеть уступающей стороной.", "وتواجه الحكومتان ضغوطًا داخلية تدفعهما إلى تجنب الظهور بمظهر من يقدم التنازلات."),
        tri("Observers from neighbouring countries have been invited to follow the process.", "К наблюдению за процессом пригласили представителей соседних государств.", "ودُعي مراقبون من الدول المجاورة إلى متابعة العملية."),
        tri("Border communities have lived with uncertainty for years.", "Жители приграничных районов годами живут в неопределённости.", "ويعيش سكان المناطق الحدودية حالة من عدم اليقين منذ سنوات."),
        tri("Officials on both sides have avoided harsh public statements in recent days.", "В последние дни официальные лица обеих сторон избегают резких публичных заявлений.", "وتجنب المسؤولون من الجانبين إطلاق تصريحات علنية حادة في الأيام الأخيرة."),
        tri("Trade between the two countries has fallen by half since relations soured.", "С тех пор как отношения испортились, торговля между странами сократилась вдвое.", "وتراجعت التجارة بين البلدين إلى النصف منذ تدهور العلاقات."),
        tri("Embassies in both capitals have been working with reduced staff for months.", "Посольства в обеих столицах уже несколько месяцев работают в сокращённом составе.", "وتعمل السفارتان في العاصمتين بطواقم مخفضة منذ أشهر."),
    ],
    quotes: &[
        said("We have not solved everything, but we are talking again, and that matters", "Мы не решили всех проблем, но мы снова разговариваем, и это важно", "لم نحل كل شيء، لكننا عدنا إلى الحوار، وهذا أمر مهم"),
        said("The door remains open, but the other side must show it is serious", "Дверь остаётся открытой, но другая сторона должна показать, что настроена серьёзно", "الباب ما زال مفتوحًا، لكن على الطرف الآخر أن يثبت جديته"),
        said("Every day without an agreement costs lives", "Каждый день без соглашения стоит человеческих жизней", "كل يوم يمر دون اتفاق يكلّف أرواحًا"),
        said("We are asking for nothing more than what was agreed before", "Мы просим не больше того, о чём уже договаривались раньше", "لا نطلب أكثر مما اتُّفق عليه من قبل"),
    ],
    roles: &[
        role("a senior diplomat involved in the talks", "высокопоставленный дипломат, участвующий в переговорах", "الدبلوماسي الرفيع المشارك في المحادثات", "الدبلوماسية الرفيعة المشاركة في المحادثات"),
        role("a spokesperson for the delegation", "официальный представитель делегации", "المتحدث باسم الوفد", "المتحدثة باسم الوفد"),
        role("an adviser to the foreign ministry", "советник министерства иностранных дел", "المستشار في وزارة الخارجية", "المستشارة في وزارة الخارجية"),
    ],
};

#[rustfmt::skip]
const AID: Beat = Beat {
    tag: tag::AID,
    shots: &[shot::CAMP, shot::AID_QUEUE],
    places: &[AMMAN, BEIRUT, NAIROBI, CAIRO, ISTANBUL, LAGOS],
    actors: &[
        actor("UN refugee agency", "the UN refugee agency", "Агентство ООН по делам беженцев", N, "المفوضية الأممية لشؤون اللاجئين", true).kind(1),
        actor("UN food agency", "the UN food agency", "Продовольственное агентство ООН", N, "وكالة الغذاء الأممية", true).kind(1),
        actor("Red Crescent", "the Red Crescent", "Красный Полумесяц", M, "الهلال الأحمر", false).kind(2),
        actor("Aid coalition", "a coalition of aid groups", "Коалиция гуманитарных организаций", F, "تحالف منظمات الإغاثة", false).kind(2),
        actor("Health ministry", "the health ministry", "Министерство здравоохранения", N, "وزارة الصحة", true).kind(4),
    ],
    actions: &[
        action("appeals for {money} in emergency aid", "appealed for {money} in emergency aid", "обратился с призывом выделить {money} на экстренную помощь", "يطلق", "أطلق", "نداءً لجمع {money} لتمويل المساعدات الطارئة").only(1 | 2),
        action("warns of food shortages in camps", "warned of severe food shortages in camps for displaced families", "предупредил о серьёзной нехватке продовольствия в лагерях для вынужденных переселенцев", "يحذر", "حذر", "من نقص حاد في الغذاء داخل مخيمات النازحين").tag(tag::REFUGEES),
        action("opens shelter for {num},000 displaced people", "opened a new shelter for {num},000 displaced people", "открыл новый пункт временного размещения на {num} тыс. вынужденных переселенцев", "يفتتح", "افتتح", "مركز إيواء جديدًا يتسع لـ{num} ألف نازح").only(1 | 2).tag(tag::REFUGEES),
        action("cuts rations as funding runs short", "cut food rations as funding ran short", "сократил продовольственные пайки из-за нехватки финансирования", "يقلص", "قلص", "الحصص الغذائية بسبب نقص التمويل").only(1),
        action("starts vaccination drive in camps", "started a vaccination campaign in the camps after an outbreak of measles", "начал кампанию вакцинации в лагерях после вспышки кори", "يبدأ", "بدأ", "حملة تطعيم في المخيمات إثر تفشي الحصبة").only(2 | 4),
        action("delivers first aid convoy in weeks", "delivered its first aid convoy in weeks to villages cut off by the fighting", "доставил первый за несколько недель гуманитарный конвой в отрезанные боями сёла", "يوصل", "أوصل", "أول قافلة مساعدات منذ أسابيع إلى القرى التي عزلها القتال").only(1 | 2),
        action("warns of cholera risk after floods", "warned of a risk of cholera after floods contaminated water supplies", "предупредил о риске вспышки холеры после того, как наводнение загрязнило источники воды", "يحذر", "حذر", "من خطر تفشي الكوليرا بعد أن لوثت الفيضانات مصادر المياه").only(2 | 4),
    ],
    leads: &[
        tri("Aid officials say the money raised so far covers barely a third of what is needed.", "По словам гуманитарных работников, собранных средств хватает едва ли на треть нужд.", "يقول مسؤولو الإغاثة إن الأموال التي جُمعت حتى الآن لا تكاد تغطي ثلث الاحتياجات."),
        tri("Families in the camps say conditions have worsened since the summer.", "Жители лагерей говорят, что с лета условия стали только хуже.", "يقول سكان المخيمات إن الأوضاع ازدادت سوءًا منذ الصيف."),
        tri("The new site eases pressure on camps that are already full.", "Новый пункт снизит нагрузку на уже переполненные лагеря.", "يخفف الموقع الجديد الضغط عن مخيمات ممتلئة أصلًا."),
        tri("Villages in the area had been cut off since the roads were closed.", "Сёла в этом районе оставались отрезанными с тех пор, как закрыли дороги.", "ظلت القرى في المنطقة معزولة منذ إغلاق الطرق."),
        tri("Doctors fear the disease could spread quickly in crowded shelters.", "Врачи опасаются, что болезнь может быстро распространиться в переполненных пунктах размещения.", "يخشى الأطباء أن ينتشر المرض بسرعة في الملاجئ المكتظة."),
    ],
    lead_fits: &[fits(&[0, 3]), fits(&[1, 3, 4, 6]), fits(&[2]), fits(&[5, 1]), fits(&[4, 6])],
    details: &[
        tri("Many of those arriving have walked for days and have nothing but what they could carry.", "Многие прибывшие несколько дней шли пешком и унесли с собой лишь то, что смогли.", "وقد سار كثير من الوافدين أيامًا، ولا يملكون سوى ما استطاعوا حمله."),
        tri("Water is delivered by lorry, and queues form long before dawn.", "Воду подвозят на грузовиках, и очереди выстраиваются задолго до рассвета.", "وتُنقل المياه بالشاحنات، وتتشكل الطوابير قبل الفجر بوقت طويل."),
        tri("Aid workers in {place} said they had registered more new arrivals this month than in the whole of last year.", "Сотрудники гуманитарных организаций {place_loc} сообщили, что за этот месяц зарегистрировали больше новоприбывших, чем за весь прошлый год.", "وقال عاملون في الإغاثة في {place} إنهم سجلوا هذا الشهر وافدين جددًا أكثر مما سجلوه طوال العام الماضي."),
        tri("Children make up more than half of the people in the camps.", "Более половины обитателей лагерей — дети.", "ويشكل الأطفال أكثر من نصف سكان المخيمات."),
        tri("Winter temperatures in the area regularly fall below freezing.", "Зимой температура в этом районе нередко опускается ниже нуля.", "وكثيرًا ما تنخفض درجات الحرارة في المنطقة شتاءً إلى ما دون الصفر."),
        tri("Local authorities have opened schools and sports halls as temporary shelters.", "Местные власти отдали под временные пункты размещения школы и спортивные залы.", "وفتحت السلطات المحلية المدارس والصالات الرياضية لاستخدامها ملاجئ مؤقتة."),
        tri("Convoys need permission from several armed groups to pass, which can take days.", "Чтобы пропустить конвой, нужно согласие сразу нескольких вооружённых группировок, а на это могут уйти дни.", "وتحتاج القوافل إلى إذن من عدة جماعات مسلحة للمرور، وهو ما قد يستغرق أيامًا."),
        tri("Many families have been displaced more than once.", "Многим семьям пришлось бежать уже не в первый раз.", "ونزحت أسر كثيرة أكثر من مرة."),
        tri("Clinics in the camps report rising cases of malnutrition among young children.", "Медпункты в лагерях сообщают о росте числа случаев истощения у маленьких детей.", "وتفيد العيادات في المخيمات بارتفاع حالات سوء التغذية بين الأطفال الصغار."),
        tri("Fuel shortages have made it harder to run generators and water pumps.", "Из-за нехватки топлива всё труднее обеспечивать работу генераторов и водяных насосов.", "وزاد نقص الوقود من صعوبة تشغيل المولدات ومضخات المياه."),
        tri("Volunteers in {place} have been collecting blankets and warm clothes.", "Волонтёры {place_loc} собирают одеяла и тёплую одежду.", "ويجمع متطوعون في {place} البطانيات والملابس الدافئة."),
    ],
    quotes: &[
        said("We are choosing every day who gets help and who has to wait", "Каждый день мы выбираем, кому помочь сейчас, а кому придётся подождать", "نحن نختار كل يوم من يحصل على المساعدة ومن عليه أن ينتظر"),
        said("People here have lost everything except their dignity", "Люди здесь потеряли всё, кроме достоинства", "فقد الناس هنا كل شيء إلا كرامتهم"),
        said("We can reach them, but only if the roads stay open", "Мы можем до них добраться, но только если дороги останутся открытыми", "بإمكاننا الوصول إليهم، ولكن فقط إذا بقيت الطرق مفتوحة"),
        said("This is not a crisis that will end in a few weeks", "Этот кризис не закончится через пару недель", "هذه ليست أزمة ستنتهي خلال أسابيع قليلة"),
    ],
    roles: &[
        role("the aid coordinator for the region", "координатор гуманитарной помощи в регионе", "منسق جهود الإغاثة في المنطقة", "منسقة جهود الإغاثة في المنطقة"),
        role("a doctor working in the camps", "врач, работающий в лагерях", "الطبيب العامل في المخيمات", "الطبيبة العاملة في المخيمات"),
        role("a spokesperson for the relief effort", "официальный представитель гуманитарной миссии", "المتحدث باسم بعثة الإغاثة", "المتحدثة باسم بعثة الإغاثة"),
    ],
};

#[rustfmt::skip]
const CLIMATE: Beat = Beat {
    tag: tag::CLIMATE,
    shots: &[shot::SUMMIT, shot::WATERFRONT, shot::WIND],
    places: &[GENEVA, DUBAI, SINGAPORE, TOKYO, LAGOS, LONDON, NEW_YORK, ISTANBUL, NAIROBI, BRUSSELS],
    actors: &[
        actor("Climate summit", "the climate summit", "Климатический саммит", M, "قمة المناخ", true).kind(2),
        actor("UN climate panel", "the UN climate panel", "Климатическая группа ООН", F, "الهيئة الأممية المعنية بالمناخ", true).kind(1),
        actor("Island states' alliance", "the alliance of island states", "Альянс малых островных государств", M, "تحالف الدول الجزرية", false).kind(2),
        actor("Environment minister", "the environment minister", "Министр экологии", M, "وزير البيئة", false).kind(4),
    ],
    actions: &[
        action("agrees on fund for climate damage", "agreed on a fund to help poorer countries recover from climate disasters", "договорился о создании фонда помощи бедным странам, пострадавшим от климатических катастроф", "يتفق", "اتفق", "على إنشاء صندوق لمساعدة الدول الفقيرة على التعافي من الكوارث المناخية").only(2),
        action("warns seas are rising faster than expected", "warned that sea levels are rising faster than scientists had expected", "предупредил, что уровень моря растёт быстрее, чем ожидали учёные", "يحذر", "حذر", "من أن مستوى سطح البحر يرتفع بوتيرة أسرع مما توقعه العلماء"),
        action("sets target to cut emissions by {pct}%", "set a target to cut emissions by {pct}% by the end of the decade", "поставил цель сократить выбросы на {pct}% к концу десятилетия", "يحدد", "حدد", "هدفًا لخفض الانبعاثات بنسبة {pct}% بحلول نهاية العقد").only(2 | 4),
        action("pledges {money} for flood defences", "pledged {money} for flood defences in coastal cities", "пообещал выделить {money} на защиту прибрежных городов от наводнений", "يتعهد", "تعهد", "بتقديم {money} لحماية المدن الساحلية من الفيضانات").only(2 | 4),
        action("calls for end to new coal plants", "called for an end to the building of new coal-fired power stations", "призвал отказаться от строительства новых угольных электростанций", "يدعو", "دعا", "إلى وقف بناء محطات جديدة لتوليد الكهرباء بالفحم"),
        action("delays deal on carbon markets", "put off a deal on the rules for carbon markets until next year", "отложил соглашение о правилах углеродных рынков до следующего года", "يرجئ", "أرجأ", "الاتفاق على قواعد أسواق الكربون إلى العام المقبل").only(2),
        action("publishes report on deadly heatwaves", "published a report finding that deadly heatwaves have become {pct}% more frequent", "опубликовал доклад, согласно которому смертоносная жара стала повторяться на {pct}% чаще", "ينشر", "نشر", "تقريرًا يفيد بأن موجات الحر القاتلة باتت أكثر تكرارًا بنسبة {pct}%").only(1).tag(tag::UN),
    ],
    leads: &[
        tri("Campaigners called the outcome a first step, but said it came years too late.", "Активисты назвали итог первым шагом, но заметили, что он сделан с опозданием на годы.", "وصف ناشطون النتيجة بأنها خطوة أولى، لكنهم قالوا إنها جاءت متأخرة سنوات."),
        tri("Low-lying countries say their survival depends on what happens next.", "Низменные страны говорят, что от дальнейших шагов зависит само их существование.", "تقول الدول المنخفضة إن بقاءها مرهون بما سيحدث لاحقًا."),
        tri("Scientists say the findings leave little room for delay.", "По словам учёных, эти данные почти не оставляют времени на раскачку.", "يقول العلماء إن هذه النتائج لا تترك مجالًا يُذكر للتأجيل."),
        tri("Energy-hungry economies have resisted similar calls before.", "Энергоёмкие экономики и раньше сопротивлялись подобным призывам.", "سبق أن قاومت الاقتصادات المتعطشة للطاقة دعوات مماثلة."),
    ],
    lead_fits: &[fits(&[0, 2, 3, 5]), fits(&[0, 1, 3]), fits(&[1, 4, 6]), fits(&[2, 4, 5])],
    details: &[
        tri("Delegates from almost two hundred countries have been meeting in {place} for nearly two weeks.", "Делегаты почти двухсот стран уже почти две недели заседают {place_loc}.", "ويجتمع مندوبون من نحو مئتي دولة في {place} منذ قرابة أسبوعين."),
        tri("Last year was the hottest since records began, and this year is on course to come close.", "Прошлый год стал самым жарким за всю историю наблюдений, и нынешний может от него не отстать.", "وكان العام الماضي الأشد حرارة منذ بدء التسجيل، ويسير العام الحالي على النهج نفسه."),
        tri("Several coastal cities have already raised sea walls and moved homes away from the shore.", "Ряд прибрежных городов уже нарастил дамбы и переселил жителей подальше от берега.", "وقد رفعت مدن ساحلية عدة أسوارها البحرية ونقلت منازل بعيدًا عن الشاطئ."),
        tri("Poorer countries say the money promised in earlier rounds has been slow to arrive.", "Бедные страны жалуются, что обещанные ранее деньги поступают с большим опозданием.", "وتقول الدول الفقيرة إن الأموال الموعودة في الجولات السابقة تصل ببطء شديد."),
        tri("The talks ran through the night before the final text was agreed.", "Переговоры продолжались всю ночь, прежде чем удалось согласовать окончательный текст.", "واستمرت المفاوضات طوال الليل قبل الاتفاق على النص النهائي."),
        tri("Floods and droughts have caused more than {money} of damage across the region this year.", "Наводнения и засухи нанесли в этом году региону ущерб более чем на {money}.", "وتسببت الفيضانات وموجات الجفاف هذا العام في أضرار تجاوزت {money} في أنحاء المنطقة."),
        tri("Insurance companies have begun raising premiums in areas prone to flooding.", "Страховые компании начали повышать тарифы в районах, подверженных наводнениям.", "وبدأت شركات التأمين رفع أقساطها في المناطق المعرضة للفيضانات."),
        tri("Coral reefs and fisheries in the region are already showing signs of stress.", "Коралловые рифы и рыбные промыслы региона уже демонстрируют признаки угнетения.", "وتظهر بالفعل علامات الإجهاد على الشعاب المرجانية ومصائد الأسماك في المنطقة."),
        tri("Young activists in {place} have held weekly protests since the spring.", "Молодые активисты {place_loc} с весны каждую неделю выходят на протесты.", "وينظم ناشطون شباب في {place} احتجاجات أسبوعية منذ الربيع."),
        tri("Several countries have yet to publish updated plans for cutting emissions.", "Ряд стран до сих пор не опубликовал обновлённые планы сокращения выбросов.", "ولم تنشر دول عدة بعد خططها المحدّثة لخفض الانبعاثات."),
    ],
    quotes: &[
        said("For us this is not about targets on paper, it is about whether our islands survive", "Для нас речь идёт не о цифрах на бумаге, а о том, уцелеют ли наши острова", "بالنسبة إلينا لا يتعلق الأمر بأهداف على الورق، بل ببقاء جزرنا أو زوالها"),
        said("We did not get everything we wanted, but we did not leave empty-handed", "Мы получили не всё, чего хотели, но и с пустыми руками не ушли", "لم نحصل على كل ما أردناه، لكننا لم نخرج بأيدٍ فارغة"),
        said("The science is clear, and the public is ahead of the politicians", "Наука однозначна, а общество в этом вопросе опережает политиков", "العلم واضح، والرأي العام يسبق السياسيين في هذا الشأن"),
    ],
    roles: &[
        role("a lead negotiator at the talks", "один из ведущих переговорщиков", "كبير المفاوضين في المحادثات", "كبيرة المفاوضين في المحادثات"),
        role("a member of the host country's delegation", "член делегации принимающей страны", "عضو وفد البلد المضيف", "عضوة وفد البلد المضيف"),
        role("a climate scientist advising the talks", "климатолог, консультирующий участников переговоров", "عالم المناخ الذي يقدم المشورة للمفاوضين", "عالمة المناخ التي تقدم المشورة للمفاوضين"),
    ],
};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    beats: &[DIPLOMACY, AID, CLIMATE],
    context: &[
        tri("The United Nations has warned that this year's appeals are the least funded in a decade.", "ООН предупреждает, что нынешние гуманитарные призывы профинансированы хуже, чем когда-либо за последние десять лет.", "وحذرت الأمم المتحدة من أن نداءات هذا العام هي الأقل تمويلًا منذ عقد."),
        tri("Regional powers have their own interests in the outcome, which complicates every negotiation.", "У региональных держав есть собственные интересы, и это осложняет любые переговоры.", "وللقوى الإقليمية مصالحها الخاصة في النتيجة، ما يعقّد أي مفاوضات."),
        tri("Donor governments have cut foreign aid budgets by {pct2}% on average over the past two years.", "За последние два года страны-доноры сократили бюджеты внешней помощи в среднем на {pct2}%.", "وخفضت الحكومات المانحة ميزانيات المساعدات الخارجية بنسبة {pct2}% في المتوسط خلال العامين الماضيين."),
        tri("The issue is expected to dominate the meeting of foreign ministers in {place} next month.", "Ожидается, что эта тема станет главной на встрече министров иностранных дел {place_loc} в следующем месяце.", "ومن المتوقع أن تهيمن هذه القضية على اجتماع وزراء الخارجية في {place} الشهر المقبل."),
        tri("Earlier agreements on the same questions were signed with fanfare and then quietly ignored.", "Прежние договорённости по тем же вопросам подписывались с помпой, а затем тихо забывались.", "ووُقّعت اتفاقات سابقة بشأن المسائل نفسها وسط احتفاء كبير، ثم جرى تجاهلها بهدوء."),
        tri("Millions of people in the region depend on aid for at least part of their food.", "Миллионы жителей региона хотя бы частично зависят от продовольственной помощи.", "ويعتمد ملايين الأشخاص في المنطقة على المساعدات لتأمين جزء على الأقل من غذائهم."),
        tri("Independent researchers say the situation on the ground has changed little in the past year.", "Независимые исследователи отмечают, что за последний год ситуация на месте почти не изменилась.", "ويقول باحثون مستقلون إن الوضع على الأرض لم يتغير كثيرًا خلال العام الماضي."),
        tri("Governments in the region meet regularly, but rarely agree on more than a joint statement.", "Правительства стран региона регулярно встречаются, но редко договариваются о чём-то большем, чем совместное заявление.", "وتلتقي حكومات المنطقة بانتظام، لكنها نادرًا ما تتفق على أكثر من بيان مشترك."),
        tri("Diplomats in {place} say the region has rarely been so unsettled.", "Дипломаты {place_loc} говорят, что регион редко бывал настолько неспокойным.", "ويقول دبلوماسيون في {place} إن المنطقة نادرًا ما شهدت هذا القدر من الاضطراب."),
        tri("Shipping and food prices in the region have risen sharply this year.", "Цены на перевозки и продовольствие в регионе в этом году резко выросли.", "وارتفعت أسعار الشحن والغذاء في المنطقة بشكل حاد هذا العام."),
        tri("Several neighbouring governments face elections in the coming year.", "В ряде соседних стран в следующем году пройдут выборы.", "وتواجه حكومات مجاورة عدة انتخابات خلال العام المقبل."),
        tri("The UN General Assembly discussed the region's problems at length in the autumn.", "Осенью Генеральная Ассамблея ООН подробно обсуждала проблемы региона.", "وناقشت الجمعية العامة للأمم المتحدة مشكلات المنطقة بإسهاب في الخريف."),
        tri("International attention has shifted repeatedly from one crisis to another over the past year.", "За последний год внимание мирового сообщества не раз переключалось с одного кризиса на другой.", "وتنقّل الاهتمام الدولي مرارًا من أزمة إلى أخرى خلال العام الماضي."),
        tri("Roads and bridges damaged in recent years have still not been repaired.", "Дороги и мосты, разрушенные в последние годы, до сих пор не восстановлены.", "ولم تُصلح بعد الطرق والجسور التي تضررت في السنوات الأخيرة."),
        tri("Money sent home by relatives abroad keeps many families in the region afloat.", "Многие семьи в регионе держатся на плаву благодаря переводам от родственников из-за рубежа.", "وتساعد التحويلات المالية من الأقارب في الخارج أسرًا كثيرة في المنطقة على الصمود."),
        tri("Local journalists say access to some areas has become harder since the summer.", "Местные журналисты говорят, что с лета попасть в некоторые районы стало сложнее.", "ويقول صحفيون محليون إن الوصول إلى بعض المناطق بات أصعب منذ الصيف."),
    ],
    analysis: &[
        tri("What happens here is likely to shape how similar disputes are handled elsewhere.", "Происходящее здесь, скорее всего, определит, как будут решаться подобные споры в других местах.", "ومن المرجح أن يحدد ما يجري هنا طريقة التعامل مع قضايا مماثلة في أماكن أخرى."),
        tri("For the people most affected, the test is simple: whether anything changes on the ground.", "Для тех, кого это касается больше всего, критерий простой: изменится ли что-то на деле.", "أما بالنسبة إلى الأكثر تضررًا، فالمعيار بسيط: هل سيتغير شيء على أرض الواقع؟"),
        tri("The outcome will also be read as a measure of how much influence the United Nations still has.", "Итог будут воспринимать и как показатель того, сколько влияния у ООН ещё осталось.", "وستُقرأ النتيجة أيضًا على أنها مقياس لما تبقى للأمم المتحدة من نفوذ."),
        tri("Much depends on whether the money and the political will last beyond the headlines.", "Многое зависит от того, хватит ли денег и политической воли, когда тема уйдёт с первых полос.", "ويتوقف الكثير على ما إذا كانت الأموال والإرادة السياسية ستصمد بعد أن تخفت الأضواء."),
        tri("The risk, diplomats say, is that a fragile calm is mistaken for a solution.", "Риск, по словам дипломатов, в том, что хрупкое затишье примут за решение проблемы.", "ويقول دبلوماسيون إن الخطر يكمن في الخلط بين هدوء هش وحل حقيقي."),
        tri("Few expect a quick breakthrough, but many see a chance that did not exist a year ago.", "Мало кто ждёт быстрого прорыва, но многие видят шанс, которого год назад не было.", "ولا يتوقع كثيرون اختراقًا سريعًا، لكن كثيرين يرون فرصة لم تكن متاحة قبل عام."),
        tri("The coming months will show whether words turn into money and action.", "Ближайшие месяцы покажут, превратятся ли слова в деньги и действия.", "وستكشف الأشهر المقبلة ما إذا كانت الأقوال ستتحول إلى أموال وأفعال."),
        tri("Neighbouring countries have as much at stake as the parties themselves.", "Соседним странам есть что терять не меньше, чем самим сторонам.", "وللدول المجاورة مصلحة في النتيجة لا تقل عن مصلحة الأطراف المعنية نفسها."),
    ],
    reactions: &[
        tri("Rights groups welcomed the step but said it must be followed by action.", "Правозащитники приветствовали этот шаг, но подчеркнули, что за ним должны последовать действия.", "ورحبت منظمات حقوقية بالخطوة، لكنها شددت على ضرورة أن تتبعها أفعال."),
        tri("Neighbouring governments issued cautious statements of support.", "Правительства соседних стран выступили с осторожными заявлениями в поддержку.", "وأصدرت حكومات الدول المجاورة بيانات تأييد حذرة."),
        tri("Opposition figures accused the government of giving away too much for too little.", "Оппозиционеры обвинили правительство в том, что оно слишком многим поступилось ради слишком малого.", "واتهمت شخصيات معارضة الحكومة بتقديم الكثير مقابل القليل."),
        tri("Residents interviewed by Newsdesk in {place} doubted that anything would change.", "Жители, с которыми поговорили корреспонденты Newsdesk {place_loc}, сомневаются, что что-то изменится.", "وأبدى سكان تحدث إليهم موقع Newsdesk في {place} تشككهم في حدوث أي تغيير."),
        tri("Aid agencies said they were ready to scale up quickly if access was guaranteed.", "Гуманитарные организации заявили, что готовы быстро нарастить помощь, если им гарантируют доступ.", "وقالت وكالات الإغاثة إنها مستعدة لتوسيع عملها بسرعة إذا ضُمن لها الوصول."),
        tri("A spokesperson for the UN secretary-general said he was following developments closely.", "Официальный представитель генсека ООН заявил, что тот внимательно следит за развитием событий.", "وقال متحدث باسم الأمين العام للأمم المتحدة إنه يتابع التطورات عن كثب."),
        tri("Some analysts called the move overdue; others said it was premature.", "Одни аналитики назвали этот шаг запоздалым, другие — преждевременным.", "ووصف بعض المحللين الخطوة بأنها متأخرة، فيما رأى آخرون أنها سابقة لأوانها."),
        tri("Refugee groups said their members wanted above all to know when they could go home.", "Объединения беженцев заявили, что их члены прежде всего хотят знать, когда смогут вернуться домой.", "وقالت جمعيات اللاجئين إن أعضاءها يريدون قبل كل شيء معرفة موعد عودتهم إلى ديارهم."),
    ],
    outlook: &[
        tri("A follow-up meeting is planned for next month, when officials hope to agree a timetable.", "Следующая встреча запланирована на следующий месяц: к ней стороны надеются согласовать график.", "ومن المقرر عقد اجتماع متابعة الشهر المقبل، يأمل المسؤولون أن يتفقوا خلاله على جدول زمني."),
        tri("Observers will be watching whether the promises made this week survive the first setback.", "Наблюдатели будут следить за тем, переживут ли данные на этой неделе обещания первую же неудачу.", "وسيراقب المتابعون ما إذا كانت الوعود التي قُطعت هذا الأسبوع ستصمد أمام أول انتكاسة."),
        tri("The UN secretary-general is expected to report on progress before the end of the year.", "Ожидается, что генсек ООН отчитается о ходе работы до конца года.", "ومن المتوقع أن يقدم الأمين العام للأمم المتحدة تقريرًا عن التقدم المحرز قبل نهاية العام."),
        tri("Much of the detail is still to be negotiated, and that is where earlier efforts failed.", "Многие детали ещё предстоит согласовать, и именно на этом этапе проваливались прежние попытки.", "ولا يزال كثير من التفاصيل بحاجة إلى تفاوض، وعند هذه المرحلة بالذات فشلت المحاولات السابقة."),
        tri("Donors are due to meet in {place} in the spring to decide on funding for next year.", "Весной доноры соберутся {place_loc}, чтобы решить вопрос о финансировании на следующий год.", "ومن المقرر أن يجتمع المانحون في {place} في الربيع للبت في تمويل العام المقبل."),
        tri("Foreign ministers from the region are expected to discuss the issue at their next meeting.", "Ожидается, что министры иностранных дел стран региона обсудят этот вопрос на следующей встрече.", "ومن المتوقع أن يناقش وزراء خارجية دول المنطقة المسألة في اجتماعهم المقبل."),
        tri("Aid agencies have warned that the winter months will be the hardest test.", "Гуманитарные организации предупреждают, что самым тяжёлым испытанием станут зимние месяцы.", "وحذرت وكالات الإغاثة من أن أشهر الشتاء ستكون الاختبار الأصعب."),
    ],
    quotes: &[
        tri("Statements are easy; the hard part is what happens the morning after", "Делать заявления легко, трудности начинаются на следующее утро", "إصدار البيانات أمر سهل، أما الصعب فهو ما يحدث في صباح اليوم التالي"),
        tri("This is a genuine opening, and it would be a mistake to waste it", "Это реальная возможность, и было бы ошибкой её упустить", "هذه فرصة حقيقية، وسيكون تفويتها خطأً"),
        tri("The people who pay for these failures are never the ones in the room", "За такие провалы расплачиваются вовсе не те, кто сидит за столом переговоров", "من يدفعون ثمن هذا الإخفاق ليسوا أبدًا الجالسين إلى طاولة المفاوضات"),
        tri("We have seen this pattern before, and it rarely ends well", "Мы это уже видели, и обычно это плохо заканчивается", "رأينا هذا النمط من قبل، ونادرًا ما ينتهي على خير"),
    ],
    roles: &[
        role("a former ambassador", "бывший посол", "السفير السابق", "السفيرة السابقة"),
        role("a researcher at the Institute for Global Affairs", "научный сотрудник Института глобальных проблем", "الباحث في معهد الشؤون الدولية", "الباحثة في معهد الشؤون الدولية"),
        role("a professor of international relations", "профессор международных отношений", "أستاذ العلاقات الدولية", "أستاذة العلاقات الدولية"),
    ],
    figures: &[
        figure(Thousands, 40, 900, "people forced from their homes in the region this year", "столько человек в регионе покинули свои дома в этом году", "عدد من اضطروا إلى ترك منازلهم في المنطقة هذا العام"),
        figure(Pct, 120, 480, "the share of this year's UN appeals that has been funded", "такая доля гуманитарных призывов ООН на этот год профинансирована", "نسبة ما مُوّل من نداءات الأمم المتحدة لهذا العام"),
        figure(Money, 200, 900, "pledged by donors at the last conference", "столько пообещали доноры на последней конференции", "قيمة تعهدات المانحين في المؤتمر الأخير"),
        figure(Pct, 2, 9, "the share of national income rich countries give in aid, on average", "такую долю национального дохода богатые страны в среднем направляют на помощь", "متوسط نسبة الدخل القومي التي تخصصها الدول الغنية للمساعدات"),
        figure(Plain, 15, 60, "the number of aid agencies working in the region", "столько гуманитарных организаций работают в регионе", "عدد وكالات الإغاثة العاملة في المنطقة"),
    ],
};
