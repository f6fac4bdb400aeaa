//! Culture: film, music, theatre, books and museums.

use super::common::*;
use super::newsroom::tag;
use super::photo_text as shot;
use super::{Beat, NewsBank, Unit::*, action, actor, figure, fits, role, said};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
const FILM: Beat = Beat {
    tag: tag::FILM,
    shots: &[shot::FESTIVAL, shot::PREMIERE],
    places: &[PARIS, LONDON, BERLIN, ROME, CAIRO, ISTANBUL, TOKYO, NEW_YORK, MADRID, DUBAI, BEIRUT, SAO_PAULO],
    actors: &[
        actor("Film festival", "the film festival", "Кинофестиваль", M, "مهرجان السينما", false).kind(1),
        actor("Director Aline Moreau", "the director Aline Moreau", "Режиссёр Алин Моро", F, "المخرجة ألين مورو", true).kind(2),
        actor("Director Karim Nasser", "the director Karim Nasser", "Режиссёр Карим Насер", M, "المخرج كريم ناصر", false).kind(2),
        actor("Streaming service Reel", "the streaming service Reel", "Стриминговый сервис Reel", M, "منصة البث ريل", true).kind(4),
        actor("Film academy", "the national film academy", "Национальная киноакадемия", F, "الأكاديمية الوطنية للسينما", true).kind(8),
    ],
    actions: &[
        action("gives top prize to debut feature", "awarded its top prize to a debut feature about a family of fishermen", "присудил главный приз дебютному фильму о семье рыбаков", "يمنح", "منح", "الجائزة الكبرى لفيلم أول يروي قصة عائلة من الصيادين").only(1 | 8),
        action("opens with premiere of war drama", "opened with the premiere of a war drama", "открылся премьерой военной драмы", "يفتتح", "افتتح", "دورته بالعرض الأول لدراما حربية").only(1),
        action("wins best director award", "won the award for best director", "получил приз за лучшую режиссуру", "يفوز", "فاز", "بجائزة أفضل إخراج").only(2),
        action("to shoot new film in {place}", "announced a new film to be shot in {place}", "объявил о съёмках нового фильма {place_loc}", "يعلن", "أعلن", "تصوير فيلم جديد في {place}").only(2 | 4),
        action("signs {money} deal for local films", "signed a {money} deal to produce local films", "подписал соглашение на {money} о производстве местных фильмов", "يوقع", "وقع", "صفقة بقيمة {money} لإنتاج أفلام محلية").only(4),
        action("announces nominations for annual awards", "announced the nominations for its annual awards", "объявил номинантов ежегодной премии", "يعلن", "أعلن", "قائمة المرشحين للجوائز السنوية").only(8),
        action("pulls film after complaints", "pulled a film from its catalogue after complaints", "убрал фильм из каталога после жалоб", "يسحب", "سحب", "فيلمًا من قائمة العروض بعد شكاوى").only(4),
        action("returns to filmmaking after ten-year break", "returned to filmmaking after a ten-year break", "вернулся в кино после десятилетнего перерыва", "يعود", "عاد", "إلى الإخراج السينمائي بعد انقطاع دام عشر سنوات").only(2),
    ],
    leads: &[
        tri("Critics had tipped the film as an outsider.", "Критики считали фильм тёмной лошадкой.", "كان النقاد يعدّون الفيلم من غير الأوفر حظًا."),
        tri("Tickets for the opening night sold out within minutes.", "Билеты на открытие разошлись за считаные минуты.", "نفدت تذاكر ليلة الافتتاح في غضون دقائق."),
        tri("Fans had waited years for news of the project.", "Поклонники годами ждали новостей об этом проекте.", "انتظر المعجبون سنوات أي أخبار عن المشروع."),
        tri("Streaming services are spending heavily to win local audiences.", "Стриминговые сервисы тратят огромные деньги, чтобы завоевать местную аудиторию.", "تنفق منصات البث مبالغ طائلة لكسب الجمهور المحلي."),
    ],
    lead_fits: &[fits(&[0, 2]), fits(&[1, 5]), fits(&[3, 7]), fits(&[4, 6])],
    details: &[
        tri("Many recent hits were shot in a few weeks with casts of mostly non-professional actors.", "Многие недавние хиты сняты за несколько недель и в основном с непрофессиональными актёрами.", "وصُوّر كثير من الأفلام الناجحة مؤخرًا في أسابيع قليلة بممثلين غير محترفين في معظمهم."),
        tri("Cinemas in {place} have reported their best year since before the pandemic.", "Кинотеатры {place_loc} отчитались о лучшем годе с допандемийных времён.", "وسجلت دور السينما في {place} أفضل عام لها منذ ما قبل الجائحة."),
        tri("The news was greeted with applause at a packed press conference.", "Новость встретили аплодисментами на переполненной пресс-конференции.", "وقوبل النبأ بالتصفيق في مؤتمر صحفي مكتظ."),
        tri("Local productions have won a growing share of the box office.", "Отечественные фильмы собирают всё большую долю кассовых сборов.", "وتستحوذ الأفلام المحلية على حصة متزايدة من إيرادات شباك التذاكر."),
        tri("Film schools report record numbers of applicants this year.", "Киношколы сообщают о рекордном числе абитуриентов в этом году.", "وتشير معاهد السينما إلى عدد قياسي من طلبات الالتحاق هذا العام."),
        tri("Cinema attendance among under-25s has grown for three years in a row.", "Посещаемость кинотеатров среди молодёжи до 25 лет растёт третий год подряд.", "ويرتفع إقبال من هم دون الخامسة والعشرين على دور السينما للعام الثالث على التوالي."),
        tri("Shooting on location has brought money and jobs to several small towns.", "Натурные съёмки принесли деньги и рабочие места в несколько небольших городов.", "وجلب التصوير في المواقع الخارجية أموالًا ووظائف إلى عدد من البلدات الصغيرة."),
        tri("Subtitled films have found larger audiences on streaming services.", "Фильмы с субтитрами нашли более широкую аудиторию на стриминговых сервисах.", "ووجدت الأفلام المترجمة جمهورًا أوسع على منصات البث."),
        tri("Independent cinemas in {place} have turned to memberships to survive.", "Независимые кинотеатры {place_gen} ради выживания перешли на клубные абонементы.", "ولجأت دور السينما المستقلة في {place} إلى نظام العضوية للبقاء."),
    ],
    quotes: &[
        said("This film is for the people who appear in it", "Этот фильм — для тех, кто в нём снимался", "هذا الفيلم مُهدى إلى من ظهروا فيه").by(2),
        said("Cinema is still the best place to see a story told well", "Кинозал по-прежнему лучшее место, чтобы увидеть хорошо рассказанную историю", "لا تزال قاعة السينما أفضل مكان لمشاهدة قصة محكمة السرد").by(1 | 8),
        said("Audiences want stories from their own streets", "Зрителям нужны истории с их собственных улиц", "يريد الجمهور قصصًا من شوارعهم").by(2 | 4),
    ],
    roles: &[
        role("the festival's artistic director", "художественный руководитель фестиваля", "المدير الفني للمهرجان", "المديرة الفنية للمهرجان").by(1 | 8),
        role("the film's producer", "продюсер фильма", "منتج الفيلم", "منتجة الفيلم").by(2),
        role("the service's head of content", "директор сервиса по контенту", "مدير المحتوى في المنصة", "مديرة المحتوى في المنصة").by(4),
    ],
};

