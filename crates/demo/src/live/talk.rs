//! What readers say in the chats, per language: lines that fit any story (thanks,
//! doubts, disagreement, a question for the newsroom and the newsroom's answer), replies
//! that name the reader answered, and an election-night room.
//!
//! The Russian and Arabic lines keep the writer's gender out of the grammar (no
//! «согласен» / «согласна», no first-person adjectives), since any reader may say them.

use crate::lang::Lang;

/// The name staff lines go out under.
pub fn staff_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Newsdesk moderator",
        Lang::Ru => "Модератор Newsdesk",
        Lang::Ar => "مشرف Newsdesk",
    }
}

/// Reactions any reader might post under any story.
pub fn lines(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Thanks for the live coverage, really useful.",
            "Following this from Manchester. Nothing on the local radio yet.",
            "This is going to take months to sort out, if you ask me.",
            "I don't agree with the framing. The headline makes it sound worse than it is.",
            "Good to see the full quote rather than a soundbite.",
            "Same thing happened five years ago and nobody learned anything.",
            "Can't say I'm surprised.",
            "Finally some clarity.",
            "Does anyone know when the full statement will be published?",
            "Just got back from work. What did I miss?",
            "The second paragraph answers most of the questions people are asking here.",
            "Let's wait for the official figures before jumping to conclusions.",
            "Honestly, I think both sides are making it worse.",
            "Great photo at the top.",
            "My neighbour works there. She says staff heard about it on the news first.",
            "Is there a timeline somewhere of how we got here?",
            "That's not what the minister said last week, though.",
            "Thanks, everyone, for keeping this civil.",
            "The map in the article helps a lot.",
            "I'd like to hear from the people it affects, not just officials.",
            "Refreshing the page every five minutes here.",
            "Short version: nothing changes until next month.",
            "It's the cost that worries me most.",
            "Well, that escalated quickly.",
            "Anyone else think this was handled badly from the start?",
        ],
        Lang::Ru => &[
            "Спасибо за оперативность!",
            "Слежу из Казани, у нас по местному радио пока ничего.",
            "Чувствую, разбираться с этим будут месяцами.",
            "Заголовок, по-моему, сгущает краски. На деле всё не так страшно.",
            "Хорошо, что привели цитату целиком, а не вырванную фразу.",
            "Пять лет назад было ровно то же самое, и никаких выводов.",
            "Ничего удивительного.",
            "Наконец-то хоть какая-то ясность.",
            "Никто не знает, когда опубликуют полное заявление?",
            "Только с работы. Что тут происходит?",
            "Во втором абзаце есть ответы на половину вопросов из этого чата.",
            "Давайте дождёмся официальных данных, а потом будем делать выводы.",
            "По-моему, обе стороны только усугубляют ситуацию.",
            "Отличное фото в начале статьи.",
            "Соседка там работает — говорит, сотрудники узнали обо всём из новостей.",
            "А есть где-нибудь хронология событий?",
            "Неделю назад министр говорил совсем другое.",
            "Спасибо всем, что обсуждение без хамства.",
            "Карта в статье очень помогает.",
            "Хотелось бы услышать тех, кого это касается, а не только чиновников.",
            "Обновляю страницу каждые пять минут.",
            "Если коротко: до следующего месяца ничего не изменится.",
            "Больше всего беспокоит, во что это всё обойдётся.",
            "Быстро же всё закрутилось.",
            "Кому ещё кажется, что с самого начала всё делали не так?",
        ],
        Lang::Ar => &[
            "شكرا على التغطية المباشرة، مفيدة جدا.",
            "أتابع من عمّان، ولا شيء في الإذاعة المحلية حتى الآن.",
            "أعتقد أن حل هذه المسألة سيستغرق شهورا.",
            "العنوان يضخّم الأمر في رأيي، فالواقع أقل سوءا.",
            "جيد أنكم نشرتم التصريح كاملا لا مقتطفا منه.",
            "حدث الشيء نفسه قبل خمس سنوات ولم يتعلم أحد شيئا.",
            "لا شيء يدعو إلى الاستغراب.",
            "أخيرا بعض الوضوح.",
            "هل يعرف أحد متى يُنشر البيان الكامل؟",
            "عدت للتو من العمل، ما الذي فاتني؟",
            "الفقرة الثانية تجيب عن معظم الأسئلة المطروحة هنا.",
            "لننتظر الأرقام الرسمية قبل إطلاق الأحكام.",
            "بصراحة، أرى أن الطرفين يزيدان الأمر سوءا.",
            "الصورة في أعلى المقال معبّرة جدا.",
            "جارتي تعمل هناك، وتقول إن الموظفين عرفوا بالأمر من الأخبار.",
            "هل هناك تسلسل زمني للأحداث في مكان ما؟",
            "لكن هذا ليس ما قاله الوزير الأسبوع الماضي.",
            "شكرا للجميع على الحفاظ على نقاش محترم.",
            "الخريطة في المقال مفيدة جدا.",
            "أودّ أن أسمع من المتأثرين أنفسهم، لا من المسؤولين فقط.",
            "أحدّث الصفحة كل خمس دقائق.",
            "باختصار: لا شيء سيتغير قبل الشهر المقبل.",
            "ما يقلقني أكثر هو الكلفة.",
            "تطورت الأمور بسرعة كبيرة.",
            "ألا يرى أحد غيري أن الأمر أُدير بشكل سيئ منذ البداية؟",
        ],
    }
}

