//! Captions and alt text for the demo photos.
//!
//! A caption says what the news picture is of and where; the alt text says what can be
//! seen in it, for readers who cannot see it. A [`Shot`] is a kind of news picture (a
//! parliament, a football ground, a data centre) drawn as one of media's
//! [`DemoScene`]s; beats list the shots that fit their stories. Captions take `{place}`,
//! `{place_loc}`, `{place_gen}` and, outdoors, `{tod}`.

use newsdesk_media::demo_photo::DemoScene;

use super::common::{CAPITAL, PORT, WATER};
use crate::lang::{Tri, tri};

/// A kind of news picture.
#[derive(Debug, Clone, Copy)]
pub struct Shot {
    pub scene: DemoScene,
    /// What the place must have (`common::CAPITAL`, `WATER`, `PORT`), or 0.
    pub needs: u8,
    pub caption: Tri,
}

const fn shot(
    scene: DemoScene,
    needs: u8,
    en: &'static str,
    ru: &'static str,
    ar: &'static str,
) -> Shot {
    Shot {
        scene,
        needs,
        caption: tri(en, ru, ar),
    }
}

pub const CITY_CENTRE: usize = 0;
pub const FINANCE: usize = 1;
pub const OFFICES: usize = 2;
pub const RALLY: usize = 3;
pub const PROTEST: usize = 4;
pub const FANS: usize = 5;
pub const AID_QUEUE: usize = 6;
pub const STRIKE: usize = 7;
pub const PREMIERE: usize = 8;
pub const WATERFRONT: usize = 9;
pub const COAST: usize = 10;
pub const PARLIAMENT: usize = 11;
pub const SUPREME_COURT: usize = 12;
pub const CITY_HALL: usize = 13;
pub const MUSEUM: usize = 14;
pub const TALKS: usize = 15;
pub const SUMMIT: usize = 16;
pub const HEADQUARTERS: usize = 17;
pub const CAMP: usize = 18;
pub const DIG: usize = 19;
pub const PORT_CRANES: usize = 20;
pub const MARKET: usize = 21;
pub const WIND: usize = 22;
pub const OBSERVATORY: usize = 23;
pub const LAB: usize = 24;
pub const HOSPITAL_LAB: usize = 25;
pub const DATA_CENTRE: usize = 26;
pub const SECURITY_FIRM: usize = 27;
pub const CONCERT: usize = 28;
pub const THEATRE: usize = 29;
pub const LAUNCH: usize = 30;
pub const FESTIVAL: usize = 31;
pub const EXHIBITION: usize = 32;
pub const READING: usize = 33;
pub const MUSEUM_HALL: usize = 34;
pub const STADIUM: usize = 35;
pub const TRACK: usize = 36;
pub const TENNIS: usize = 37;
pub const ARENA: usize = 38;

use DemoScene as S;