#[rustfmt::skip]
const MUSIC: Beat = Beat {
    tag: tag::MUSIC,
    shots: &[shot::CONCERT],
    places: &ANYWHERE,
    actors: &[
        actor("Band The Northern Lights", "the band The Northern Lights", "Группа The Northern Lights", F, "فرقة ذا نورذرن لايتس", true).kind(1),
        actor("Singer Lea Sorel", "the singer Lea Sorel", "Певица Леа Сорель", F, "المغنية ليا سوريل", true).kind(1),
        actor("National orchestra", "the national orchestra", "Национальный оркестр", M, "الأوركسترا الوطنية", true).kind(2),
        actor("Summer music festival", "the summer music festival", "Летний музыкальный фестиваль", M, "مهرجان الموسيقى الصيفي", false).kind(4),
    ],
    actions: &[
        action("announces world tour", "announced a world tour starting in {place}", "объявил о мировом турне, которое начнётся {place_loc}", "يعلن", "أعلن", "جولة عالمية تنطلق من {place}").only(1 | 2),
        action("releases first album in five years", "released a first album in five years", "выпустил первый за пять лет альбом", "يصدر", "أصدر", "أول ألبوم منذ خمس سنوات").only(1),
        action("cancels concerts because of illness", "cancelled several concerts because of illness", "отменил несколько концертов из-за болезни", "يلغي", "ألغى", "عدة حفلات بسبب المرض").only(1),
        action("appoints new chief conductor", "appointed a new chief conductor", "назначил нового главного дирижёра", "يعين", "عين", "قائدًا رئيسيًا جديدًا").only(2),
        action("sells out in record time", "sold out in record time", "распродал все билеты в рекордные сроки", "يبيع", "باع", "جميع التذاكر في وقت قياسي").only(1 | 4),
        action("plays free concert for {num},000 fans", "played a free concert for {num},000 fans", "дал бесплатный концерт для {num} тыс. поклонников", "يحيي", "أحيا", "حفلًا مجانيًا أمام {num} ألف معجب").only(1 | 2),
        action("announces headline acts", "announced its headline acts", "объявил имена хедлайнеров", "يعلن", "أعلن", "أسماء نجوم دورته المقبلة").only(4),
        action("tours schools to find young musicians", "began a tour of schools to find young musicians", "начал турне по школам в поисках юных музыкантов", "يبدأ", "بدأ", "جولة على المدارس بحثًا عن موسيقيين شباب").only(2),
    ],
    leads: &[
        tri("Fans had waited years for new music.", "Поклонники несколько лет ждали новой музыки.", "انتظر المعجبون سنوات للاستماع إلى أعمال جديدة."),
        tri("Ticket prices have become a sore point with fans.", "Цены на билеты стали больной темой для поклонников.", "باتت أسعار التذاكر مصدر استياء لدى المعجبين."),
        tri("Refunds will be offered to everyone who bought tickets.", "Всем купившим билеты вернут деньги.", "سيُعاد ثمن التذاكر إلى جميع من اشتروها."),
        tri("The orchestra has struggled to attract younger audiences.", "Оркестру непросто привлекать молодую публику.", "تواجه الأوركسترا صعوبة في جذب جمهور أصغر سنًا."),
    ],
    lead_fits: &[fits(&[0, 1]), fits(&[0, 4, 6]), fits(&[2]), fits(&[3, 5, 7])],
    details: &[
        tri("Live music revenue has overtaken recorded music for the first time in years.", "Доходы от живых выступлений впервые за много лет превысили доходы от записей.", "وتجاوزت عائدات الحفلات الحية عائدات التسجيلات الموسيقية للمرة الأولى منذ سنوات."),
        tri("The main arena in {place} holds about twelve thousand people.", "Главная концертная площадка {place_gen} вмещает около двенадцати тысяч человек.", "وتتسع القاعة الرئيسية في {place} لنحو اثني عشر ألف شخص."),
        tri("Streaming has changed how new music is discovered and paid for.", "Стриминг изменил то, как люди находят новую музыку и платят за неё.", "وغيّر البث الرقمي طريقة اكتشاف الموسيقى الجديدة والدفع مقابلها."),
        tri("Small venues say rising costs have forced many of them to close.", "Небольшие площадки говорят, что из-за роста расходов многим из них пришлось закрыться.", "وتقول القاعات الصغيرة إن ارتفاع التكاليف أجبر كثيرًا منها على الإغلاق."),
        tri("Resale sites were offering tickets at several times their face value within hours.", "Уже через несколько часов на сайтах перепродажи билеты предлагали в разы дороже номинала.", "وفي غضون ساعات، عرضت مواقع إعادة البيع التذاكر بأضعاف سعرها الأصلي."),
        tri("Vinyl sales have risen for the tenth year running.", "Продажи винила растут десятый год подряд.", "وترتفع مبيعات أسطوانات الفينيل للعام العاشر على التوالي."),
        tri("Touring has become more expensive because of fuel and insurance costs.", "Гастроли подорожали из-за роста цен на топливо и страховку.", "وأصبحت الجولات الفنية أكثر كلفة بسبب أسعار الوقود والتأمين."),
        tri("Music schools in {place} report long waiting lists.", "Музыкальные школы {place_gen} сообщают о длинных очередях на поступление.", "وتتحدث مدارس الموسيقى في {place} عن قوائم انتظار طويلة."),
        tri("Local radio stations have done much to build audiences for new acts.", "Местные радиостанции немало сделали для того, чтобы у новых исполнителей появилась аудитория.", "وأسهمت محطات الإذاعة المحلية كثيرًا في بناء جمهور للفنانين الجدد."),
    ],
    quotes: &[
        said("Playing live is still the reason we do this", "Живые выступления — по-прежнему то, ради чего мы всем этим занимаемся", "العزف أمام الجمهور لا يزال سبب قيامنا بهذا").by(1 | 2),
        said("We owe it to the audience to be at our best", "Мы обязаны выходить к публике в лучшей форме", "من حق الجمهور علينا أن نكون في أفضل حالاتنا").by(1 | 2),
        said("Music should be for everyone, not only those who can pay the most", "Музыка должна быть для всех, а не только для тех, кто может заплатить больше", "يجب أن تكون الموسيقى للجميع، لا لمن يستطيعون الدفع أكثر فقط"),
    ],
    roles: &[
        role("a member of the management team", "представитель менеджмента", "أحد أعضاء فريق الإدارة", "إحدى عضوات فريق الإدارة").by(1),
        role("the orchestra's general manager", "генеральный директор оркестра", "المدير العام للأوركسترا", "المديرة العامة للأوركسترا").by(2),
        role("the festival director", "директор фестиваля", "مدير المهرجان", "مديرة المهرجان").by(4),
    ],
};

