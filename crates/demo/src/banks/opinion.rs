//! Opinion: columns argue rather than report, so they have their own language.

use crate::lang::{Tri, tri};

#[rustfmt::skip]
pub static HEADLINES: [Tri; 12] = [
    tri("We need an honest conversation about the cost of living", "Нам нужен честный разговор о стоимости жизни", "نحتاج إلى حوار صريح حول تكاليف المعيشة"),
    tri("Cities must plan for hotter summers now", "Городам пора готовиться к жаркому лету уже сейчас", "على المدن أن تستعد لصيف أشد حرارة من الآن"),
    tri("The case for slower news", "В защиту неторопливой журналистики", "دفاعا عن الصحافة المتأنية"),
    tri("Artificial intelligence will not fix bad public services", "Искусственный интеллект не исправит плохие госуслуги", "الذكاء الاصطناعي لن يصلح الخدمات العامة السيئة"),
    tri("Why local libraries matter more than ever", "Почему местные библиотеки сегодня важнее, чем когда-либо", "لماذا أصبحت المكتبات المحلية أهم من أي وقت مضى"),
    tri("Diplomacy is slow, and that is its strength", "Дипломатия медлительна, и в этом её сила", "الدبلوماسية بطيئة، وهذا مصدر قوتها"),
    tri("Sport belongs to the people who play it", "Спорт принадлежит тем, кто им занимается", "الرياضة ملك لمن يمارسها"),
    tri("Our trains are a test of political will", "Наши поезда — проверка политической воли", "قطاراتنا اختبار للإرادة السياسية"),
    tri("Science funding is not a luxury", "Финансирование науки — не роскошь", "تمويل العلم ليس ترفا"),
    tri("Voters deserve clearer answers on the budget", "Избиратели заслуживают ясных ответов о бюджете", "الناخبون يستحقون إجابات أوضح بشأن الميزانية"),
    tri("The quiet crisis in rural schools", "Тихий кризис сельских школ", "الأزمة الصامتة في مدارس الأرياف"),
    tri("Privacy is a right, not a setting", "Приватность — это право, а не настройка", "الخصوصية حق وليست مجرد إعداد"),
];

#[rustfmt::skip]
pub static LEADS: [Tri; 4] = [
    tri("Politicians prefer easy promises. Readers deserve a harder look at the numbers.", "Политики предпочитают лёгкие обещания. Читатели заслуживают более внимательного взгляда на цифры.", "يفضل السياسيون الوعود السهلة، لكن القراء يستحقون نظرة أعمق إلى الأرقام."),
    tri("The evidence has been clear for years. What is missing is the will to act.", "Факты известны уже много лет. Не хватает лишь воли действовать.", "الأدلة واضحة منذ سنوات، وما ينقص هو الإرادة للتحرك."),
    tri("A small change in priorities could make a large difference to millions of people.", "Небольшое изменение приоритетов могло бы многое изменить для миллионов людей.", "تغيير بسيط في الأولويات قد يحدث فرقا كبيرا في حياة الملايين."),
    tri("There is a better way, and other countries have already found it.", "Есть путь лучше, и другие страны уже его нашли.", "هناك طريق أفضل، وقد وجدته دول أخرى بالفعل."),
];

#[rustfmt::skip]
pub static SENTENCES: [Tri; 12] = [
    tri("It is tempting to believe that the problem will solve itself.", "Заманчиво верить, что проблема решится сама собой.", "من المغري الاعتقاد بأن المشكلة ستحل نفسها بنفسها."),
    tri("Yet every year of delay makes the eventual bill larger.", "Но каждый год промедления только увеличивает итоговый счёт.", "غير أن كل عام من التأخير يجعل الفاتورة النهائية أكبر."),
    tri("The people most affected are rarely the ones consulted.", "Тех, кого это касается больше всего, спрашивают реже всего.", "ونادرا ما يُستشار الأكثر تضررا."),
    tri("Other countries have shown that a different approach is possible.", "Опыт других стран показывает, что иной подход возможен.", "وقد أظهرت دول أخرى أن نهجا مختلفا ممكن."),
    tri("None of this requires new laws; it requires attention.", "Для этого не нужны новые законы — нужно внимание.", "لا يتطلب أي من ذلك قوانين جديدة، بل يتطلب الاهتمام."),
    tri("Critics will say the country cannot afford it. The truth is that it cannot afford to wait.", "Критики скажут, что стране это не по карману. На самом деле ей не по карману ждать.", "سيقول المنتقدون إن البلاد لا تستطيع تحمل ذلك، والحقيقة أنها لا تستطيع تحمل الانتظار."),
    tri("Figures published this year show a rise of {pct}%, and the trend is not slowing.", "Опубликованные в этом году данные показывают рост на {pct}%, и тенденция не ослабевает.", "وتظهر الأرقام المنشورة هذا العام ارتفاعا بنسبة {pct}%، ولا يبدو أن هذا الاتجاه يتباطأ."),
    tri("We should judge the plan by its results, not its slogans.", "Судить о плане нужно по результатам, а не по лозунгам.", "ينبغي أن نحكم على الخطة بنتائجها لا بشعاراتها."),
    tri("There are reasons for hope.", "Поводы для надежды есть.", "ثمة ما يدعو إلى الأمل."),
    tri("A decade ago, few would have predicted where we are today.", "Десять лет назад мало кто мог предсказать, где мы окажемся сегодня.", "قبل عقد من الزمن، قلة كانوا سيتوقعون ما وصلنا إليه اليوم."),
    tri("The choice is not between doing everything and doing nothing.", "Выбор стоит не между тем, чтобы сделать всё или ничего.", "الخيار ليس بين فعل كل شيء وعدم فعل أي شيء."),
    tri("Those in charge owe the public a clear plan and a timetable.", "Те, кто принимает решения, должны дать обществу ясный план и сроки.", "ويدين المسؤولون للجمهور بخطة واضحة وجدول زمني."),
];