#[rustfmt::skip]
pub static SHOTS: [Shot; 39] = [
    shot(S::Skyline, 0, "The centre of {place} {tod}.", "Центр {place_gen} {tod}.", "وسط {place} {tod}."),
    shot(S::Skyline, 0, "The financial district of {place} {tod}.", "Деловой квартал {place_gen} {tod}.", "الحي المالي في {place} {tod}."),
    shot(S::Skyline, 0, "Office towers in {place} {tod}.", "Офисные башни {place_loc} {tod}.", "أبراج المكاتب في {place} {tod}."),
    shot(S::Crowd, 0, "Supporters at a rally in {place} {tod}.", "Участники митинга {place_loc} {tod}.", "أنصار خلال تجمع انتخابي في {place} {tod}."),
    shot(S::Crowd, 0, "Demonstrators gather in {place} {tod}.", "Участники акции протеста {place_loc} {tod}.", "محتجون يتجمعون في {place} {tod}."),
    shot(S::Crowd, 0, "Fans gather before the match in {place} {tod}.", "Болельщики перед матчем {place_loc} {tod}.", "مشجعون يتجمعون قبل المباراة في {place} {tod}."),
    shot(S::Crowd, 0, "People wait for aid deliveries in {place} {tod}.", "Люди в ожидании гуманитарной помощи {place_loc} {tod}.", "أشخاص ينتظرون توزيع المساعدات في {place} {tod}."),
    shot(S::Crowd, 0, "Striking workers outside a factory in {place} {tod}.", "Бастующие рабочие у ворот завода {place_loc} {tod}.", "عمال مضربون أمام بوابة مصنع في {place} {tod}."),
    shot(S::Crowd, 0, "Fans outside a premiere in {place} {tod}.", "Зрители у кинотеатра перед премьерой {place_loc} {tod}.", "جمهور أمام دار السينما قبل العرض الأول في {place} {tod}."),
    shot(S::Waterfront, WATER, "The waterfront in {place} {tod}.", "Набережная {place_loc} {tod}.", "الواجهة المائية في {place} {tod}."),
    shot(S::Waterfront, PORT, "The coast at {place} {tod}.", "Побережье в районе {place_gen} {tod}.", "الساحل عند {place} {tod}."),
    shot(S::Parliament, CAPITAL, "The parliament building in {place} {tod}.", "Здание парламента {place_loc} {tod}.", "مبنى البرلمان في {place} {tod}."),
    shot(S::Parliament, CAPITAL, "The supreme court in {place} {tod}.", "Здание Верховного суда {place_loc} {tod}.", "مبنى المحكمة العليا في {place} {tod}."),
    shot(S::Parliament, 0, "City hall in {place} {tod}.", "Здание мэрии {place_loc} {tod}.", "مبنى البلدية في {place} {tod}."),
    shot(S::Parliament, 0, "The national museum in {place} {tod}.", "Здание национального музея {place_loc} {tod}.", "مبنى المتحف الوطني في {place} {tod}."),
    shot(S::Flags, 0, "Flags outside the conference centre hosting the talks in {place} {tod}.", "Флаги у конференц-центра, где проходят переговоры, {place_loc} {tod}.", "أعلام أمام مركز المؤتمرات الذي يستضيف المحادثات في {place} {tod}."),
    shot(S::Flags, 0, "Flags outside the summit venue in {place} {tod}.", "Флаги у места проведения саммита {place_loc} {tod}.", "أعلام أمام مقر القمة في {place} {tod}."),
    shot(S::Flags, 0, "A company headquarters in {place} {tod}.", "Штаб-квартира компании {place_loc} {tod}.", "مقر إحدى الشركات في {place} {tod}."),
    shot(S::Camp, 0, "A camp for displaced families on the outskirts of {place} {tod}.", "Лагерь для вынужденных переселенцев в окрестностях {place_gen} {tod}.", "مخيم للعائلات النازحة على أطراف {place} {tod}."),
    shot(S::Camp, 0, "Tents at an excavation site near {place} {tod}.", "Палатки археологов на месте раскопок неподалёку от {place_gen} {tod}.", "خيام فريق التنقيب في موقع أثري قرب {place} {tod}."),
    shot(S::Port, PORT, "Container cranes at the port of {place} {tod}.", "Контейнерные краны в порту {place_gen} {tod}.", "رافعات الحاويات في ميناء {place} {tod}."),
    shot(S::Market, 0, "A street market in {place} {tod}.", "Уличный рынок {place_loc} {tod}.", "سوق شعبية في {place} {tod}."),
    shot(S::WindFarm, 0, "Wind turbines outside {place} {tod}.", "Ветряки в окрестностях {place_gen} {tod}.", "توربينات رياح على مشارف {place} {tod}."),
    shot(S::Observatory, 0, "An observatory in the hills outside {place} {tod}.", "Обсерватория на холмах в окрестностях {place_gen} {tod}.", "مرصد فلكي على التلال قرب {place} {tod}."),
    shot(S::Lab, 0, "A laboratory at a research institute in {place}.", "Лаборатория научно-исследовательского института {place_loc}.", "مختبر في أحد معاهد البحث العلمي في {place}."),
    shot(S::Lab, 0, "A hospital laboratory in {place}.", "Больничная лаборатория {place_loc}.", "مختبر في أحد مستشفيات {place}."),
    shot(S::ServerRoom, 0, "A data centre in {place}.", "Центр обработки данных {place_loc}.", "مركز بيانات في {place}."),
    shot(S::ServerRoom, 0, "Servers at a cybersecurity firm in {place}.", "Серверная компании по кибербезопасности {place_loc}.", "خوادم في شركة للأمن السيبراني في {place}."),
    shot(S::Stage, 0, "A concert in {place}.", "Концерт {place_loc}.", "حفل موسيقي في {place}."),
    shot(S::Stage, 0, "A performance at a theatre in {place}.", "Спектакль в одном из театров {place_gen}.", "عرض على خشبة أحد مسارح {place}."),
    shot(S::Stage, 0, "A product launch in {place}.", "Презентация новых устройств {place_loc}.", "حفل إطلاق منتجات جديدة في {place}."),
    shot(S::Stage, 0, "The festival's opening night in {place}.", "Церемония открытия фестиваля {place_loc}.", "حفل افتتاح المهرجان في {place}."),
    shot(S::Gallery, 0, "Visitors at an exhibition in {place}.", "Посетители выставки {place_loc}.", "زوار أحد المعارض في {place}."),
    shot(S::Stage, 0, "A reading at a book festival in {place}.", "Авторские чтения на книжном фестивале {place_loc}.", "أمسية قراءة في مهرجان للكتاب في {place}."),
    shot(S::Gallery, 0, "A gallery at the national museum in {place}.", "Один из залов национального музея {place_loc}.", "إحدى قاعات المتحف الوطني في {place}."),
    shot(S::Stadium, 0, "The stadium in {place} {tod}.", "Стадион {place_loc} {tod}.", "الملعب في {place} {tod}."),
    shot(S::Track, 0, "The athletics stadium in {place} {tod}.", "Легкоатлетический стадион {place_loc} {tod}.", "ملعب ألعاب القوى في {place} {tod}."),
    shot(S::TennisCourt, 0, "Centre court at the tournament in {place} {tod}.", "Центральный корт турнира {place_loc} {tod}.", "الملعب الرئيسي للبطولة في {place} {tod}."),
    shot(S::Arena, 0, "The arena in {place} before tip-off.", "Арена {place_loc} перед началом матча.", "الصالة الرياضية في {place} قبل انطلاق المباراة."),
];

