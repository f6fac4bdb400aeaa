//! World: diplomacy, conflict and humanitarian news.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("UN Security Council", "the UN Security Council", "Совет Безопасности ООН", M, "مجلس الأمن الدولي", false),
        actor("Foreign ministry", "the foreign ministry", "МИД", M, "وزارة الخارجية", true),
        actor("Peace envoy", "the peace envoy", "Спецпосланник ООН", M, "المبعوث الأممي", false),
        actor("Regional bloc", "the regional bloc", "Региональный союз", M, "التكتل الإقليمي", false),
        actor("UN aid agency", "the UN aid agency", "Гуманитарное агентство ООН", N, "وكالة الإغاثة الأممية", true),
        actor("Red Cross", "the Red Cross", "Красный Крест", M, "الصليب الأحمر", false),
        actor("President", "the president", "Президент", M, "الرئيس", false),
    ],
    actions: &[
        action("calls for ceasefire talks", "called for ceasefire talks to begin without delay", "призвал без промедления начать переговоры о прекращении огня", "يدعو", "دعا", "إلى بدء محادثات وقف إطلاق النار دون تأخير"),
        action("warns of worsening food shortages", "warned of worsening food shortages across the region", "предупредил о растущей нехватке продовольствия в регионе", "يحذر", "حذر", "من تفاقم نقص الغذاء في المنطقة"),
        action("sends {num},000 tonnes of aid", "sent {num},000 tonnes of food and medical supplies", "направил {num} тыс. тонн продовольствия и медикаментов", "يرسل", "أرسل", "{num} ألف طن من الأغذية والإمدادات الطبية"),
        action("urges restraint after border clashes", "urged both sides to show restraint after clashes on the border", "призвал стороны к сдержанности после столкновений на границе", "يدعو", "دعا", "الطرفين إلى ضبط النفس بعد اشتباكات على الحدود"),
        action("opens talks on prisoner exchange", "opened talks on an exchange of prisoners", "начал переговоры об обмене пленными", "يبدأ", "بدأ", "محادثات بشأن تبادل الأسرى"),
        action("pledges {money} for flood recovery", "pledged {money} to help rebuild after the floods", "выделил {money} на восстановление после наводнений", "يتعهد", "تعهد", "بتقديم {money} لإعادة الإعمار بعد الفيضانات"),
        action("reports sharp rise in displaced people", "reported a sharp rise in the number of people forced from their homes", "сообщил о резком росте числа вынужденных переселенцев", "يعلن", "أعلن", "عن ارتفاع حاد في أعداد النازحين"),
        action("condemns attack on aid convoy", "condemned an attack on an aid convoy", "осудил нападение на гуманитарный конвой", "يدين", "أدان", "الهجوم على قافلة مساعدات إنسانية"),
        action("backs plan for monitoring mission", "backed a plan to send an international monitoring mission", "поддержал план направить в регион международную миссию наблюдателей", "يؤيد", "أيد", "خطة لإرسال بعثة مراقبة دولية إلى المنطقة"),
    ],
    leads: &[
        tri("Diplomats say the next few days will decide whether the fragile truce holds.", "Дипломаты считают, что ближайшие дни покажут, сохранится ли хрупкое перемирие.", "يقول دبلوماسيون إن الأيام المقبلة ستحدد ما إذا كانت الهدنة الهشة ستصمد."),
        tri("The move follows weeks of pressure from neighbouring governments.", "Этот шаг последовал за несколькими неделями давления со стороны соседних государств.", "وتأتي هذه الخطوة بعد أسابيع من الضغوط من جانب الحكومات المجاورة."),
        tri("Aid groups warn that more than {num},000 people still lack clean water.", "Гуманитарные организации предупреждают, что более {num} тыс. человек по-прежнему не имеют доступа к чистой воде.", "وتحذر منظمات الإغاثة من أن أكثر من {num} ألف شخص ما زالوا يفتقرون إلى المياه النظيفة."),
        tri("It is the first such step since the conflict began.", "Это первый подобный шаг с начала конфликта.", "وهذه أول خطوة من نوعها منذ بدء النزاع."),
        tri("Talks are expected to resume in {place} next week.", "Переговоры, как ожидается, возобновятся {place_loc} на следующей неделе.", "ومن المتوقع أن تُستأنف المحادثات في {place} الأسبوع المقبل."),
    ],
    lead_fits: &[fits(&[0, 3, 4, 7, 8]), fits(&[0, 2, 3, 4, 5, 8]), fits(&[1, 2, 5, 6]), fits(&[0, 2, 4, 8]), fits(&[0, 3, 4, 7, 8])],
    context: &[
        tri("Talks in {place} broke down last month after both sides accused each other of violating the agreement.", "Переговоры {place_loc} зашли в тупик в прошлом месяце после того, как стороны обвинили друг друга в нарушении соглашения.", "وانهارت المحادثات في {place} الشهر الماضي بعد أن تبادل الطرفان الاتهامات بانتهاك الاتفاق."),
        tri("According to UN figures, prices for basic food have risen by {pct}% since the start of the year.", "По данным ООН, с начала года цены на основные продукты питания выросли на {pct}%.", "ووفقا لأرقام الأمم المتحدة، ارتفعت أسعار المواد الغذائية الأساسية بنسبة {pct}% منذ بداية العام."),
        tri("The region has been hit by a series of droughts and floods that have forced families from their homes.", "Регион пострадал от череды засух и наводнений, из-за которых многие семьи были вынуждены покинуть свои дома.", "وتعرضت المنطقة لسلسلة من موجات الجفاف والفيضانات التي أجبرت عائلات كثيرة على مغادرة منازلها."),
        tri("Observers say a lasting settlement will depend on guarantees from outside powers.", "По мнению наблюдателей, прочное урегулирование будет зависеть от гарантий внешних сил.", "ويرى مراقبون أن أي تسوية دائمة ستعتمد على ضمانات من القوى الخارجية."),
        tri("More than {num},000 people have crossed the border since the summer, officials say.", "По словам официальных лиц, с лета границу пересекли более {num} тыс. человек.", "ويقول مسؤولون إن أكثر من {num} ألف شخص عبروا الحدود منذ الصيف."),
        tri("An earlier agreement, signed last year, collapsed within weeks.", "Предыдущее соглашение, подписанное в прошлом году, продержалось лишь несколько недель.", "وكان اتفاق سابق وُقّع العام الماضي قد انهار في غضون أسابيع."),
    ],
    quotes: &[
        tri("We cannot allow this window for diplomacy to close", "Мы не можем допустить, чтобы окно для дипломатии закрылось", "لا يمكننا أن نسمح بإغلاق هذه النافذة الدبلوماسية"),
        tri("Every day without an agreement costs lives", "Каждый день без соглашения стоит людям жизни", "كل يوم يمر دون اتفاق يكلف أرواحا"),
        tri("The people on the ground need help now, not in a month", "Людям на месте помощь нужна сейчас, а не через месяц", "الناس على الأرض يحتاجون إلى المساعدة الآن، لا بعد شهر"),
        tri("This is a fragile moment, but there is reason for cautious hope", "Это хрупкий момент, но есть основания для осторожного оптимизма", "إنها لحظة هشة، لكن هناك ما يدعو إلى أمل حذر"),
        tri("Both sides have told us they are ready to keep talking", "Обе стороны сообщили нам, что готовы продолжать диалог", "أبلغنا الطرفان بأنهما مستعدان لمواصلة الحوار"),
    ],
    reactions: &[
        tri("Opposition groups dismissed the announcement as too little, too late.", "Оппозиционные группы назвали это заявление запоздалым и недостаточным.", "ووصفت جماعات المعارضة الإعلان بأنه غير كاف وجاء متأخرا."),
        tri("Neighbouring countries welcomed the decision but said they would watch closely how it is carried out.", "Соседние страны приветствовали это решение, но заявили, что будут внимательно следить за его выполнением.", "ورحبت الدول المجاورة بالقرار، لكنها قالت إنها ستراقب عن كثب طريقة تنفيذه."),
        tri("Human rights groups called for an independent investigation.", "Правозащитники призвали провести независимое расследование.", "ودعت منظمات حقوق الإنسان إلى إجراء تحقيق مستقل."),
    ],
    roles: &[
        role("a spokesperson for the UN refugee agency", "представитель Управления ООН по делам беженцев", "المتحدث باسم مفوضية الأمم المتحدة لشؤون اللاجئين", "المتحدثة باسم مفوضية الأمم المتحدة لشؤون اللاجئين"),
        role("a researcher at the Harwell Institute", "научный сотрудник Института Харвелла", "الباحث في معهد هارويل", "الباحثة في معهد هارويل"),
        role("a former ambassador", "бывший посол", "السفير السابق", "السفيرة السابقة"),
        role("the head of a local aid group", "глава местной гуманитарной организации", "رئيس منظمة إغاثة محلية", "رئيسة منظمة إغاثة محلية"),
    ],
};