#[rustfmt::skip]
const THEATRE: Beat = Beat {
    tag: tag::THEATRE,
    shots: &[shot::THEATRE],
    places: &ANYWHERE,
    actors: &[
        actor("National theatre", "the national theatre", "Национальный театр", M, "المسرح الوطني", false).kind(1),
        actor("Opera house", "the opera house", "Оперный театр", M, "دار الأوبرا", true).kind(1),
        actor("Playwright Jonas Veld", "the playwright Jonas Veld", "Драматург Йонас Велд", M, "الكاتب المسرحي يوناس فيلد", false).kind(2),
        actor("Arts council", "the arts council", "Совет по делам искусств", M, "مجلس الفنون", false).kind(4),
    ],
    actions: &[
        action("opens season with new staging of classic comedy", "opened its season with a new staging of a classic comedy", "открыл сезон новой постановкой классической комедии", "يفتتح", "افتتح", "الموسم بعرض جديد لكوميديا كلاسيكية").only(1),
        action("cuts ticket prices for under-25s", "cut ticket prices for people under 25", "снизил цены на билеты для зрителей младше 25 лет", "يخفض", "خفض", "أسعار التذاكر لمن هم دون 25 عامًا").only(1),
        action("wins top drama award", "won the country's top award for drama", "получил главную национальную премию в области драматургии", "يفوز", "فاز", "بأرفع جائزة وطنية في مجال المسرح").only(2),
        action("announces {money} for touring companies", "announced {money} in grants for touring theatre companies", "объявил о грантах на {money} для гастролирующих трупп", "يعلن", "أعلن", "عن منح بقيمة {money} للفرق المسرحية الجوالة").only(4),
        action("closes for two-year renovation", "closed for a two-year renovation", "закрылся на двухлетнюю реконструкцию", "يغلق", "أغلق", "أبواب المبنى لعامين من أجل أعمال التجديد").only(1),
        action("premieres play about life in {place}", "premiered a play about life in {place}", "представил премьеру пьесы о жизни {place_loc}", "يقدم", "قدم", "العرض الأول لمسرحية عن الحياة في {place}").only(1 | 2),
        action("warns regional theatres face closure", "warned that regional theatres face closure without more funding", "предупредил, что без дополнительного финансирования региональным театрам грозит закрытие", "يحذر", "حذر", "من أن المسارح الإقليمية مهددة بالإغلاق دون تمويل إضافي").only(4),
    ],
    leads: &[
        tri("The production has already been extended because of demand.", "Из-за высокого спроса показы спектакля уже продлили.", "مُدد عرض المسرحية بالفعل بسبب الإقبال الكبير."),
        tri("Theatres are still winning back audiences lost during the pandemic.", "Театры до сих пор возвращают зрителей, потерянных во время пандемии.", "لا تزال المسارح تستعيد جمهورها الذي خسرته خلال الجائحة."),
        tri("The building has not had a major overhaul since it opened.", "Со дня открытия здание ни разу не ремонтировали капитально.", "لم يخضع المبنى لأي تجديد كبير منذ افتتاحه."),
        tri("Critics called the play the most important new work of the year.", "Критики назвали пьесу самым значительным новым произведением года.", "وصف النقاد المسرحية بأنها أهم عمل جديد هذا العام."),
    ],
    lead_fits: &[fits(&[0, 5]), fits(&[1, 3, 6]), fits(&[4]), fits(&[2, 5])],
    details: &[
        tri("Audiences in {place} have returned faster than in most other cities.", "Зрители {place_loc} возвращаются в залы быстрее, чем в большинстве других городов.", "وعاد الجمهور إلى المسارح في {place} أسرع من معظم المدن الأخرى."),
        tri("Younger audiences have been drawn in by cheaper tickets and shorter shows.", "Молодую публику привлекают более дешёвые билеты и короткие спектакли.", "وجذبت التذاكر الأرخص والعروض الأقصر جمهورًا أصغر سنًا."),
        tri("Many actors combine stage work with television to make ends meet.", "Многие актёры совмещают работу в театре с телевидением, чтобы свести концы с концами.", "ويجمع كثير من الممثلين بين المسرح والتلفزيون لتأمين لقمة العيش."),
        tri("Set and costume costs have risen sharply over the past two years.", "Расходы на декорации и костюмы за последние два года резко выросли.", "وارتفعت تكاليف الديكور والأزياء بشكل حاد خلال العامين الماضيين."),
        tri("Several theatres now stream their productions to cinemas.", "Несколько театров теперь транслируют свои спектакли в кинотеатрах.", "وباتت مسارح عدة تبث عروضها في دور السينما."),
        tri("Matinee performances have become popular with older audiences and families.", "Дневные спектакли полюбились пожилым зрителям и семьям с детьми.", "وباتت العروض النهارية تحظى بشعبية لدى كبار السن والعائلات."),
        tri("Touring companies bring productions to towns that have no theatre of their own.", "Гастролирующие труппы привозят спектакли в города, где нет своего театра.", "وتحمل الفرق الجوالة العروض إلى بلدات لا مسارح فيها."),
        tri("Playwrights say new work is harder to stage than revivals of classics.", "Драматурги говорят, что новые пьесы поставить труднее, чем возобновить классику.", "ويقول كتّاب المسرح إن تقديم الأعمال الجديدة أصعب من إعادة تقديم الكلاسيكيات."),
        tri("School drama clubs in {place} have waiting lists for the first time in years.", "В школьные театральные кружки {place_gen} впервые за много лет выстраиваются очереди.", "وللمرة الأولى منذ سنوات، باتت لنوادي المسرح المدرسية في {place} قوائم انتظار."),
    ],
    quotes: &[
        said("Theatre only works when people feel it belongs to them", "Театр работает, только когда люди чувствуют, что он принадлежит им", "لا ينجح المسرح إلا عندما يشعر الناس بأنه ملك لهم"),
        said("We want the stage to reflect the city outside the door", "Мы хотим, чтобы сцена отражала город за дверями театра", "نريد أن تعكس الخشبة المدينة الممتدة خارج الأبواب").by(1 | 2),
        said("Without support, some of these stages will go dark for good", "Без поддержки некоторые из этих сцен погаснут навсегда", "من دون دعم، ستنطفئ أضواء بعض هذه المسارح إلى الأبد").by(4),
    ],
    roles: &[
        role("the theatre's artistic director", "художественный руководитель театра", "المدير الفني للمسرح", "المديرة الفنية للمسرح").by(1),
        role("the play's director", "режиссёр-постановщик", "مخرج المسرحية", "مخرجة المسرحية").by(2),
        role("the head of the arts council", "глава совета по делам искусств", "رئيس مجلس الفنون", "رئيسة مجلس الفنون").by(4),
    ],
};

