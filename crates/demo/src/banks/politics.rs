//! Politics: parliaments and budgets, elections, courts and city halls.

use super::common::*;
use super::newsroom::tag;
use super::photo_text as shot;
use super::{Beat, NewsBank, Unit::*, action, actor, figure, fits, role, said};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
const PARLIAMENT: Beat = Beat {
    tag: tag::PARLIAMENT,
    shots: &[shot::PARLIAMENT, shot::PROTEST],
    places: &CAPITALS,
    actors: &[
        actor("Parliament", "parliament", "Парламент", M, "البرلمان", false).kind(1),
        actor("Upper house", "the upper house", "Верхняя палата парламента", F, "مجلس الشيوخ", false).kind(1),
        actor("Finance minister", "the finance minister", "Министр финансов", M, "وزير المالية", false).kind(8),
        actor("Governing coalition", "the governing coalition", "Правящая коалиция", F, "الائتلاف الحاكم", false).kind(4),
        actor("Prime minister", "the prime minister", "Премьер-министр", M, "رئيس الوزراء", false).kind(2),
    ],
    actions: &[
        action("passes budget with {money} for hospitals", "passed next year's budget, including {money} for hospitals", "принял бюджет на следующий год, в котором на нужды больниц заложено {money}", "يقر", "أقر", "موازنة العام المقبل التي تتضمن {money} للمستشفيات").only(1 | 4).tag(tag::BUDGET),
        action("rejects bill on party funding", "rejected a bill that would have tightened the rules on party funding", "отклонил законопроект об ужесточении правил финансирования партий", "يرفض", "رفض", "مشروع قانون لتشديد قواعد تمويل الأحزاب").only(1),
        action("postpones vote on pension reform", "postponed a vote on the pension reform", "отложил голосование по пенсионной реформе", "يؤجل", "أجل", "التصويت على إصلاح نظام التقاعد").only(1 | 4),
        action("unveils tax cut for low earners", "unveiled a tax cut for people on low incomes", "представил план снижения налогов для граждан с низкими доходами", "يكشف", "كشف", "عن خفض للضرائب على أصحاب الدخل المحدود").only(2 | 8).tag(tag::BUDGET),
        action("survives confidence vote", "survived a vote of confidence by a narrow margin", "пережил вотум недоверия с минимальным перевесом", "ينجو", "نجا", "من تصويت على حجب الثقة بفارق ضئيل").only(2 | 4),
        action("launches inquiry into public contracts", "launched an inquiry into how public contracts were awarded", "начал расследование того, как распределялись государственные контракты", "يفتح", "فتح", "تحقيقًا في طريقة منح العقود الحكومية").only(1),
        action("raises taxes on tobacco and alcohol", "raised taxes on tobacco and alcohol to help balance the budget", "повысил налоги на табак и алкоголь, чтобы сбалансировать бюджет", "يرفع", "رفع", "الضرائب على التبغ والكحول لتحقيق التوازن في الموازنة").only(1 | 8).tag(tag::BUDGET),
        action("announces cabinet reshuffle", "announced a cabinet reshuffle after weeks of infighting", "объявил о перестановках в правительстве после нескольких недель внутренних распрей", "يعلن", "أعلن", "تعديلًا وزاريًا بعد أسابيع من الخلافات الداخلية").only(2),
    ],
    leads: &[
        tri("The decision sets up a difficult few months for the governing coalition.", "Это решение сулит правящей коалиции несколько непростых месяцев.", "يضع هذا القرار الائتلاف الحاكم أمام أشهر صعبة."),
        tri("Polls suggest voters are split almost evenly on the issue.", "Опросы показывают, что мнения избирателей по этому вопросу разделились почти поровну.", "تشير استطلاعات الرأي إلى انقسام الناخبين بالتساوي تقريبًا حول هذه القضية."),
        tri("Critics say the measure was rushed through without proper scrutiny.", "Критики считают, что мера была принята в спешке и без должного обсуждения.", "يقول منتقدون إن الإجراء مُرّر على عجل ودون تدقيق كافٍ."),
        tri("The vote was the first big test of the new cabinet.", "Голосование стало первым серьёзным испытанием для нового кабинета.", "كان التصويت أول اختبار كبير للحكومة الجديدة."),
        tri("Economists say the numbers only add up if growth picks up next year.", "Экономисты считают, что цифры сойдутся, только если в следующем году ускорится рост.", "يقول اقتصاديون إن الأرقام لن تستقيم إلا إذا تسارع النمو العام المقبل."),
        tri("Opposition parties had demanded the inquiry for months.", "Оппозиция добивалась этого расследования несколько месяцев.", "كانت أحزاب المعارضة تطالب بهذا التحقيق منذ أشهر."),
        tri("The prime minister's authority has been in question since the spring.", "Авторитет премьер-министра ставится под сомнение с весны.", "تتعرض سلطة رئيس الوزراء للتشكيك منذ الربيع."),
    ],
    lead_fits: &[fits(&[1, 2, 5, 7]), fits(&[2, 3, 6]), fits(&[0, 6]), fits(&[0, 1, 4]), fits(&[0, 3, 6]), fits(&[5]), fits(&[4, 7])],
    details: &[
        tri("The debate in the chamber lasted more than eleven hours.", "Дебаты в зале заседаний продолжались более одиннадцати часов.", "واستمر النقاش تحت قبة البرلمان أكثر من إحدى عشرة ساعة."),
        tri("The bill had already been amended twice in committee.", "Законопроект уже дважды дорабатывался в профильном комитете.", "وكان مشروع القانون قد عُدّل مرتين في اللجنة المختصة."),
        tri("Several members of the governing party abstained rather than vote against their own leadership.", "Несколько депутатов от правящей партии воздержались, чтобы не голосовать против собственного руководства.", "وامتنع عدد من نواب الحزب الحاكم عن التصويت تجنبًا للتصويت ضد قيادتهم."),
        tri("Protesters gathered outside parliament in {place} as members arrived for the session.", "Пока депутаты съезжались на заседание, у здания парламента {place_loc} собрались протестующие.", "وتجمع محتجون أمام مقر البرلمان في {place} لدى وصول النواب لحضور الجلسة."),
        tri("The finance ministry estimates the measures will cost {money} in their first year.", "По оценке министерства финансов, в первый год эти меры обойдутся в {money}.", "وتقدّر وزارة المالية كلفة هذه الإجراءات في عامها الأول بـ{money}."),
        tri("Government lawyers spent the weekend redrafting the most disputed clauses.", "Правительственные юристы провели выходные, переписывая самые спорные пункты.", "وأمضى محامو الحكومة عطلة نهاية الأسبوع في إعادة صياغة البنود الأكثر إثارة للجدل."),
        tri("The opposition had tabled more than two hundred amendments.", "Оппозиция внесла более двухсот поправок.", "وكانت المعارضة قد تقدمت بأكثر من مئتي تعديل."),
        tri("The public gallery in parliament has been full for most of the week.", "Места для публики в парламенте почти всю неделю заняты.", "وظلت مقاعد الجمهور في البرلمان ممتلئة معظم أيام الأسبوع."),
        tri("Ministers have spent weeks trying to win over wavering members of their own party.", "Министры несколько недель пытались переубедить колеблющихся однопартийцев.", "وأمضى الوزراء أسابيع في محاولة استمالة المترددين من أعضاء حزبهم."),
        tri("The government's majority has shrunk after two defections this year.", "После того как в этом году двое депутатов покинули фракцию, правительственное большинство сократилось.", "وتقلصت أغلبية الحكومة بعد انشقاق نائبين هذا العام."),
        tri("Officials in {place} briefed journalists late into the evening.", "Чиновники {place_loc} до позднего вечера давали журналистам разъяснения.", "وقدّم مسؤولون في {place} إحاطات للصحفيين حتى وقت متأخر من المساء."),
    ],
    quotes: &[
        said("Voters expect us to deliver, not to argue among ourselves", "Избиратели ждут от нас результатов, а не споров между собой", "الناخبون ينتظرون منا نتائج لا خلافات داخلية"),
        said("This protects the services people rely on every day", "Это защитит услуги, на которые люди полагаются каждый день", "هذا يحمي الخدمات التي يعتمد عليها الناس يوميًا"),
        said("We listened, we changed the text, and now it is time to decide", "Мы выслушали все стороны, изменили текст, и теперь пора принимать решение", "استمعنا وعدّلنا النص، وحان الآن وقت الحسم"),
        said("Nobody should be surprised by this result", "Этот результат никого не должен удивлять", "لا ينبغي أن تفاجئ هذه النتيجة أحدًا"),
    ],
    roles: &[
        role("the chair of the budget committee", "председатель бюджетного комитета", "رئيس لجنة الموازنة", "رئيسة لجنة الموازنة"),
        role("a government spokesperson", "официальный представитель правительства", "المتحدث باسم الحكومة", "المتحدثة باسم الحكومة"),
        role("the leader of the governing party in parliament", "руководитель фракции правящей партии", "رئيس كتلة الحزب الحاكم في البرلمان", "رئيسة كتلة الحزب الحاكم في البرلمان"),
    ],
};

