//! Captions and alt text for the demo photos.
//!
//! A caption says what the news picture is of; the alt text says what can be seen in it,
//! for readers who cannot see it. Both follow the scene media's generator drew (a skyline,
//! a crowd or a waterfront) under one of its five lights.

use crate::lang::{Tri, tri};

/// "at dawn" … for the five palettes in `newsdesk_media::DemoPalette::ALL` order.
#[rustfmt::skip]
pub static TIME_OF_DAY: [Tri; 5] = [
    tri("at dawn", "на рассвете", "عند الفجر"),
    tri("at midday", "в полдень", "عند الظهيرة"),
    tri("at dusk", "в сумерках", "عند الغروب"),
    tri("at night", "ночью", "ليلا"),
    tri("on a grey day", "в пасмурный день", "في يوم غائم"),
];

/// The sky of each palette, as a phrase that can stand alone after "Above, …".
#[rustfmt::skip]
pub static SKY: [Tri; 5] = [
    tri("a pink dawn sky with a pale sun low over the horizon", "розовое рассветное небо и бледное солнце низко над горизонтом", "سماء وردية عند الفجر وشمس باهتة منخفضة فوق الأفق"),
    tri("a clear blue sky with a bright white sun", "ясное голубое небо и яркое белое солнце", "سماء زرقاء صافية وشمس بيضاء ساطعة"),
    tri("an orange sunset sky fading to violet", "оранжевое закатное небо, переходящее в фиолетовое", "سماء برتقالية عند الغروب تتدرج إلى البنفسجي"),
    tri("a dark night sky with a bright full moon", "тёмное ночное небо и яркая полная луна", "سماء ليلية داكنة وقمر مكتمل ساطع"),
    tri("a flat grey sky with the sun a faint disc behind cloud", "ровное серое небо, сквозь облака едва видно солнце", "سماء رمادية يظهر خلف غيومها قرص الشمس باهتا"),
];

/// Captions per scene: skyline, crowd, water. `{place}`/`{place_loc}` and `{tod}` slots.
#[rustfmt::skip]
pub static CAPTIONS: [[Tri; 2]; 3] = [
    [
        tri("The business district in {place} {tod}.", "Деловой квартал {place_loc} {tod}.", "الحي التجاري في {place} {tod}."),
        tri("Apartment blocks in {place} {tod}.", "Жилые кварталы {place_loc} {tod}.", "أحياء سكنية في {place} {tod}."),
    ],
    [
        tri("Supporters gather for a rally in {place} {tod}.", "Участники митинга {place_loc} {tod}.", "حشد من الأنصار خلال تجمع في {place} {tod}."),
        tri("People wait for the results in {place} {tod}.", "Люди ждут объявления результатов {place_loc} {tod}.", "حشود تنتظر إعلان النتائج في {place} {tod}."),
    ],
    [
        tri("The waterfront in {place} {tod}.", "Набережная {place_loc} {tod}.", "الواجهة البحرية في {place} {tod}."),
        tri("The harbour in {place} {tod}.", "Гавань {place_loc} {tod}.", "الميناء في {place} {tod}."),
    ],
];

/// Alt text per scene, with the `{sky}` phrase.
#[rustfmt::skip]
pub static ALT: [Tri; 3] = [
    tri("The dark silhouettes of city buildings, some windows lit, in front of low hills. Above them, {sky}.", "Тёмные силуэты городских зданий, в некоторых окнах горит свет, на фоне невысоких холмов. Над ними — {sky}.", "ظلال داكنة لمبان في مدينة، بعض نوافذها مضاءة، أمام تلال منخفضة، وفوقها {sky}."),
    tri("The silhouettes of a crowd of people in the foreground, with rolling hills behind them. Above, {sky}.", "Силуэты толпы людей на переднем плане, за ними — холмы. Вверху — {sky}.", "ظلال حشد من الناس في المقدمة وخلفهم تلال متموجة، وفي الأعلى {sky}."),
    tri("Open water shimmering with reflected light, and hills along the far shore. Above, {sky}.", "Водная гладь, мерцающая отражённым светом, и холмы на дальнем берегу. Вверху — {sky}.", "مياه مفتوحة تتلألأ بالضوء المنعكس وتلال على الشاطئ البعيد، وفي الأعلى {sky}."),
];