#[rustfmt::skip]
const BOOKS: Beat = Beat {
    tag: tag::BOOKS,
    shots: &[shot::READING],
    places: &ANYWHERE,
    actors: &[
        actor("Novelist Tomas Wren", "the novelist Tomas Wren", "Писатель Томас Рен", M, "الروائي توماس رين", false).kind(1),
        actor("Poet Dalia Nour", "the poet Dalia Nour", "Поэтесса Далия Нур", F, "الشاعرة داليا نور", true).kind(1),
        actor("National book prize", "the national book prize", "Национальная литературная премия", F, "الجائزة الوطنية للكتاب", true).kind(2),
        actor("Publisher Lantern Books", "the publisher Lantern Books", "Издательство Lantern Books", N, "دار لانترن للنشر", true).kind(4),
        actor("City library", "the city library", "Городская библиотека", F, "مكتبة المدينة", true).kind(8),
    ],
    actions: &[
        action("wins national book prize", "won the national book prize", "получил национальную литературную премию", "يفوز", "فاز", "بالجائزة الوطنية للكتاب").only(1),
        action("announces shortlist of six novels", "announced its shortlist of six novels", "объявил короткий список из шести романов", "يعلن", "أعلن", "قائمة قصيرة تضم ست روايات").only(2),
        action("publishes first book in a decade", "published a first book in a decade", "выпустил первую за десять лет книгу", "ينشر", "نشر", "أول كتاب منذ عشر سنوات").only(1),
        action("buys rights to debut novel for record sum", "bought the rights to a debut novel for a record sum", "купил права на дебютный роман за рекордную сумму", "يشتري", "اشترى", "حقوق رواية أولى بمبلغ قياسي").only(4),
        action("extends opening hours to midnight", "extended its opening hours to midnight", "продлил часы работы до полуночи", "يمدد", "مدد", "ساعات العمل حتى منتصف الليل").only(8),
        action("lends record number of e-books", "lent a record number of e-books last year", "выдал в прошлом году рекордное число электронных книг", "يعير", "أعار", "عددًا قياسيًا من الكتب الإلكترونية العام الماضي").only(8),
        action("adds award for translated fiction", "added a new award for translated fiction", "учредил новую номинацию для переводной прозы", "يستحدث", "استحدث", "فئة جديدة للأدب المترجم").only(2),
        action("signs deal for memoir", "signed a deal to publish a memoir", "подписал договор на издание мемуаров", "يوقع", "وقع", "عقدًا لنشر مذكرات").only(1 | 4),
    ],
    leads: &[
        tri("Sales have tripled since the announcement.", "После объявления продажи выросли втрое.", "تضاعفت المبيعات ثلاث مرات منذ الإعلان."),
        tri("Readers had waited a long time for a new book.", "Читатели долго ждали новой книги.", "انتظر القراء طويلًا كتابًا جديدًا."),
        tri("Publishers are competing hard for new voices.", "Издательства активно борются за новых авторов.", "تتنافس دور النشر بقوة على الأصوات الجديدة."),
        tri("Libraries have become a refuge for people looking for a warm place to work.", "Библиотеки стали убежищем для тех, кто ищет тёплое место для работы.", "باتت المكتبات ملاذًا لمن يبحثون عن مكان دافئ للعمل."),
    ],
    lead_fits: &[fits(&[0, 1]), fits(&[2, 7]), fits(&[3, 6, 7]), fits(&[4, 5])],
    details: &[
        tri("Book sales rose last year, driven by younger readers.", "В прошлом году продажи книг выросли, в основном благодаря молодым читателям.", "وارتفعت مبيعات الكتب العام الماضي، مدفوعة بالقراء الشباب."),
        tri("Independent bookshops in {place} say readings and book clubs keep them going.", "Независимые книжные магазины {place_loc} говорят, что держатся на плаву благодаря чтениям и книжным клубам.", "وتقول المكتبات المستقلة في {place} إن أمسيات القراءة ونوادي الكتاب تبقيها صامدة."),
        tri("Translated fiction has found a growing audience.", "У переводной прозы становится всё больше читателей.", "ووجد الأدب المترجم جمهورًا متزايدًا."),
        tri("Audiobooks now account for about a tenth of the market.", "На аудиокниги теперь приходится около десятой части рынка.", "وباتت الكتب المسموعة تمثل نحو عُشر السوق."),
        tri("Paper and printing costs have pushed up the price of new hardbacks.", "Из-за подорожания бумаги и печати выросли цены на новые книги в твёрдом переплёте.", "ورفعت تكاليف الورق والطباعة أسعار الكتب الجديدة ذات الغلاف المقوى."),
        tri("Book clubs have multiplied since the pandemic.", "После пандемии книжных клубов стало гораздо больше.", "وتكاثرت نوادي القراءة منذ الجائحة."),
        tri("Children's books remain the strongest part of the market.", "Детские книги по-прежнему самый сильный сегмент рынка.", "ولا تزال كتب الأطفال أقوى شرائح السوق."),
        tri("Literary festivals in {place} sell out weeks in advance.", "Билеты на литературные фестивали {place_gen} раскупают за несколько недель.", "وتنفد تذاكر المهرجانات الأدبية في {place} قبل أسابيع."),
        tri("Authors' incomes have fallen even as sales have risen.", "Доходы писателей падают, хотя продажи растут.", "وتراجعت دخول المؤلفين رغم ارتفاع المبيعات."),
    ],
    quotes: &[
        said("Books still change lives, one reader at a time", "Книги по-прежнему меняют жизни, по одному читателю за раз", "لا تزال الكتب تغيّر الحياة، قارئًا تلو الآخر"),
        said("Every writer needs someone willing to take a chance on them", "Каждому писателю нужен тот, кто готов на него поставить", "كل كاتب يحتاج إلى من يجرؤ على المراهنة عليه").by(1 | 2 | 4),
        said("A library is the last place where you can stay without paying", "Библиотека — последнее место, где можно находиться, ничего не платя", "المكتبة هي آخر مكان يمكنك البقاء فيه دون أن تدفع").by(8),
    ],
    roles: &[
        role("the book's editor", "редактор книги", "محرر الكتاب", "محررة الكتاب").by(1),
        role("the chair of the judges", "председатель жюри", "رئيس لجنة التحكيم", "رئيسة لجنة التحكيم").by(2),
        role("the publisher's fiction director", "директор издательства по художественной литературе", "مدير قسم الأدب في دار النشر", "مديرة قسم الأدب في دار النشر").by(4),
        role("the head librarian", "директор библиотеки", "مدير المكتبة", "مديرة المكتبة").by(8),
    ],
};

