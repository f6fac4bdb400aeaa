//! Business: central banks, companies, trade and jobs.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("Central bank", "the central bank", "Центробанк", M, "البنك المركزي", false).kind(1),
        actor("Finance ministry", "the finance ministry", "Министерство финансов", N, "وزارة المالية", true).kind(2),
        actor("Nordhaven Motors", "Nordhaven Motors", "Автоконцерн Nordhaven Motors", M, "شركة نوردهافن موتورز", true).kind(4),
        actor("Statistics office", "the national statistics office", "Статистическое ведомство", N, "مكتب الإحصاء الوطني", false).kind(2),
        actor("Port operator", "the port operator", "Портовый оператор", M, "مشغل الميناء", false).kind(4),
        actor("Solvane Energy", "Solvane Energy", "Энергокомпания Solvane", F, "شركة سولفان للطاقة", true).kind(4),
        actor("Airline", "the national airline", "Национальная авиакомпания", F, "شركة الطيران الوطنية", true).kind(4),
    ],
    actions: &[
        action("raises key rate to {pct}%", "raised its key interest rate to {pct}%", "повысил ключевую ставку до {pct}%", "يرفع", "رفع", "سعر الفائدة الرئيسي إلى {pct}%").only(1),
        action("cuts growth forecast", "cut its growth forecast for the year", "понизил прогноз экономического роста на текущий год", "يخفض", "خفض", "توقعات النمو الاقتصادي لهذا العام").only(7),
        action("reports {pct}% jump in profit", "reported a {pct}% jump in quarterly profit", "сообщил о росте квартальной прибыли на {pct}%", "يعلن", "أعلن", "عن ارتفاع الأرباح الفصلية بنسبة {pct}%").only(4),
        action("announces {money} investment", "announced an investment of {money} over five years", "объявил об инвестициях в размере {money} в течение пяти лет", "يعلن", "أعلن", "عن استثمارات بقيمة {money} على مدى خمس سنوات").only(4),
        action("warns of slowdown in exports", "warned of a slowdown in exports as demand weakens", "предупредил о замедлении экспорта на фоне ослабления спроса", "يحذر", "حذر", "من تباطؤ الصادرات مع ضعف الطلب").only(3),
        action("plans {num},000 new jobs", "said it planned to create {num},000 new jobs", "заявил о планах создать {num} тыс. новых рабочих мест", "يعتزم", "اعتزم", "توفير {num} ألف وظيفة جديدة").only(4),
        action("holds rates steady", "held interest rates steady for a third month", "сохранил процентные ставки без изменений третий месяц подряд", "يبقي", "أبقى", "أسعار الفائدة دون تغيير للشهر الثالث على التوالي").only(1),
        action("agrees {money} takeover", "agreed a takeover worth {money}", "договорился о поглощении стоимостью {money}", "يوافق", "وافق", "على صفقة استحواذ بقيمة {money}").only(4),
        action("posts record sales", "posted record sales for the third quarter", "отчитался о рекордных продажах в третьем квартале", "يسجل", "سجل", "مبيعات قياسية في الربع الثالث").only(4),
    ],
    leads: &[
        tri("Economists had expected the move after inflation rose for a fourth month.", "Экономисты ожидали такого шага после того, как инфляция росла четвёртый месяц подряд.", "وكان خبراء الاقتصاد يتوقعون هذه الخطوة بعد ارتفاع التضخم للشهر الرابع على التوالي."),
        tri("Shares rose {pct}% in early trading after the announcement.", "После этого объявления акции в начале торгов подорожали на {pct}%.", "وارتفعت الأسهم بنسبة {pct}% في بداية التداول عقب الإعلان."),
        tri("The decision is likely to push up borrowing costs for households and businesses.", "Это решение, вероятно, приведёт к росту стоимости кредитов для населения и бизнеса.", "ومن المرجح أن يؤدي القرار إلى ارتفاع تكاليف الاقتراض على الأسر والشركات."),
        tri("The figures are the clearest sign yet that the recovery is losing pace.", "Эти данные — самый явный признак того, что восстановление экономики замедляется.", "وتعد هذه الأرقام أوضح مؤشر حتى الآن على تباطؤ التعافي الاقتصادي."),
        tri("The company's shares have gained {pct}% since January.", "С начала года акции компании подорожали на {pct}%.", "وارتفعت أسهم الشركة بنسبة {pct}% منذ بداية العام."),
        tri("Most analysts had expected no change, pointing to mixed economic data.", "Большинство аналитиков не ожидали изменений, ссылаясь на противоречивые экономические данные.", "وكان معظم المحللين يتوقعون عدم حدوث تغيير، مشيرين إلى بيانات اقتصادية متباينة."),
        tri("The forecast will shape the government's spending plans for next year.", "Этот прогноз ляжет в основу планов правительства по расходам на следующий год.", "وسيحدد هذا التوقع خطط الإنفاق الحكومي للعام المقبل."),
    ],
    lead_fits: &[fits(&[0]), fits(&[2, 3, 5, 7, 8]), fits(&[0]), fits(&[1, 4]), fits(&[2, 7, 8]), fits(&[6]), fits(&[1, 4])],
    context: &[
        tri("Inflation stood at {pct}% last month, well above the official target.", "В прошлом месяце инфляция составила {pct}%, что значительно выше официального целевого уровня.", "وبلغ معدل التضخم {pct}% الشهر الماضي، وهو أعلى بكثير من المستوى المستهدف."),
        tri("Energy prices have been the biggest driver of rising costs this year.", "Главной причиной роста издержек в этом году остаются цены на энергоносители.", "وكانت أسعار الطاقة المحرك الأكبر لارتفاع التكاليف هذا العام."),
        tri("Exports account for roughly {pct}% of the country's economic output.", "На экспорт приходится около {pct}% экономики страны.", "وتشكل الصادرات نحو {pct}% من الناتج الاقتصادي للبلاد."),
        tri("The company employs more than {num},000 people, most of them outside the capital.", "В компании работают более {num} тыс. человек, большинство из них — за пределами столицы.", "ويعمل في الشركة أكثر من {num} ألف شخص، معظمهم خارج العاصمة."),
        tri("Markets in {place} closed higher after the news.", "Торги {place_loc} после этой новости завершились ростом.", "وأغلقت الأسواق في {place} على ارتفاع بعد هذا الخبر."),
        tri("Consumer spending has held up better than many analysts expected.", "Потребительские расходы оказались устойчивее, чем ожидали многие аналитики.", "وصمد الإنفاق الاستهلاكي بشكل أفضل مما توقعه كثير من المحللين."),
    ],
    quotes: &[
        tri("We are not yet out of the woods, but the direction is right", "Трудности ещё не позади, но направление верное", "لم نتجاوز الصعوبات بعد، لكن الاتجاه صحيح"),
        tri("Households will feel this in their monthly bills", "Семьи почувствуют это на своих ежемесячных счетах", "ستشعر الأسر بذلك في فواتيرها الشهرية"),
        tri("The numbers speak for themselves", "Цифры говорят сами за себя", "الأرقام تتحدث عن نفسها"),
        tri("Investors want stability above all", "Инвесторам прежде всего нужна стабильность", "المستثمرون يريدون الاستقرار قبل كل شيء"),
        tri("We expect demand to recover in the second half of the year", "Мы ожидаем, что спрос восстановится во втором полугодии", "نتوقع أن يتعافى الطلب في النصف الثاني من العام"),
    ],
    reactions: &[
        tri("Trade unions said workers were paying the price for decisions they had no part in.", "Профсоюзы заявили, что за решения, в которых работники не участвовали, расплачиваются именно они.", "وقالت النقابات إن العمال يدفعون ثمن قرارات لم يشاركوا في اتخاذها."),
        tri("Small businesses said they would struggle to absorb higher costs.", "Представители малого бизнеса заявили, что им будет трудно справиться с ростом издержек.", "وقالت الشركات الصغيرة إنها ستجد صعوبة في تحمل التكاليف المرتفعة."),
        tri("Analysts said the market reaction was calmer than expected.", "Аналитики отметили, что реакция рынка оказалась спокойнее, чем ожидалось.", "وقال محللون إن رد فعل السوق كان أهدأ من المتوقع."),
    ],
    roles: &[
        role("chief economist at Halden Capital", "главный экономист Halden Capital", "كبير الاقتصاديين في هالدن كابيتال", "كبيرة الاقتصاديين في هالدن كابيتال"),
        role("an analyst at Brightwater Securities", "аналитик Brightwater Securities", "المحلل في برايتووتر للأوراق المالية", "المحللة في برايتووتر للأوراق المالية"),
        role("the head of the chamber of commerce", "глава торговой палаты", "رئيس غرفة التجارة", "رئيسة غرفة التجارة"),
        role("a union representative", "представитель профсоюза", "ممثل النقابة", "ممثلة النقابة"),
    ],
};