#[rustfmt::skip]
const ELECTIONS: Beat = Beat {
    tag: tag::ELECTIONS,
    shots: &[shot::RALLY, shot::PARLIAMENT, shot::CITY_CENTRE],
    places: &CAPITALS,
    actors: &[
        actor("Opposition leader", "the opposition leader", "Лидер оппозиции", M, "زعيم المعارضة", false).kind(2),
        actor("Prime minister", "the prime minister", "Премьер-министр", M, "رئيس الوزراء", false).kind(4),
        actor("Governing party", "the governing party", "Правящая партия", F, "الحزب الحاكم", false).kind(8),
        actor("Green party", "the Green party", "Партия зелёных", F, "حزب الخضر", false).kind(2),
        actor("Centrist alliance", "the centrist alliance", "Центристский альянс", M, "التحالف الوسطي", false).kind(2),
    ],
    actions: &[
        action("calls snap election", "called a snap election for the spring", "назначил досрочные выборы на весну", "يدعو", "دعا", "إلى انتخابات مبكرة في الربيع").only(4),
        action("publishes manifesto promising free childcare", "published a manifesto promising free childcare", "опубликовал предвыборную программу с обещанием бесплатных детских садов", "ينشر", "نشر", "برنامجًا انتخابيًا يعد برياض أطفال مجانية").only(2 | 8),
        action("wins by-election in closely watched seat", "won a by-election in a closely watched district", "победил на дополнительных выборах в округе, за которым следила вся страна", "يفوز", "فاز", "في انتخابات فرعية بدائرة تحظى بمتابعة واسعة").only(2 | 8),
        action("launches campaign with pledge to cap rents", "launched an election campaign with a promise to cap rents", "начал предвыборную кампанию с обещания ограничить арендную плату", "يطلق", "أطلق", "حملة انتخابية بوعد بوضع سقف للإيجارات").only(2 | 4 | 8),
        action("agrees to televised debate", "agreed to take part in a televised debate before the vote", "согласился участвовать в телевизионных дебатах перед голосованием", "يوافق", "وافق", "على المشاركة في مناظرة متلفزة قبل الاقتراع").only(2 | 4),
        action("rules out coalition with far right", "ruled out any coalition with the far right", "исключил любую коалицию с ультраправыми", "يستبعد", "استبعد", "أي ائتلاف مع اليمين المتطرف"),
        action("leads polls for first time in years", "took the lead in opinion polls for the first time in years", "возглавил предвыборные рейтинги впервые за несколько лет", "يتصدر", "تصدر", "استطلاعات الرأي للمرة الأولى منذ سنوات").only(2 | 8),
        action("promises to lower voting age to 16", "promised to lower the voting age to 16", "пообещал снизить возраст, с которого можно голосовать, до 16 лет", "يتعهد", "تعهد", "بخفض سن التصويت إلى 16 عامًا").only(2 | 8),
    ],
    leads: &[
        tri("Polls suggest the race is closer than at any election in a generation.", "Судя по опросам, такой упорной борьбы не было уже целое поколение.", "تشير استطلاعات الرأي إلى أن السباق هو الأكثر تقاربًا منذ جيل كامل."),
        tri("Rivals accused the party of making promises it cannot pay for.", "Соперники обвинили партию в обещаниях, на которые нет денег.", "اتهم المنافسون الحزب بإطلاق وعود لا يملك تمويلها."),
        tri("The move reshapes the arithmetic of any future coalition.", "Этот шаг меняет расклад для любой будущей коалиции.", "تعيد هذه الخطوة رسم حسابات أي ائتلاف مقبل."),
        tri("The result is a blow to the governing coalition.", "Этот результат — удар по правящей коалиции.", "تمثل النتيجة ضربة للائتلاف الحاكم."),
        tri("The campaign is expected to turn on housing and the cost of living.", "Ожидается, что в центре кампании окажутся жильё и стоимость жизни.", "من المتوقع أن تتمحور الحملة حول السكن وتكاليف المعيشة."),
    ],
    lead_fits: &[fits(&[0, 2, 3, 4, 6, 7]), fits(&[1, 3, 7]), fits(&[2, 5, 6]), fits(&[2, 6]), fits(&[0, 1, 3, 4])],
    details: &[
        tri("Turnout at the last general election was {pct}%, the lowest in two decades.", "Явка на прошлых парламентских выборах составила {pct}%: это самый низкий показатель за двадцать лет.", "وبلغت نسبة المشاركة في الانتخابات العامة الأخيرة {pct}%، وهي الأدنى منذ عقدين."),
        tri("Election posters went up across {place} this week.", "Первые предвыборные плакаты {place_loc} появились уже на этой неделе.", "وانتشرت الملصقات الانتخابية في أنحاء {place} هذا الأسبوع."),
        tri("Young voters have turned out in growing numbers at recent elections.", "На последних выборах молодёжь голосовала всё активнее.", "وشارك الناخبون الشباب بأعداد متزايدة في الانتخابات الأخيرة."),
        tri("Postal votes are expected to make up a larger share of the total than ever before.", "Ожидается, что доля голосов, поданных по почте, будет рекордной.", "ومن المتوقع أن تشكل الأصوات البريدية حصة غير مسبوقة من إجمالي الأصوات."),
        tri("Each party may spend no more than {money} on its campaign.", "Расходы каждой партии на предвыборную кампанию ограничены суммой {money}.", "ولا يُسمح لأي حزب بإنفاق أكثر من {money} على حملته الانتخابية."),
        tri("International observers have been invited to monitor polling stations.", "Для наблюдения за работой избирательных участков пригласили международных наблюдателей.", "ودُعي مراقبون دوليون لمراقبة مراكز الاقتراع."),
        tri("The two main parties are separated by only a few points in most polls.", "В большинстве опросов две главные партии разделяют лишь несколько процентных пунктов.", "ولا يفصل بين الحزبين الرئيسيين سوى بضع نقاط في معظم استطلاعات الرأي."),
        tri("Canvassers have been knocking on doors across the country from early morning each day.", "Агитаторы каждый день с раннего утра обходят квартиры по всей стране.", "ويطرق متطوعو الحملات الأبواب في أنحاء البلاد منذ الصباح الباكر كل يوم."),
        tri("Campaign spending on social media has doubled since the last election.", "Расходы на агитацию в соцсетях выросли вдвое по сравнению с прошлыми выборами.", "وتضاعف الإنفاق الانتخابي على وسائل التواصل الاجتماعي منذ الانتخابات الماضية."),
        tri("Undecided voters make up about a fifth of the electorate, according to pollsters.", "По данным социологов, около пятой части избирателей пока не определились.", "ويشكل الناخبون المترددون نحو خُمس الناخبين، بحسب خبراء استطلاعات الرأي."),
        tri("Rallies in {place} have drawn bigger crowds than organisers expected.", "Митинги {place_loc} собирают больше людей, чем рассчитывали организаторы.", "واستقطبت التجمعات في {place} حشودًا أكبر مما توقعه المنظمون."),
    ],
    quotes: &[
        said("People want change, and they want it now", "Люди хотят перемен, и хотят их сейчас", "الناس يريدون التغيير، ويريدونه الآن"),
        said("Every vote will count, and we will fight for every one", "Значение будет иметь каждый голос, и мы будем бороться за каждый", "كل صوت له قيمته، وسنقاتل من أجل كل صوت"),
        said("We are taking nothing for granted", "Мы ничего не считаем само собой разумеющимся", "لا نعتبر أي شيء أمرًا مسلّمًا به"),
    ],
    roles: &[
        role("a campaign spokesperson", "представитель предвыборного штаба", "المتحدث باسم الحملة الانتخابية", "المتحدثة باسم الحملة الانتخابية"),
        role("a senior party strategist", "один из ведущих партийных стратегов", "أحد كبار الاستراتيجيين في الحزب", "إحدى كبار الاستراتيجيين في الحزب"),
        role("the party's campaign manager", "руководитель предвыборного штаба партии", "مدير الحملة الانتخابية للحزب", "مديرة الحملة الانتخابية للحزب"),
    ],
};