/// "at dawn" … for the five palettes in `newsdesk_media::DemoPalette::ALL` order.
#[rustfmt::skip]
pub static TIME_OF_DAY: [Tri; 5] = [
    tri("at dawn", "на рассвете", "عند الفجر"),
    tri("at midday", "в полдень", "عند الظهيرة"),
    tri("at dusk", "в сумерках", "عند الغروب"),
    tri("at night", "ночью", "ليلًا"),
    tri("on a grey day", "в пасмурный день", "في يوم غائم"),
];

/// The sky of each palette, as a phrase that can stand alone after "Above, …".
#[rustfmt::skip]
pub static SKY: [Tri; 5] = [
    tri("a pink dawn sky with a pale sun low over the horizon", "розовое рассветное небо и бледное солнце низко над горизонтом", "سماء وردية عند الفجر وشمس باهتة منخفضة فوق الأفق"),
    tri("a clear blue sky with a bright white sun", "ясное голубое небо и яркое белое солнце", "سماء زرقاء صافية وشمس بيضاء ساطعة"),
    tri("an orange sunset sky fading to violet", "оранжевое закатное небо, переходящее в фиолетовое", "سماء برتقالية عند الغروب تتدرج إلى البنفسجي"),
    tri("a dark night sky with stars and a bright full moon", "тёмное ночное небо со звёздами и яркой полной луной", "سماء ليلية داكنة تتناثر فيها النجوم وقمر مكتمل ساطع"),
    tri("a flat grey sky with the sun a faint disc behind cloud", "ровное серое небо, сквозь облака едва видно солнце", "سماء رمادية يظهر خلف غيومها قرص الشمس باهتًا"),
];