#[rustfmt::skip]
const MUSEUMS: Beat = Beat {
    tag: tag::MUSEUMS,
    shots: &[shot::EXHIBITION, shot::MUSEUM],
    places: &ANYWHERE,
    actors: &[
        actor("National gallery", "the national gallery", "Национальная галерея", F, "المعرض الوطني للفنون", false).kind(1),
        actor("Museum of modern art", "the city's museum of modern art", "Городской музей современного искусства", M, "متحف الفن الحديث في المدينة", false).kind(1),
        actor("Culture ministry", "the culture ministry", "Министерство культуры", N, "وزارة الثقافة", true).kind(2),
        actor("Painter Ines Carvalho", "the painter Ines Carvalho", "Художница Инес Карвалью", F, "الرسامة إينيس كارفاليو", true).kind(4),
    ],
    actions: &[
        action("opens major show of early modern painting", "opened a major exhibition of early twentieth-century painting", "открыл крупную выставку живописи начала XX века", "يفتتح", "افتتح", "معرضًا كبيرًا للوحات مطلع القرن العشرين").only(1),
        action("returns two sculptures taken in colonial era", "returned two sculptures taken during colonial rule", "вернул две скульптуры, вывезенные в колониальную эпоху", "يعيد", "أعاد", "تمثالين نُقلا خلال الحقبة الاستعمارية").only(1 | 2),
        action("makes entry free on Sundays", "made entry free on Sundays", "сделал вход по воскресеньям бесплатным", "يجعل", "جعل", "الدخول مجانيًا أيام الأحد").only(1 | 2),
        action("draws {num},000 visitors to new show", "drew {num},000 visitors in the first month of a new exhibition", "принял {num} тыс. посетителей за первый месяц работы новой выставки", "يستقبل", "استقبل", "{num} ألف زائر في الشهر الأول لمعرض جديد").only(1),
        action("wins country's top art prize", "won the country's most important art prize", "получил главную художественную премию страны", "يفوز", "فاز", "بأهم جائزة فنية في البلاد").only(4),
        action("pledges {money} for regional museums", "pledged {money} for regional museums", "пообещал выделить {money} региональным музеям", "يتعهد", "تعهد", "بتخصيص {money} للمتاحف الإقليمية").only(2),
        action("opens first solo show in {place}", "opened a first solo exhibition in {place}", "открыл первую персональную выставку {place_loc}", "يفتتح", "افتتح", "أول معرض فردي في {place}").only(4),
    ],
    leads: &[
        tri("The show has drawn crowds since its first day.", "С первого дня выставка собирает толпы.", "يستقطب المعرض الحشود منذ يومه الأول."),
        tri("The decision follows years of campaigning by historians and community groups.", "Решение последовало за годами кампаний, которые вели историки и общественные организации.", "يأتي القرار بعد سنوات من حملات قادها مؤرخون ومنظمات أهلية."),
        tri("Museum directors say cost is the main barrier for many visitors.", "Директора музеев говорят, что для многих посетителей главная преграда — цена.", "يقول مديرو المتاحف إن الكلفة هي العائق الرئيسي أمام كثير من الزوار."),
        tri("Her work had been shown in only a handful of galleries until now.", "До сих пор её работы выставлялись лишь в нескольких галереях.", "لم تُعرض أعمالها حتى الآن إلا في عدد قليل من صالات العرض."),
    ],
    lead_fits: &[fits(&[0, 3, 6]), fits(&[1]), fits(&[2, 5]), fits(&[4, 6])],
    details: &[
        tri("Museum attendance in {place} is back above its level before the pandemic.", "Посещаемость музеев {place_loc} превысила допандемийный уровень.", "وعادت أعداد زوار المتاحف في {place} إلى ما فوق مستواها قبل الجائحة."),
        tri("Many works come from private collectors and have rarely been shown in public.", "Многие работы принадлежат частным коллекционерам и редко показывались публике.", "ويعود كثير من الأعمال إلى جامعي تحف خاصين، ونادرًا ما عُرضت على الجمهور."),
        tri("Insurance for major exhibitions now costs more than moving the works.", "Страховка крупных выставок теперь обходится дороже перевозки самих работ.", "وباتت كلفة التأمين على المعارض الكبرى تفوق كلفة نقل الأعمال نفسها."),
        tri("Schools in the region have booked visits for most weekdays until the spring.", "Школы региона забронировали экскурсии почти на все будние дни до весны.", "وحجزت مدارس المنطقة زيارات في معظم أيام الأسبوع حتى الربيع."),
        tri("Museum shops and cafés now bring in a large share of income.", "Музейные магазины и кафе теперь приносят значительную часть доходов.", "وباتت متاجر المتاحف ومقاهيها توفر حصة كبيرة من الإيرادات."),
        tri("Many museums now open late one evening a week.", "Многие музеи теперь раз в неделю работают допоздна.", "وباتت متاحف كثيرة تفتح أبوابها حتى وقت متأخر مساء يوم واحد في الأسبوع."),
        tri("Returning objects taken in colonial times has become a pressing question for museums.", "Возвращение ценностей, вывезенных в колониальную эпоху, стало для музеев острым вопросом.", "وأصبحت إعادة القطع التي نُقلت في الحقبة الاستعمارية مسألة ملحة بالنسبة إلى المتاحف."),
        tri("Guided tours in several languages are booked out for weeks.", "Экскурсии на нескольких языках расписаны на недели вперёд.", "وحُجزت الجولات المصحوبة بمرشدين بلغات عدة لأسابيع مقبلة."),
        tri("Art students in {place} have been given free passes for the season.", "Студенты художественных вузов {place_gen} получили бесплатные абонементы на сезон.", "وحصل طلاب الفنون في {place} على تصاريح دخول مجانية طوال الموسم."),
    ],
    quotes: &[
        said("Art belongs in front of people, not in storage", "Искусству место перед зрителями, а не в запасниках", "مكان الفن أمام الناس لا في المخازن"),
        said("A museum should be a place where everyone feels welcome", "Музей должен быть местом, где рады каждому", "يجب أن يكون المتحف مكانًا يشعر فيه الجميع بالترحيب").by(1 | 2),
        said("This work was made for the people it shows", "Эти работы созданы для тех, кого они изображают", "صُنعت هذه الأعمال لأجل من تصوّرهم").by(4),
    ],
    roles: &[
        role("the museum's director", "директор музея", "مدير المتحف", "مديرة المتحف").by(1),
        role("a culture ministry spokesperson", "представитель министерства культуры", "المتحدث باسم وزارة الثقافة", "المتحدثة باسم وزارة الثقافة").by(2),
        role("the exhibition's curator", "куратор выставки", "أمين المعرض", "أمينة المعرض").by(1 | 4),
    ],
};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    beats: &[FILM, MUSIC, THEATRE, BOOKS, MUSEUMS],
    context: &[
        tri("Public funding for the arts has fallen in real terms for a decade.", "С учётом инфляции государственное финансирование культуры сокращается уже десять лет.", "وتراجع التمويل العام للفنون بالقيمة الحقيقية على مدى عقد."),
        tri("Cultural tourism brought more than {money} to the city last year.", "Культурный туризм принёс городу в прошлом году более {money}.", "وأدرّت السياحة الثقافية على المدينة أكثر من {money} العام الماضي."),
        tri("Audiences have become younger and more diverse in recent years.", "В последние годы аудитория стала моложе и разнообразнее.", "وأصبح الجمهور في السنوات الأخيرة أصغر سنًا وأكثر تنوعًا."),
        tri("Many artists say they cannot afford to live in the cities where they work.", "Многие деятели искусства говорят, что не могут позволить себе жить в городах, где работают.", "ويقول كثير من الفنانين إنهم لا يستطيعون تحمل كلفة العيش في المدن التي يعملون فيها."),
        tri("The cultural calendar in {place} has rarely been so full.", "Культурная афиша {place_gen} редко бывала такой насыщенной.", "ونادرًا ما كانت الأجندة الثقافية في {place} حافلة إلى هذا الحد."),
        tri("Streaming and social media have changed how people discover new work.", "Стриминг и соцсети изменили то, как люди открывают для себя новые произведения.", "وغيّر البث الرقمي ووسائل التواصل الاجتماعي طريقة اكتشاف الناس للأعمال الجديدة."),
        tri("Ticket sales across the sector rose by {pct2}% last year.", "В прошлом году продажи билетов в отрасли выросли на {pct2}%.", "وارتفعت مبيعات التذاكر في القطاع بنسبة {pct2}% العام الماضي."),
        tri("Private sponsors now fund a growing share of cultural events.", "Частные спонсоры финансируют всё большую долю культурных событий.", "ويموّل الرعاة من القطاع الخاص حصة متزايدة من الفعاليات الثقافية."),
        tri("Arts education has been squeezed out of many school timetables.", "Во многих школах уроки искусства вытеснены из расписания.", "وتراجع التعليم الفني في جداول كثير من المدارس."),
        tri("Crowdfunding has become a lifeline for independent artists.", "Краудфандинг стал спасательным кругом для независимых деятелей искусства.", "وأصبح التمويل الجماعي طوق نجاة للفنانين المستقلين."),
        tri("Venues in {place} have extended their opening hours to attract younger audiences.", "Культурные площадки {place_gen} продлили часы работы, чтобы привлечь молодую публику.", "ومددت الأماكن الثقافية في {place} ساعات عملها لجذب جمهور أصغر سنًا."),
        tri("Translations have helped local work reach audiences abroad.", "Переводы помогли местным авторам выйти к зарубежной аудитории.", "وساعدت الترجمات الأعمال المحلية على الوصول إلى جمهور في الخارج."),
        tri("Rising rents have forced several studios and rehearsal spaces to close.", "Из-за роста арендной платы закрылись несколько студий и репетиционных баз.", "وأجبر ارتفاع الإيجارات عددًا من الاستوديوهات وأماكن التدريب على الإغلاق."),
        tri("Festivals have become a major draw for tourists.", "Фестивали стали важным магнитом для туристов.", "وأصبحت المهرجانات عامل جذب رئيسيًا للسياح."),
        tri("Critics say prizes now shape careers more than ever.", "Критики говорят, что премии сейчас определяют карьеры сильнее, чем когда-либо.", "ويقول النقاد إن الجوائز باتت ترسم المسارات المهنية أكثر من أي وقت مضى."),
        tri("Digital archives have opened collections to people who cannot visit in person.", "Цифровые архивы открыли коллекции тем, кто не может прийти лично.", "وأتاحت الأرشيفات الرقمية المجموعات لمن لا يستطيعون الزيارة شخصيًا."),
    ],
    analysis: &[
        tri("The success is also a sign of how much audiences want new voices.", "Этот успех — ещё и знак того, как сильно публика ждёт новых голосов.", "ويُعد هذا النجاح أيضًا مؤشرًا على تعطش الجمهور لأصوات جديدة."),
        tri("For smaller institutions, the question is whether they can survive rising costs.", "Для небольших учреждений вопрос в том, переживут ли они рост расходов.", "أما بالنسبة إلى المؤسسات الأصغر، فالسؤال هو: هل ستصمد أمام ارتفاع التكاليف؟"),
        tri("It shows that culture can still bring people together in large numbers.", "Это показывает, что культура по-прежнему способна собирать людей вместе.", "ويُظهر ذلك أن الثقافة لا تزال قادرة على جمع الناس بأعداد كبيرة."),
        tri("The debate about who pays for culture is far from settled.", "Спор о том, кто должен платить за культуру, далёк от завершения.", "ولم يُحسم بعد الجدل حول من يتحمل كلفة الثقافة."),
        tri("Critics say the moment could mark a turning point for the whole sector.", "Критики считают, что этот момент может стать поворотным для всей отрасли.", "ويرى النقاد أن هذه اللحظة قد تشكل نقطة تحول للقطاع بأكمله."),
        tri("It is also a reminder that culture is an industry as well as an art.", "Это ещё и напоминание о том, что культура — не только искусство, но и отрасль экономики.", "وهو أيضًا تذكير بأن الثقافة صناعة بقدر ما هي فن."),
        tri("What happens next will be watched closely by others in the sector.", "За тем, что будет дальше, внимательно проследят другие в отрасли.", "وسيراقب آخرون في القطاع عن كثب ما سيحدث لاحقًا."),
    ],
    reactions: &[
        tri("Critics were largely enthusiastic.", "Критики в основном восприняли новость с энтузиазмом.", "وأبدى النقاد حماسة في معظمهم."),
        tri("On social media, fans celebrated the news.", "Поклонники бурно радовались новости в соцсетях.", "واحتفى المعجبون بالنبأ على مواقع التواصل الاجتماعي."),
        tri("Some in the industry questioned whether the money would reach those who need it most.", "Некоторые в отрасли усомнились, что деньги дойдут до тех, кому они нужнее всего.", "وتساءل بعض العاملين في القطاع عما إذا كانت الأموال ستصل إلى من هم في أمسّ الحاجة إليها."),
        tri("Fellow artists sent messages of congratulations.", "Коллеги по цеху прислали поздравления.", "وبعث فنانون زملاء برسائل تهنئة."),
        tri("Local businesses said the crowds were good news for them too.", "Местные предприниматели отметили, что наплыв публики выгоден и им.", "وقال أصحاب أعمال محليون إن الحشود خبر سار لهم أيضًا."),
        tri("Arts organisations said they were following the situation closely.", "Организации сферы культуры заявили, что внимательно следят за ситуацией.", "وقالت المؤسسات الفنية إنها تتابع الوضع عن كثب."),
        tri("Reports in the international press were widely shared.", "Публикации в зарубежной прессе широко разошлись в соцсетях.", "وانتشرت على نطاق واسع التقارير المنشورة في الصحافة الدولية."),
        tri("Some commentators asked why it had taken so long.", "Некоторые комментаторы задались вопросом, почему на это ушло столько времени.", "وتساءل بعض المعلقين عن سبب استغراق ذلك كل هذا الوقت."),
    ],
    outlook: &[
        tri("The programme for next season will be announced in the spring.", "Программу следующего сезона объявят весной.", "وسيُعلن برنامج الموسم المقبل في الربيع."),
        tri("A touring version is planned for next year.", "В следующем году планируется гастрольная версия.", "ومن المقرر تنظيم نسخة متنقلة العام المقبل."),
        tri("Organisers hope to make the event a regular fixture.", "Организаторы надеются сделать мероприятие регулярным.", "ويأمل المنظمون في أن يصبح الحدث موعدًا ثابتًا."),
        tri("Further announcements are expected before the end of the year.", "Новые объявления ожидаются до конца года.", "ومن المتوقع صدور إعلانات أخرى قبل نهاية العام."),
        tri("Talks about funding for the coming years are continuing.", "Переговоры о финансировании на ближайшие годы продолжаются.", "وتتواصل المحادثات بشأن التمويل للسنوات المقبلة."),
        tri("More dates may be added if demand stays high.", "Если спрос сохранится, могут добавить новые даты.", "وقد تُضاف مواعيد جديدة إذا استمر الطلب مرتفعًا."),
        tri("A fuller programme is due to be published in the new year.", "Более подробную программу обещают опубликовать в новом году.", "ومن المقرر نشر برنامج أكثر تفصيلًا في العام الجديد."),
    ],
    quotes: &[
        tri("This is exactly the kind of risk culture needs to take", "Именно на такой риск культуре и нужно идти", "هذا بالضبط نوع المجازفة التي تحتاج إليها الثقافة"),
        tri("Talent is everywhere; opportunity is not", "Талант есть везде, а возможности — нет", "الموهبة موجودة في كل مكان، أما الفرص فلا"),
        tri("Audiences are smarter than the industry often gives them credit for", "Публика умнее, чем о ней часто думает индустрия", "الجمهور أذكى مما تعتقده الصناعة في أغلب الأحيان"),
        tri("Culture is not a luxury, it is how a society talks to itself", "Культура — не роскошь, а способ, которым общество говорит само с собой", "الثقافة ليست ترفًا، بل هي الطريقة التي يحاور بها المجتمع نفسه"),
    ],
    roles: &[
        role("a culture critic", "культурный обозреватель", "الناقد الثقافي", "الناقدة الثقافية"),
        role("a professor of art history", "профессор истории искусств", "أستاذ تاريخ الفن", "أستاذة تاريخ الفن"),
        role("the editor of an arts magazine", "редактор журнала об искусстве", "محرر مجلة فنية", "محررة مجلة فنية"),
    ],
    figures: &[
        figure(Thousands, 200, 900, "visitors to the city's museums last year", "столько человек посетили музеи города в прошлом году", "عدد زوار متاحف المدينة العام الماضي"),
        figure(Money, 50, 600, "the annual public budget for culture", "таков годовой бюджет государства на культуру", "الميزانية العامة السنوية المخصصة للثقافة"),
        figure(Plain, 40, 300, "the number of festivals held in the country this year", "столько фестивалей прошло в стране в этом году", "عدد المهرجانات التي أقيمت في البلاد هذا العام"),
        figure(Pct, 120, 480, "the share of tickets bought by people under 30", "такая доля билетов куплена зрителями младше 30 лет", "نسبة التذاكر التي اشتراها من هم دون الثلاثين"),
        figure(Plain, 3, 20, "the number of new venues opened in the past five years", "столько новых площадок открылось за последние пять лет", "عدد الأماكن الثقافية الجديدة التي افتُتحت خلال السنوات الخمس الماضية"),
    ],
};