/// Replies to the reader before: `{name}` is that reader's name.
pub fn replies(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "{name}, fair point, but the article does cover that further down.",
            "Agree with {name} on this one.",
            "{name}, where did you read that? It isn't in the report.",
            "{name}, the link is at the very end of the article.",
        ],
        Lang::Ru => &[
            "{name}, справедливо, но ниже в статье об этом есть.",
            "{name}, поддерживаю.",
            "{name}, а где вы это прочитали? В докладе такого нет.",
            "{name}, ссылка в самом конце статьи.",
        ],
        Lang::Ar => &[
            "{name}، نقطة وجيهة، لكن المقال يتناول ذلك في موضع لاحق.",
            "أتفق مع {name} في هذا.",
            "{name}، أين قرأت ذلك؟ ليس في التقرير.",
            "{name}، الرابط في آخر المقال.",
        ],
    }
}

/// What a reader says after the newsroom answered a question.
pub fn thanks(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Thanks, good to know.",
            "Good question, by the way. I was wondering the same.",
        ],
        Lang::Ru => &[
            "Спасибо, понятно.",
            "Кстати, хороший вопрос, тоже было интересно.",
        ],
        Lang::Ar => &[
            "شكرا على التوضيح.",
            "سؤال وجيه بالمناسبة، كنت أتساءل عن الشيء نفسه.",
        ],
    }
}

/// Questions for the newsroom and the staff's answer to each.
pub fn questions(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[
            (
                "Will you update the article when the official figures come out?",
                "We will. The article is updated as soon as the figures are confirmed, and the newsfeed flags every update.",
            ),
            (
                "Is there a source for the number in the third paragraph?",
                "It comes from the statistics office's release this morning. The link is in the article, under the second photo.",
            ),
            (
                "Why isn't this on the front page?",
                "It's in the newsfeed and in its section; the front page is rearranged through the day as the story develops.",
            ),
            (
                "Any update on the numbers?",
                "Not yet. Our correspondent is at the briefing, and we'll post here as soon as there is something new.",
            ),
            (
                "Can you ask the ministry for a comment?",
                "We have asked, and we'll add their answer to the story as soon as we get it.",
            ),
        ],
        Lang::Ru => &[
            (
                "Обновите материал, когда появятся официальные цифры?",
                "Обязательно. Статью дополним, как только данные подтвердят, а в ленте отметим каждое обновление.",
            ),
            (
                "Откуда цифра в третьем абзаце?",
                "Из утреннего релиза статистического ведомства. Ссылка есть в статье, под второй фотографией.",
            ),
            (
                "Почему этого нет на главной?",
                "Материал есть в ленте и в разделе, а главная страница меняется в течение дня вслед за развитием событий.",
            ),
            (
                "Есть новости по цифрам?",
                "Пока нет. Наш корреспондент на брифинге — как только появится что-то новое, напишем здесь.",
            ),
            (
                "Можете запросить комментарий у министерства?",
                "Запрос уже отправлен, ответ добавим в материал, как только получим.",
            ),
        ],
        Lang::Ar => &[
            (
                "هل ستحدّثون المقال عند صدور الأرقام الرسمية؟",
                "نعم، سنحدّث المقال فور تأكيد الأرقام، وسنشير إلى كل تحديث في شريط الأخبار.",
            ),
            (
                "ما مصدر الرقم الوارد في الفقرة الثالثة؟",
                "مصدره بيان مكتب الإحصاء الصادر صباح اليوم، والرابط موجود في المقال أسفل الصورة الثانية.",
            ),
            (
                "لماذا لا يظهر هذا الخبر على الصفحة الرئيسية؟",
                "الخبر منشور في شريط الأخبار وفي القسم الخاص به، ويُعاد ترتيب الصفحة الرئيسية على مدار اليوم مع تطور الأحداث.",
            ),
            (
                "هل هناك أي تحديث؟",
                "ليس بعد. مراسلنا يحضر المؤتمر الصحفي، وسننشر هنا فور ورود أي جديد.",
            ),
            (
                "هل يمكنكم طلب تعليق من الوزارة؟",
                "طلبنا ذلك بالفعل، وسنضيف ردها إلى الخبر فور وصوله.",
            ),
        ],
    }
}