/// What each scene shows, in `DemoScene::ALL` order; outdoor ones end with the `{sky}`.
#[rustfmt::skip]
pub static ALT: [Tri; 18] = [
    tri("The dark silhouettes of city buildings, some windows lit, in front of low hills. Above them, {sky}.", "Тёмные силуэты городских зданий, в некоторых окнах горит свет, на фоне невысоких холмов. Над ними — {sky}.", "ظلال داكنة لمبانٍ في مدينة، بعض نوافذها مضاءة، أمام تلال منخفضة، وفوقها {sky}."),
    tri("The silhouettes of a crowd in the foreground, some holding placards above their heads, with hills behind them. Above, {sky}.", "Силуэты толпы на переднем плане, некоторые держат над головой плакаты, за ними — холмы. Вверху — {sky}.", "ظلال حشد من الناس في المقدمة يرفع بعضهم لافتات فوق رؤوسهم، وخلفهم تلال، وفي الأعلى {sky}."),
    tri("Open water shimmering with reflected light, low buildings and hills along the far shore. Above, {sky}.", "Водная гладь, мерцающая отражённым светом, невысокие дома и холмы на дальнем берегу. Вверху — {sky}.", "مياه مفتوحة تتلألأ بالضوء المنعكس، ومبانٍ منخفضة وتلال على الضفة البعيدة، وفي الأعلى {sky}."),
    tri("A pale stone building with a columned portico and a dome with a flag on top, wide steps in front. Above, {sky}.", "Светлое каменное здание с колоннадой и куполом, над которым развевается флаг, перед ним — широкая лестница. Вверху — {sky}.", "مبنى حجري فاتح اللون برواق من الأعمدة وقبة يعلوها علم، وأمامه درج عريض، وفي الأعلى {sky}."),
    tri("A row of flagpoles with brightly coloured flags in front of a long glass building. Above, {sky}.", "Ряд флагштоков с яркими флагами перед длинным стеклянным зданием. Вверху — {sky}.", "صف من سواري الأعلام ترفرف عليها أعلام زاهية الألوان أمام مبنى زجاجي طويل، وفي الأعلى {sky}."),
    tri("Rows of pale tents on dusty ground, a few people walking between them, hills beyond. Above, {sky}.", "Ряды светлых палаток на пыльной земле, между ними идут несколько человек, вдали — холмы. Вверху — {sky}.", "صفوف من الخيام الفاتحة على أرض مغبرة يسير بينها بعض الناس، وخلفها تلال، وفي الأعلى {sky}."),
    tri("Stacks of coloured shipping containers on a quay, tall cranes above them and a ship alongside. Above, {sky}.", "Штабели разноцветных контейнеров на причале, над ними — высокие краны, у причала — судно. Вверху — {sky}.", "أكوام من حاويات الشحن الملونة على رصيف الميناء، تعلوها رافعات شاهقة وبجانبها سفينة، وفي الأعلى {sky}."),
    tri("Market stalls under striped awnings with fruit laid out on the counters, shoppers in the foreground and buildings behind. Above, {sky}.", "Торговые ряды под полосатыми навесами, на прилавках разложены фрукты, на переднем плане — покупатели, позади — дома. Вверху — {sky}.", "بسطات سوق تحت مظلات مخططة وقد صُفّت الفاكهة على طاولاتها، والمتسوقون في المقدمة وخلفهم مبانٍ، وفي الأعلى {sky}."),
    tri("White wind turbines on green land, smaller ones in the distance, hills on the horizon. Above, {sky}.", "Белые ветряные турбины на зелёной равнине, вдали — турбины поменьше, на горизонте — холмы. Вверху — {sky}.", "توربينات رياح بيضاء على أرض خضراء وأخرى أصغر في البعيد، وتلال عند الأفق، وفي الأعلى {sky}."),
    tri("Two white observatory domes on top of a rounded hill. Above, {sky}.", "Два белых купола обсерватории на вершине пологого холма. Вверху — {sky}.", "قبتان بيضاوان لمرصد فلكي على قمة تلة مستديرة، وفي الأعلى {sky}."),
    tri("A laboratory bench with glass flasks, shelves of bottles on the wall, a window and hanging lamps.", "Лабораторный стол со стеклянными колбами, на стене — полки с бутылками, окно и подвесные лампы.", "طاولة مختبر عليها دوارق زجاجية، ورفوف قوارير على الجدار، ونافذة ومصابيح معلقة."),
    tri("Rows of tall server racks dotted with small green, blue and amber lights in a dark room.", "Ряды высоких серверных стоек, усеянных зелёными, синими и жёлтыми огоньками, в тёмном зале.", "صفوف من خزائن الخوادم العالية تتناثر عليها أضواء صغيرة خضراء وزرقاء وكهرمانية في قاعة مظلمة."),
    tri("A stage lit by coloured spotlights, figures in silhouette on it and raised hands in the audience.", "Сцена в лучах цветных прожекторов, на ней — силуэты людей, в зале — поднятые руки зрителей.", "خشبة مسرح تضيئها أضواء ملونة وعليها ظلال أشخاص، وأيادٍ مرفوعة بين الجمهور."),
    tri("Framed paintings of bright blocks of colour on a pale wall, a bench and visitors standing in front of them.", "Картины в рамах с яркими цветовыми пятнами на светлой стене, скамья и посетители перед полотнами.", "لوحات مؤطرة بكتل لونية زاهية على جدار فاتح، ومقعد وزوار يقفون أمامها."),
    tri("A football pitch with white markings in front of packed stands, floodlight towers above. Above, {sky}.", "Футбольное поле с белой разметкой перед заполненными трибунами, над ними — мачты освещения. Вверху — {sky}.", "ملعب كرة قدم بخطوط بيضاء أمام مدرجات ممتلئة تعلوها أبراج الإضاءة، وفي الأعلى {sky}."),
    tri("The red lanes of an athletics track in front of packed stands and floodlight towers. Above, {sky}.", "Красные дорожки легкоатлетического стадиона перед заполненными трибунами и мачтами освещения. Вверху — {sky}.", "مضامير حمراء لملعب ألعاب القوى أمام مدرجات ممتلئة وأبراج إضاءة، وفي الأعلى {sky}."),
    tri("A tennis court seen from behind the baseline, the net across the middle and spectators in the stands beyond. Above, {sky}.", "Теннисный корт, вид из-за задней линии: посередине — сетка, за ней — зрители на трибунах. Вверху — {sky}.", "ملعب تنس من خلف خط القاعدة، تتوسطه الشبكة، والمتفرجون في المدرجات خلفه، وفي الأعلى {sky}."),
    tri("A basketball court with a wooden floor, the painted key and a backboard, crowded stands behind.", "Баскетбольная площадка с деревянным полом, окрашенной трёхсекундной зоной и щитом, позади — заполненные трибуны.", "ملعب كرة سلة بأرضية خشبية ومنطقة مطلية ولوحة السلة، وخلفه مدرجات مكتظة."),
];

/// Whether `place` (its `common::Place::has` bits) suits shot `shot`.
pub fn suits(shot: &Shot, has: u8) -> bool {
    has & shot.needs == shot.needs
}