#[rustfmt::skip]
const COURTS: Beat = Beat {
    tag: tag::COURTS,
    shots: &[shot::SUPREME_COURT, shot::PROTEST],
    places: &CAPITALS,
    actors: &[
        actor("Supreme court", "the supreme court", "Верховный суд", M, "المحكمة العليا", true).kind(1),
        actor("Constitutional court", "the constitutional court", "Конституционный суд", M, "المحكمة الدستورية", true).kind(1),
        actor("Appeals court", "the appeals court", "Апелляционный суд", M, "محكمة الاستئناف", true).kind(1),
        actor("Chief prosecutor", "the chief prosecutor", "Генеральный прокурор", M, "النائب العام", false).kind(2),
    ],
    actions: &[
        action("rules parts of election law unconstitutional", "ruled that parts of the new election law were unconstitutional", "признал часть положений нового избирательного закона неконституционными", "يقضي", "قضى", "بعدم دستورية أجزاء من قانون الانتخابات الجديد").only(1),
        action("overturns ban on protest march", "overturned a ban on a protest march planned for the weekend", "отменил запрет на протестный марш, запланированный на выходные", "يلغي", "ألغى", "حظرًا على مسيرة احتجاجية كانت مقررة في عطلة نهاية الأسبوع").only(1),
        action("orders retrial in corruption case", "ordered a retrial in a high-profile corruption case", "распорядился заново рассмотреть громкое коррупционное дело", "يأمر", "أمر", "بإعادة المحاكمة في قضية فساد بارزة").only(1),
        action("upholds fine against former minister", "upheld a fine against a former minister found guilty of misusing public money", "оставил в силе штраф для бывшего министра, признанного виновным в нецелевом расходовании бюджетных средств", "يؤيد", "أيد", "غرامة بحق وزير سابق أُدين بإساءة استخدام المال العام").only(1),
        action("charges former mayor with fraud", "charged a former mayor with fraud over a housing project", "предъявил бывшему мэру обвинение в мошенничестве при реализации жилищного проекта", "يوجه", "وجه", "تهمة الاحتيال إلى رئيس بلدية سابق في قضية مشروع سكني").only(2),
        action("opens investigation into party donations", "opened an investigation into donations to a political party", "возбудил дело о пожертвованиях одной из политических партий", "يفتح", "فتح", "تحقيقًا في تبرعات قُدمت لأحد الأحزاب السياسية").only(2),
        action("blocks plan to merge regional courts", "blocked a government plan to merge regional courts", "заблокировал план правительства по объединению региональных судов", "يوقف", "أوقف", "خطة حكومية لدمج المحاكم الإقليمية").only(1),
        action("drops charges against two journalists", "dropped charges against two journalists", "снял обвинения с двух журналистов", "يسقط", "أسقط", "التهم عن صحفيَّين اثنين").only(2),
    ],
    leads: &[
        tri("The ruling is likely to be cited in courtrooms for years.", "На это решение, вероятно, ещё долгие годы будут ссылаться в судах.", "من المرجح أن يُستشهد بهذا الحكم في قاعات المحاكم لسنوات."),
        tri("Government ministers said they would study the judgment before responding.", "Члены правительства заявили, что изучат решение, прежде чем его комментировать.", "قال وزراء في الحكومة إنهم سيدرسون الحكم قبل الرد عليه."),
        tri("Campaigners called it a victory for the right to protest and a free press.", "Активисты назвали это победой права на протест и свободы прессы.", "وصف ناشطون ذلك بأنه انتصار للحق في التظاهر ولحرية الصحافة."),
        tri("The case has gripped the country for more than a year.", "За этим делом страна следит уже больше года.", "تشغل هذه القضية الرأي العام في البلاد منذ أكثر من عام."),
    ],
    lead_fits: &[fits(&[0, 1, 2, 3, 6]), fits(&[0, 6]), fits(&[1, 7]), fits(&[2, 3, 4, 5])],
    details: &[
        tri("The judges were divided, with three of the nine dissenting.", "Мнения судей разделились: трое из девяти высказали особое мнение.", "وانقسم القضاة، إذ خالف ثلاثة من أصل تسعة رأي الأغلبية."),
        tri("The full written decision runs to more than two hundred pages.", "Полный текст решения занимает более двухсот страниц.", "ويقع النص الكامل للقرار في أكثر من مئتي صفحة."),
        tri("Lawyers for the defence said they would consider an appeal.", "Адвокаты защиты заявили, что рассмотрят возможность обжалования.", "وقال محامو الدفاع إنهم سيدرسون إمكانية الطعن."),
        tri("A small crowd waited outside the court building in {place} for the decision.", "У здания суда {place_loc} решения дожидалась небольшая группа людей.", "وانتظر حشد صغير أمام مبنى المحكمة في {place} صدور القرار."),
        tri("The case began after a complaint by a group of independent lawyers.", "Дело было возбуждено после жалобы группы независимых юристов.", "وبدأت القضية إثر شكوى تقدمت بها مجموعة من المحامين المستقلين."),
        tri("Prosecutors say the sums involved exceed {money}.", "По данным обвинения, речь идёт о суммах свыше {money}.", "ويقول ممثلو الادعاء إن المبالغ المعنية تتجاوز {money}."),
        tri("Hearings in high-profile cases now regularly draw large crowds.", "Заседания по громким делам теперь регулярно собирают много зрителей.", "وباتت جلسات القضايا البارزة تستقطب بانتظام حشودًا كبيرة."),
        tri("Legal experts say the courts have become more willing to challenge the government.", "Юристы отмечают, что суды стали чаще бросать вызов правительству.", "ويقول خبراء قانونيون إن المحاكم باتت أكثر استعدادًا لتحدي الحكومة."),
        tri("Backlogs in the courts have grown to record levels.", "Число нерассмотренных дел в судах достигло рекордного уровня.", "وبلغ تراكم القضايا في المحاكم مستويات قياسية."),
        tri("Legal aid groups in {place} say demand for their help has never been higher.", "Организации бесплатной юридической помощи {place_loc} говорят, что спрос на их услуги ещё никогда не был так высок.", "وتقول منظمات المساعدة القانونية في {place} إن الطلب على خدماتها لم يكن يومًا أعلى مما هو عليه الآن."),
    ],
    quotes: &[
        said("The law applies to everyone, whatever office they hold", "Закон един для всех, какую бы должность человек ни занимал", "القانون يسري على الجميع أيًا كان المنصب الذي يشغلونه"),
        said("Decisions here are made on the law, not on politics", "Решения здесь принимаются по закону, а не по политическим соображениям", "القرارات هنا تُتخذ وفقًا للقانون لا وفقًا للسياسة"),
        said("The process will follow the evidence wherever it leads", "Процесс пойдёт туда, куда ведут доказательства", "ستمضي الإجراءات حيثما تقودها الأدلة"),
    ],
    roles: &[
        role("a spokesperson for the judiciary", "официальный представитель судебной власти", "المتحدث باسم السلطة القضائية", "المتحدثة باسم السلطة القضائية"),
        role("a senior judicial official", "высокопоставленный сотрудник судебной системы", "المسؤول القضائي الرفيع", "المسؤولة القضائية الرفيعة"),
    ],
};

