//! Technology: platforms, chips, regulation and security.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("Competition regulator", "the competition regulator", "Антимонопольный регулятор", M, "هيئة المنافسة", true).kind(1),
        actor("Lumora", "Lumora", "Компания Lumora", F, "شركة لومورا", true).kind(2),
        actor("Chipmaker Veridian", "chipmaker Veridian", "Производитель микросхем Veridian", M, "شركة فيريديان لصناعة الرقائق", true).kind(2),
        actor("Data protection authority", "the data protection authority", "Ведомство по защите данных", N, "هيئة حماية البيانات", true).kind(1),
        actor("Telecoms operator", "the country's largest telecoms operator", "Крупнейший оператор связи страны", M, "أكبر مشغل للاتصالات في البلاد", false).kind(2),
        actor("Cyber security agency", "the national cyber security agency", "Национальное агентство кибербезопасности", N, "الوكالة الوطنية للأمن السيبراني", true).kind(1),
    ],
    actions: &[
        action("fines tech giant {money}", "fined a technology giant {money} over its advertising practices", "оштрафовал технологического гиганта на {money} за рекламную политику", "يفرض", "فرض", "غرامة قدرها {money} على عملاق تكنولوجي بسبب ممارساته الإعلانية").only(1),
        action("unveils AI assistant for doctors", "unveiled an AI assistant designed to help doctors with paperwork", "представил помощника на базе ИИ, который избавит врачей от бумажной работы", "يكشف", "كشف", "عن مساعد يعمل بالذكاء الاصطناعي لمساعدة الأطباء في الأعمال الورقية").only(2),
        action("opens {money} chip plant", "opened a chip plant worth {money}", "открыл завод по производству микросхем стоимостью {money}", "يفتتح", "افتتح", "مصنعا للرقائق بقيمة {money}").only(2),
        action("warns of phishing campaign", "warned of a large phishing campaign targeting bank customers", "предупредил о масштабной фишинговой кампании против клиентов банков", "يحذر", "حذر", "من حملة تصيد واسعة تستهدف عملاء البنوك").only(3),
        action("opens investigation into data leak", "opened an investigation into a leak of customer data", "начал расследование утечки данных клиентов", "يفتح", "فتح", "تحقيقا في تسريب بيانات العملاء").only(1),
        action("delays launch of new smartphone", "delayed the launch of a new smartphone", "отложил выпуск нового смартфона", "يؤجل", "أجل", "إطلاق هاتف ذكي جديد").only(2),
        action("promises fast broadband for rural homes", "said it would bring fast broadband to {num},000 rural homes", "пообещал подключить к скоростному интернету {num} тыс. сельских домов", "يتعهد", "تعهد", "بتوصيل الإنترنت السريع إلى {num} ألف منزل في المناطق الريفية").only(2),
        action("approves rules for self-driving cars", "approved new rules for testing self-driving cars on public roads", "утвердил новые правила испытаний беспилотных автомобилей на дорогах общего пользования", "يقر", "أقر", "قواعد جديدة لاختبار السيارات ذاتية القيادة على الطرق العامة").only(1),
        action("reports {pct}% rise in ransomware attacks", "reported a {pct}% rise in ransomware attacks", "сообщил о росте числа атак программ-вымогателей на {pct}%", "يعلن", "أعلن", "عن ارتفاع هجمات برامج الفدية بنسبة {pct}%").only(1),
    ],
    leads: &[
        tri("The move comes as governments look more closely at how large platforms handle personal data.", "Этот шаг предпринят на фоне того, как правительства всё пристальнее следят за обращением крупных платформ с личными данными.", "وتأتي هذه الخطوة في وقت تراقب فيه الحكومات عن كثب طريقة تعامل المنصات الكبرى مع البيانات الشخصية."),
        tri("Industry analysts say the decision could reshape the market.", "По мнению отраслевых аналитиков, это решение может изменить расстановку сил на рынке.", "ويرى محللون في القطاع أن القرار قد يعيد تشكيل السوق."),
        tri("Experts warn that millions of users may be affected.", "Эксперты предупреждают, что это может затронуть миллионы пользователей.", "ويحذر خبراء من أن ملايين المستخدمين قد يتأثرون بذلك."),
        tri("It is the largest project of its kind in the region.", "Это крупнейший проект такого рода в регионе.", "ويعد هذا أكبر مشروع من نوعه في المنطقة."),
    ],
    lead_fits: &[fits(&[0, 4]), fits(&[0, 1, 2, 5, 7]), fits(&[3, 4, 8]), fits(&[2, 6])],
    context: &[
        tri("Around {pct}% of households still lack a fast internet connection.", "Около {pct}% домохозяйств до сих пор не имеют скоростного подключения к интернету.", "ولا يزال نحو {pct}% من الأسر يفتقرون إلى اتصال سريع بالإنترنت."),
        tri("The global shortage of chips has eased, but demand for advanced processors keeps growing.", "Мировой дефицит микросхем ослаб, но спрос на современные процессоры продолжает расти.", "وخف النقص العالمي في الرقائق، لكن الطلب على المعالجات المتقدمة يواصل النمو."),
        tri("Regulators in {place} are considering similar measures.", "Регуляторы {place_loc} рассматривают аналогичные меры.", "وتدرس الجهات التنظيمية في {place} إجراءات مماثلة."),
        tri("More than {num},000 complaints were filed last year.", "В прошлом году было подано более {num} тыс. жалоб.", "وقُدّمت أكثر من {num} ألف شكوى العام الماضي."),
        tri("Security researchers first raised the alarm in the spring.", "Специалисты по безопасности впервые забили тревогу ещё весной.", "وكان باحثون في مجال الأمن قد دقوا ناقوس الخطر لأول مرة في الربيع."),
    ],
    quotes: &[
        tri("Technology should serve people, not the other way round", "Технологии должны служить людям, а не наоборот", "يجب أن تخدم التكنولوجيا الناس لا العكس"),
        tri("Users have a right to know what happens to their data", "Пользователи имеют право знать, что происходит с их данными", "من حق المستخدمين أن يعرفوا ما يحدث لبياناتهم"),
        tri("We are moving as fast as we safely can", "Мы движемся так быстро, как позволяет безопасность", "نتحرك بأقصى سرعة تسمح بها اعتبارات السلامة"),
        tri("The threat is real and it is growing", "Угроза реальна, и она растёт", "التهديد حقيقي وهو يتزايد"),
    ],
    reactions: &[
        tri("Consumer groups said the measures did not go far enough.", "Общества защиты прав потребителей заявили, что этих мер недостаточно.", "وقالت جمعيات حماية المستهلك إن الإجراءات لا تذهب بعيدا بما يكفي."),
        tri("Rivals are expected to respond with announcements of their own.", "Ожидается, что конкуренты ответят собственными анонсами.", "ومن المتوقع أن يرد المنافسون بإعلانات خاصة بهم."),
        tri("Privacy campaigners welcomed the step.", "Защитники приватности приветствовали этот шаг.", "ورحب المدافعون عن الخصوصية بهذه الخطوة."),
    ],
    roles: &[
        role("a cyber security researcher", "исследователь в области кибербезопасности", "الباحث في الأمن السيبراني", "الباحثة في الأمن السيبراني"),
        role("a technology analyst at Brightwater Securities", "технологический аналитик Brightwater Securities", "محلل التكنولوجيا في برايتووتر للأوراق المالية", "محللة التكنولوجيا في برايتووتر للأوراق المالية"),
        role("a former chief executive of Lumora", "бывший генеральный директор Lumora", "الرئيس التنفيذي السابق لشركة لومورا", "الرئيسة التنفيذية السابقة لشركة لومورا"),
        role("a digital rights campaigner", "правозащитник в сфере цифровых прав", "الناشط في مجال الحقوق الرقمية", "الناشطة في مجال الحقوق الرقمية"),
    ],
};