/// The room editors open for a live event.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    pub title: &'static str,
    pub description: &'static str,
    /// The staff's welcome, first in the room.
    pub welcome: &'static str,
    pub lines: &'static [&'static str],
    /// The staff's last word so far.
    pub update: &'static str,
}

pub fn event(lang: Lang) -> Event {
    match lang {
        Lang::En => Event {
            title: "Election night live",
            description: "Results as they come in, with our politics team. Please be kind to each other.",
            welcome: "Welcome to our election night chat. Polls close at 8 pm, and we'll post the first projections here.",
            lines: &[
                "The queue at my polling station went round the block at six this morning.",
                "Turnout looks higher than last time in our district.",
                "Any word on when the first results come in?",
                "Whoever wins, the coalition talks will take weeks.",
                "Kettle's on. Long night ahead.",
                "The opposition alliance needs a big win in the cities to stay in it.",
            ],
            update: "The electoral commission expects the first official results at around 11 pm.",
        },
        Lang::Ru => Event {
            title: "Выборы: прямой эфир",
            description: "Итоги голосования по мере подсчёта — вместе с нашим отделом политики. Уважайте друг друга.",
            welcome: "Добро пожаловать в чат выборов! Участки закрываются в 20:00, первые данные экзитполов опубликуем здесь.",
            lines: &[
                "На моём участке в шесть утра уже стояла очередь.",
                "У нас в районе явка, кажется, выше, чем в прошлый раз.",
                "Когда ждать первых результатов?",
                "Кто бы ни победил, коалиционные переговоры затянутся на недели.",
                "Чай заварен, ночь будет длинной.",
                "Оппозиционному блоку нужна крупная победа в городах, иначе шансов нет.",
            ],
            update: "Первые официальные итоги избирком обещает около 23:00.",
        },
        Lang::Ar => Event {
            title: "ليلة الانتخابات: تغطية مباشرة",
            description: "النتائج أولا بأول مع فريقنا السياسي. نرجو الحفاظ على نقاش محترم.",
            welcome: "أهلا بكم في دردشة ليلة الانتخابات. تُغلق مراكز الاقتراع في الثامنة مساء، وسننشر هنا أولى التقديرات.",
            lines: &[
                "كان الطابور أمام مركز الاقتراع في حيّنا طويلا منذ السادسة صباحا.",
                "يبدو أن نسبة المشاركة في منطقتنا أعلى من المرة السابقة.",
                "متى تصدر النتائج الأولى؟",
                "أيا كان الفائز، فإن مفاوضات الائتلاف ستستغرق أسابيع.",
                "أمامنا ليلة طويلة، والشاي جاهز.",
                "التحالف المعارض يحتاج إلى فوز كبير في المدن ليبقى في السباق.",
            ],
            update: "تتوقع اللجنة الانتخابية صدور النتائج الرسمية الأولى نحو الحادية عشرة ليلا.",
        },
    }
}