#[rustfmt::skip]
const CITY: Beat = Beat {
    tag: tag::LOCAL,
    shots: &[shot::CITY_HALL, shot::CITY_CENTRE, shot::MARKET],
    places: &ANYWHERE,
    actors: &[
        actor("City council", "the city council", "Городской совет", M, "المجلس البلدي", false).kind(1),
        actor("Mayor", "the mayor", "Мэр", M, "رئيس البلدية", false).kind(2),
        actor("Regional governor", "the regional governor", "Губернатор", M, "حاكم الإقليم", false).kind(2),
        actor("Transport authority", "the city's transport authority", "Транспортное управление города", N, "هيئة النقل في المدينة", true).kind(4),
    ],
    actions: &[
        action("approves free buses for pensioners and students", "approved free bus travel for pensioners and students", "одобрил бесплатный проезд в автобусах для пенсионеров и студентов", "يقر", "أقر", "مجانية التنقل بالحافلات للمتقاعدين والطلاب").only(1 | 4),
        action("unveils plan to cut red tape", "unveiled a plan to cut red tape for small businesses", "представил план по сокращению бюрократии для малого бизнеса", "يكشف", "كشف", "عن خطة لتقليص الإجراءات البيروقراطية أمام الشركات الصغيرة").only(2),
        action("promises {money} for regional roads", "promised {money} for roads in the region", "пообещал выделить {money} на ремонт дорог в регионе", "يعد", "وعد", "بتخصيص {money} لشبكة الطرق في الإقليم").only(2),
        action("bans cars from historic centre", "banned most cars from the historic centre", "запретил въезд большинства автомобилей в исторический центр", "يحظر", "حظر", "دخول معظم السيارات إلى الوسط التاريخي"),
        action("raises parking fees by {pct}%", "raised parking fees by {pct}%", "повысил плату за парковку на {pct}%", "يرفع", "رفع", "رسوم مواقف السيارات بنسبة {pct}%").only(1 | 4),
        action("freezes local taxes for a year", "froze local taxes for a year", "заморозил местные налоги на год", "يجمد", "جمد", "الضرائب المحلية لمدة عام").only(1 | 2),
        action("opens new tram line", "opened a new tram line linking the centre with the suburbs", "открыл новую трамвайную линию, связавшую центр с пригородами", "يفتتح", "افتتح", "خط ترام جديدًا يربط وسط المدينة بالضواحي").only(2 | 4),
        action("approves {num},000 new social homes", "approved plans for {num},000 new social homes", "одобрил строительство {num} тыс. социальных квартир", "يوافق", "وافق", "على بناء {num} ألف وحدة سكنية اجتماعية").only(1),
    ],
    leads: &[
        tri("Residents have complained for years about congestion and dirty air.", "Жители годами жалуются на пробки и грязный воздух.", "يشكو السكان منذ سنوات من الازدحام وتلوث الهواء."),
        tri("Local businesses are divided over the plan.", "Местный бизнес разошёлся во мнениях насчёт этого плана.", "ينقسم أصحاب الأعمال المحليون حول الخطة."),
        tri("The decision comes months before local elections.", "Решение принято за несколько месяцев до муниципальных выборов.", "يأتي القرار قبل أشهر من الانتخابات المحلية."),
        tri("Housing waiting lists in the city are the longest in the country.", "Очереди на жильё в городе — самые длинные в стране.", "قوائم الانتظار للحصول على سكن في المدينة هي الأطول في البلاد."),
    ],
    lead_fits: &[fits(&[0, 3, 4, 6]), fits(&[1, 3, 4, 5]), fits(&[0, 2, 5, 6, 7]), fits(&[7])],
    details: &[
        tri("The city's population has grown by almost a fifth in ten years.", "За десять лет население города выросло почти на пятую часть.", "ونما عدد سكان المدينة بنحو الخُمس خلال عشر سنوات."),
        tri("Council meetings in {place} are usually sparsely attended, but this one drew a packed public gallery.", "Заседания городского совета {place_loc} обычно собирают мало зрителей, но на этот раз места для публики были заполнены.", "وعادة ما تشهد جلسات المجلس البلدي في {place} حضورًا ضعيفًا، لكن مقاعد الجمهور امتلأت هذه المرة."),
        tri("The plan will be phased in over three years.", "План будут внедрять поэтапно в течение трёх лет.", "وسيُطبَّق المخطط على مراحل خلال ثلاث سنوات."),
        tri("Traffic in the centre has risen by {pct}% since before the pandemic.", "По сравнению с допандемийным временем трафик в центре вырос на {pct}%.", "وارتفعت حركة المرور في وسط المدينة بنسبة {pct}% مقارنة بما قبل الجائحة."),
        tri("Shopkeepers in the old town collected several thousand signatures against the proposal.", "Владельцы магазинов в старом городе собрали несколько тысяч подписей против этого предложения.", "وجمع أصحاب المتاجر في البلدة القديمة آلاف التوقيعات ضد المقترح."),
        tri("The city's budget for next year is already stretched by rising energy costs.", "Городской бюджет на следующий год и так трещит по швам из-за роста цен на энергию.", "وتعاني ميزانية المدينة للعام المقبل أصلًا من ضغوط بسبب ارتفاع تكاليف الطاقة."),
        tri("Cyclists and bus passengers have long complained about the state of the roads.", "Велосипедисты и пассажиры автобусов давно жалуются на состояние дорог.", "ويشكو راكبو الدراجات ومستخدمو الحافلات منذ فترة طويلة من حالة الطرق."),
        tri("Rents in the city have risen faster than wages for five years.", "Арендная плата в городе уже пять лет растёт быстрее зарплат.", "وترتفع الإيجارات في المدينة أسرع من الأجور منذ خمس سنوات."),
        tri("The council consulted residents over the summer and received thousands of responses.", "Летом городской совет провёл опрос жителей и получил тысячи ответов.", "واستطلع المجلس البلدي آراء السكان خلال الصيف وتلقى آلاف الردود."),
        tri("Neighbouring towns are watching to see whether the idea works.", "Соседние города следят, сработает ли эта идея.", "وتراقب البلدات المجاورة ما إذا كانت الفكرة ستنجح."),
    ],
    quotes: &[
        said("This is about making the city work for the people who live in it", "Речь о том, чтобы город был удобен тем, кто в нём живёт", "الهدف أن تكون المدينة في خدمة من يعيشون فيها"),
        said("We cannot keep doing things the way they were done thirty years ago", "Мы не можем и дальше действовать так, как тридцать лет назад", "لا يمكننا الاستمرار في العمل بالطريقة التي كانت متبعة قبل ثلاثين عامًا"),
        said("Nobody will be left without a way to get to work", "Никто не останется без возможности добраться до работы", "لن يُترك أحد دون وسيلة للوصول إلى عمله"),
    ],
    roles: &[
        role("the deputy mayor", "заместитель мэра", "نائب رئيس البلدية", "نائبة رئيس البلدية"),
        role("a city council spokesperson", "представитель городского совета", "المتحدث باسم المجلس البلدي", "المتحدثة باسم المجلس البلدي"),
        role("the head of the city's transport department", "глава транспортного департамента города", "رئيس دائرة النقل في المدينة", "رئيسة دائرة النقل في المدينة"),
    ],
};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    beats: &[PARLIAMENT, ELECTIONS, COURTS, CITY],
    context: &[
        tri("The governing coalition holds a majority of just four seats.", "Правящая коалиция располагает большинством всего в четыре мандата.", "ويتمتع الائتلاف الحاكم بأغلبية لا تتجاوز أربعة مقاعد."),
        tri("Opinion polls published this week put support for the government at {pct2}%.", "Согласно опубликованным на этой неделе опросам, правительство поддерживают {pct2}% граждан.", "وتُظهر استطلاعات نُشرت هذا الأسبوع أن نسبة التأييد للحكومة تبلغ {pct2}%."),
        tri("Regional leaders met in {place} last week to coordinate their position.", "На прошлой неделе региональные лидеры встретились {place_loc}, чтобы согласовать свою позицию.", "واجتمع قادة المناطق في {place} الأسبوع الماضي لتنسيق مواقفهم."),
        tri("The country has had four prime ministers in six years.", "За шесть лет в стране сменились четыре премьер-министра.", "وتعاقب على رئاسة الحكومة في البلاد أربعة رؤساء وزراء خلال ست سنوات."),
        tri("Public trust in politicians is at its lowest since surveys began.", "Доверие к политикам упало до самого низкого уровня за всю историю опросов.", "وتبلغ ثقة الجمهور بالسياسيين أدنى مستوياتها منذ بدء استطلاعات الرأي."),
        tri("The government has promised to publish its spending plans before the summer recess.", "Правительство пообещало обнародовать планы расходов до летних парламентских каникул.", "ووعدت الحكومة بنشر خطط إنفاقها قبل العطلة الصيفية للبرلمان."),
        tri("Smaller parties have gained ground at the expense of the two traditional ones.", "Небольшие партии набирают очки за счёт двух традиционных.", "وكسبت الأحزاب الصغيرة أرضًا على حساب الحزبين التقليديين."),
        tri("Corruption scandals have dogged the country's politics for much of the past decade.", "Коррупционные скандалы сопровождают политическую жизнь страны большую часть последнего десятилетия.", "وطاردت فضائح الفساد الحياة السياسية في البلاد معظم العقد الماضي."),
        tri("Coalition partners have clashed publicly over spending priorities.", "Партнёры по коалиции публично спорят о приоритетах в расходах.", "واختلف شركاء الائتلاف علنًا بشأن أولويات الإنفاق."),
        tri("Parliament has passed fewer laws this session than in any year of the past decade.", "В этой сессии парламент принял меньше законов, чем в любой год последнего десятилетия.", "وأقر البرلمان في هذه الدورة قوانين أقل مما أقره في أي عام خلال العقد الماضي."),
        tri("Housing and the cost of living top voters' concerns in every recent survey.", "Во всех недавних опросах главными заботами избирателей остаются жильё и стоимость жизни.", "ويتصدر السكن وتكاليف المعيشة هموم الناخبين في كل الاستطلاعات الأخيرة."),
        tri("The opposition has promised a full review of the government's decisions if it wins power.", "Оппозиция пообещала, придя к власти, пересмотреть решения правительства.", "ووعدت المعارضة بمراجعة شاملة لقرارات الحكومة إذا وصلت إلى السلطة."),
        tri("Several ministers have resigned over the past year, most of them citing personal reasons.", "За последний год в отставку ушли несколько министров, большинство — по личным причинам.", "واستقال عدد من الوزراء خلال العام الماضي، وأرجع معظمهم ذلك إلى أسباب شخصية."),
        tri("Turnout among voters under thirty has fallen at each of the last three elections.", "Явка избирателей младше тридцати лет снижалась на каждых из трёх последних выборов.", "وتراجعت نسبة مشاركة الناخبين دون الثلاثين في كل من الانتخابات الثلاثة الأخيرة."),
        tri("Lobbying rules have been tightened twice in five years, but critics say loopholes remain.", "Правила лоббирования за пять лет ужесточали дважды, но критики говорят, что лазейки остались.", "وشُددت قواعد الضغط السياسي مرتين خلال خمس سنوات، لكن منتقدين يقولون إن ثغرات لا تزال قائمة."),
        tri("Independent fact-checkers have questioned several of the figures used in the debate.", "Независимые фактчекеры поставили под сомнение ряд цифр, звучавших в ходе дискуссии.", "وشكك مدققو معلومات مستقلون في عدد من الأرقام التي استُخدمت في النقاش."),
    ],
    analysis: &[
        tri("The episode says as much about the state of the coalition as about the issue itself.", "Эта история говорит о состоянии коалиции не меньше, чем о самом вопросе.", "وتكشف هذه الواقعة عن حال الائتلاف بقدر ما تكشف عن القضية نفسها."),
        tri("For voters, the question is whether any of it will change their daily lives.", "Для избирателей вопрос в том, изменит ли это хоть что-то в их повседневной жизни.", "أما بالنسبة إلى الناخبين، فالسؤال هو: هل سيغيّر أي من ذلك حياتهم اليومية؟"),
        tri("It is also a test of whether institutions can act independently under political pressure.", "Это ещё и проверка того, способны ли институты действовать независимо под политическим давлением.", "وهي أيضًا اختبار لقدرة المؤسسات على التصرف باستقلالية تحت الضغط السياسي."),
        tri("Whatever the outcome, the argument will be fought again at the next election.", "Каким бы ни был итог, этот спор вновь разгорится на следующих выборах.", "وأيًا كانت النتيجة، فإن هذا الجدل سيعود إلى الواجهة في الانتخابات المقبلة."),
        tri("The government needs a visible success before the budget season begins.", "Правительству нужен заметный успех до начала бюджетного сезона.", "وتحتاج الحكومة إلى نجاح ملموس قبل بدء موسم إعداد الموازنة."),
        tri("Analysts say the move is aimed as much at the party's own members as at the wider public.", "Аналитики считают, что этот шаг адресован не только широкой публике, но и собственным однопартийцам.", "ويرى محللون أن هذه الخطوة موجهة إلى أعضاء الحزب أنفسهم بقدر ما هي موجهة إلى عامة الناس."),
        tri("The decision will be read as a sign of who really holds power in the coalition.", "Это решение воспримут как сигнал о том, у кого в коалиции реальная власть.", "وسيُقرأ القرار على أنه مؤشر على من يملك السلطة الفعلية داخل الائتلاف."),
        tri("It may matter less for what it changes than for what it signals.", "Возможно, важнее не то, что это меняет, а то, какой сигнал подаёт.", "وربما تكمن أهميته في الرسالة التي يبعث بها أكثر مما يغيّره فعليًا."),
    ],
    reactions: &[
        tri("Opposition leaders called the move a distraction from rising prices.", "Лидеры оппозиции назвали этот шаг попыткой отвлечь внимание от роста цен.", "ووصف قادة المعارضة الخطوة بأنها محاولة لصرف الانتباه عن ارتفاع الأسعار."),
        tri("Business groups broadly welcomed the decision.", "Деловые объединения в целом приветствовали это решение.", "ورحبت منظمات الأعمال بالقرار بشكل عام."),
        tri("Several members of the governing party said privately that they had doubts.", "Несколько членов правящей партии в частных беседах признали, что у них есть сомнения.", "وأقر عدد من أعضاء الحزب الحاكم في أحاديث خاصة بأن لديهم شكوكًا."),
        tri("Civil liberties groups said they would watch closely how the decision is applied.", "Правозащитные организации заявили, что будут внимательно следить за тем, как решение применят на практике.", "وقالت منظمات الحريات المدنية إنها ستراقب عن كثب كيفية تطبيق القرار."),
        tri("On social media, reaction split largely along party lines.", "В соцсетях мнения разделились в основном по партийному признаку.", "وعلى مواقع التواصل الاجتماعي، انقسمت ردود الفعل إلى حد كبير وفق الانتماءات الحزبية."),
        tri("Newspaper editorials were split on the merits of the decision.", "Редакционные статьи газет разошлись в оценках решения.", "وتباينت افتتاحيات الصحف في تقييم القرار."),
        tri("A small group of protesters gathered outside, holding handwritten signs.", "Небольшая группа протестующих собралась снаружи с самодельными плакатами.", "وتجمعت مجموعة صغيرة من المحتجين في الخارج حاملين لافتات مكتوبة بخط اليد."),
        tri("Trade unions said they would study the details before taking a position.", "Профсоюзы заявили, что изучат детали, прежде чем определиться с позицией.", "وقالت النقابات إنها ستدرس التفاصيل قبل أن تحدد موقفها."),
    ],
    outlook: &[
        tri("Parliament returns from its recess next month, when the issue is expected to resurface.", "В следующем месяце парламент вернётся с каникул, и тогда тема, как ожидается, снова всплывёт.", "ويعود البرلمان من عطلته الشهر المقبل، ومن المتوقع أن تعود القضية إلى الواجهة حينها."),
        tri("The opposition has promised to challenge the decision by every means available.", "Оппозиция пообещала оспаривать это решение всеми доступными способами.", "وتعهدت المعارضة بالطعن في القرار بكل الوسائل المتاحة."),
        tri("A final vote is expected before the end of the year.", "Окончательное голосование ожидается до конца года.", "ومن المتوقع إجراء تصويت نهائي قبل نهاية العام."),
        tri("Officials said the first changes would be felt within months.", "По словам чиновников, первые изменения станут заметны уже через несколько месяцев.", "وقال مسؤولون إن التغييرات الأولى ستظهر خلال أشهر."),
        tri("Both sides are now preparing for a long campaign.", "Обе стороны готовятся к долгой борьбе.", "ويستعد الطرفان الآن لمعركة طويلة."),
        tri("Committees will hear evidence from experts over the coming weeks.", "В ближайшие недели профильные комитеты заслушают экспертов.", "وستستمع اللجان إلى شهادات الخبراء خلال الأسابيع المقبلة."),
        tri("Pollsters will be watching closely for any shift in public opinion.", "Социологи будут внимательно следить за любыми изменениями общественного мнения.", "وسيراقب خبراء استطلاعات الرأي عن كثب أي تحول في المزاج العام."),
    ],
    quotes: &[
        tri("This is a good day for transparency", "Это хороший день для прозрачности", "هذا يوم جيد للشفافية"),
        tri("The public deserves a clear answer", "Общество заслуживает ясного ответа", "يستحق الرأي العام إجابة واضحة"),
        tri("Voters have long memories, whatever politicians hope", "У избирателей долгая память, на что бы ни надеялись политики", "للناخبين ذاكرة طويلة، مهما تمنى السياسيون غير ذلك"),
        tri("It is a gamble, and it may yet pay off", "Это рискованная ставка, но она ещё может сыграть", "إنها مقامرة، وقد تؤتي ثمارها في نهاية المطاف"),
    ],
    roles: &[
        role("a political scientist at Meriden University", "политолог из Университета Мэридена", "أستاذ العلوم السياسية في جامعة ميريدن", "أستاذة العلوم السياسية في جامعة ميريدن"),
        role("an opposition lawmaker", "депутат от оппозиции", "النائب المعارض", "النائبة المعارضة"),
        role("a constitutional lawyer", "специалист по конституционному праву", "الخبير في القانون الدستوري", "الخبيرة في القانون الدستوري"),
    ],
    figures: &[
        figure(Pct, 300, 720, "turnout at the last general election", "такой была явка на последних парламентских выборах", "نسبة المشاركة في الانتخابات العامة الأخيرة"),
        figure(Plain, 120, 650, "the number of seats in parliament", "столько мест в парламенте", "عدد مقاعد البرلمان"),
        figure(Pct, 180, 420, "support for the government in the latest poll", "таков уровень поддержки правительства по данным последнего опроса", "نسبة التأييد للحكومة في آخر استطلاع للرأي"),
        figure(Plain, 4, 15, "the number of parties in parliament", "столько партий представлено в парламенте", "عدد الأحزاب الممثلة في البرلمان"),
        figure(Plain, 20, 180, "the number of days until the next election", "столько дней осталось до следующих выборов", "عدد الأيام المتبقية حتى الانتخابات المقبلة"),
    ],
};
