//! Science and health.

use super::{NewsBank, action, actor, fits, role};
use crate::lang::{Gender::*, tri};

#[rustfmt::skip]
pub static BANK: NewsBank = NewsBank {
    actors: &[
        actor("Space agency", "the space agency", "Космическое агентство", N, "وكالة الفضاء", true).kind(1),
        actor("Meriden University team", "a research team at Meriden University", "Группа исследователей из Университета Мэридена", F, "فريق بحثي في جامعة ميريدن", false).kind(2),
        actor("Health ministry", "the health ministry", "Министерство здравоохранения", N, "وزارة الصحة", true).kind(4),
        actor("Ocean survey", "an international ocean survey", "Международная океанографическая экспедиция", F, "البعثة الدولية لمسح المحيطات", true).kind(2),
        actor("Altamira observatory", "the Altamira observatory", "Обсерватория «Альтамира»", F, "مرصد ألتاميرا", false).kind(2),
        actor("Medicines regulator", "the medicines regulator", "Агентство по лекарственным средствам", N, "هيئة الدواء", true).kind(4),
    ],
    actions: &[
        action("launches probe to study icy moons", "launched a probe to study the icy moons of Jupiter", "запустил зонд для изучения ледяных спутников Юпитера", "يطلق", "أطلق", "مسبارا لدراسة أقمار المشتري الجليدية").only(1),
        action("discovers new deep-sea species", "discovered dozens of previously unknown deep-sea species", "обнаружил десятки ранее неизвестных глубоководных видов", "يكتشف", "اكتشف", "عشرات الأنواع البحرية غير المعروفة سابقا في أعماق المحيط").only(2),
        action("approves new malaria vaccine", "approved a new malaria vaccine for children", "одобрил новую вакцину от малярии для детей", "يوافق", "وافق", "على لقاح جديد ضد الملاريا للأطفال").only(4),
        action("detects signal from distant galaxy", "detected an unusual radio signal from a distant galaxy", "зафиксировал необычный радиосигнал из далёкой галактики", "يرصد", "رصد", "إشارة راديوية غير عادية من مجرة بعيدة").only(3),
        action("warns of early flu season", "warned that the flu season has started early", "предупредил о раннем начале сезона гриппа", "يحذر", "حذر", "من بدء موسم الإنفلونزا مبكرا").only(4),
        action("finds {pct}% of reefs bleached", "published data showing {pct}% of surveyed reefs were bleached", "опубликовал данные, согласно которым обесцвечивание затронуло {pct}% обследованных рифов", "ينشر", "نشر", "بيانات تظهر أن {pct}% من الشعاب المرجانية التي شملها المسح تعرضت للابيضاض").only(2),
        action("maps ancient city buried under sand", "mapped an ancient city buried under the desert sand", "составил карту древнего города, погребённого под песками пустыни", "يرسم", "رسم", "خريطة لمدينة قديمة مدفونة تحت رمال الصحراء").only(2),
        action("secures {money} for climate research", "secured {money} for climate research", "получил {money} на исследования климата", "يحصل", "حصل", "على {money} لأبحاث المناخ").only(3),
        action("launches national heart screening", "launched a national screening programme for heart disease", "запустил национальную программу обследований на болезни сердца", "يطلق", "أطلق", "برنامجا وطنيا للكشف المبكر عن أمراض القلب").only(4),
    ],
    leads: &[
        tri("The findings, published in the journal Frontiers of Discovery, could change how scientists think about the subject.", "Результаты, опубликованные в журнале Frontiers of Discovery, могут изменить представления учёных об этой проблеме.", "وقد تغير النتائج، التي نُشرت في مجلة «فرونتيرز أوف ديسكفري»، نظرة العلماء إلى هذا الموضوع."),
        tri("Scientists say the results need to be confirmed by further studies.", "Учёные подчёркивают, что результаты ещё нуждаются в подтверждении.", "ويقول العلماء إن النتائج تحتاج إلى تأكيد من خلال دراسات إضافية."),
        tri("The project has taken more than a decade to prepare.", "Подготовка проекта заняла более десяти лет.", "واستغرق التحضير للمشروع أكثر من عشر سنوات."),
        tri("Researchers hope the work will lead to cheaper treatments.", "Исследователи надеются, что эта работа приведёт к появлению более доступных методов лечения.", "ويأمل الباحثون أن يؤدي هذا العمل إلى علاجات أقل تكلفة."),
        tri("Doctors say the measure could save thousands of lives.", "По словам врачей, эта мера может спасти тысячи жизней.", "ويقول الأطباء إن هذا الإجراء قد ينقذ آلاف الأرواح."),
        tri("The mission is one of the most ambitious the agency has attempted.", "Эта миссия — одна из самых амбициозных в истории агентства.", "وتعد هذه المهمة من أكثر المهمات طموحا في تاريخ الوكالة."),
    ],
    lead_fits: &[fits(&[1, 3, 5, 6]), fits(&[1, 3, 5, 6]), fits(&[0, 7, 8]), fits(&[2]), fits(&[2, 4, 8]), fits(&[0])],
    context: &[
        tri("The study followed more than {num},000 volunteers over ten years.", "В исследовании на протяжении десяти лет участвовали более {num} тыс. добровольцев.", "وتابعت الدراسة أكثر من {num} ألف متطوع على مدى عشر سنوات."),
        tri("Similar results were reported by a team in {place} last year.", "Похожие результаты в прошлом году получила группа учёных {place_loc}.", "وتوصل فريق في {place} إلى نتائج مماثلة العام الماضي."),
        tri("The researchers measured an increase of {pct}% compared with the previous decade.", "Исследователи зафиксировали рост на {pct}% по сравнению с предыдущим десятилетием.", "وسجل الباحثون زيادة بنسبة {pct}% مقارنة بالعقد السابق."),
        tri("Independent experts who reviewed the data called the methods sound.", "Независимые эксперты, изучившие данные, признали методику надёжной.", "ووصف خبراء مستقلون راجعوا البيانات المنهجية المتبعة بأنها سليمة."),
        tri("The full data set will be made public next year.", "Полный набор данных будет опубликован в следующем году.", "وستُتاح مجموعة البيانات الكاملة للجمهور العام المقبل."),
    ],
    quotes: &[
        tri("This is the kind of result you wait your whole career for", "Такого результата ждёшь всю карьеру", "هذا النوع من النتائج تنتظره طوال مسيرتك المهنية"),
        tri("We still have a lot to learn", "Нам ещё многое предстоит узнать", "لا يزال أمامنا الكثير لنتعلمه"),
        tri("The data surprised all of us", "Эти данные удивили всех нас", "فاجأتنا البيانات جميعا"),
        tri("It is an important step, but not the last one", "Это важный шаг, но не последний", "إنها خطوة مهمة، لكنها ليست الأخيرة"),
        tri("Good science takes time", "Хорошая наука требует времени", "العلم الجيد يحتاج إلى وقت"),
    ],
    reactions: &[
        tri("Other scientists urged caution, noting the small size of the sample.", "Другие учёные призвали к осторожности, указав на небольшой размер выборки.", "ودعا علماء آخرون إلى الحذر، مشيرين إلى صغر حجم العينة."),
        tri("Patient groups welcomed the news.", "Объединения пациентов приветствовали эту новость.", "ورحبت جمعيات المرضى بالخبر."),
        tri("Environmental groups said the findings should prompt urgent action.", "Экологические организации заявили, что эти выводы должны подтолкнуть власти к срочным действиям.", "وقالت منظمات بيئية إن هذه النتائج يجب أن تدفع إلى تحرك عاجل."),
    ],
    roles: &[
        role("a marine biologist at the Coastal Research Institute", "морской биолог Института прибрежных исследований", "عالم الأحياء البحرية في معهد الأبحاث الساحلية", "عالمة الأحياء البحرية في معهد الأبحاث الساحلية"),
        role("the mission's lead scientist", "научный руководитель миссии", "كبير علماء المهمة", "كبيرة علماء المهمة"),
        role("an epidemiologist at Meriden University", "эпидемиолог Университета Мэридена", "اختصاصي الأوبئة في جامعة ميريدن", "اختصاصية الأوبئة في جامعة ميريدن"),
        role("an astronomer who was not involved in the study", "астроном, не участвовавший в исследовании", "عالم الفلك الذي لم يشارك في الدراسة", "عالمة الفلك التي لم تشارك في الدراسة"),
    ],
};
