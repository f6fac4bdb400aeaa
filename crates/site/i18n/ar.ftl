# نصوص واجهة الموقع باللغة العربية.
# الأرقام لاتينية (0-9) كما في معظم المواقع الإخبارية العربية، انظر README.

## Chrome
site-skip = انتقل إلى المحتوى
site-tagline = أخبار من حول العالم
nav-sections = الأقسام
nav-editions = النسخة
nav-home = الرئيسية
nav-menu = القائمة
footer-rights = جميع الحقوق محفوظة.
footer-feeds = الخلاصات
footer-archive = الأرشيف
footer-sections = جميع الأقسام
footer-pages = عن الموقع
page-updated = آخر تحديث:

## Front page
front-title = آخر الأخبار والتحليلات والآراء
front-top-stories = أبرز الأخبار
front-latest = الأحدث
front-more-in = المزيد في { $section }
breaking-label = عاجل

## Lists
list-kicker-section = قسم
list-kicker-tag = موضوع
list-kicker-author = الكاتب
list-empty = لم يُنشر شيء هنا بعد.
list-title-page = { $title }، الصفحة { $page }
pagination-label = الصفحات
pagination-newer = الأحدث
pagination-older = الأقدم
pagination-page = الصفحة { $page }
archive-heading = نُشر في { $date }
archive-empty = لم يُنشر شيء في هذا اليوم.
archive-previous-day = اليوم السابق
archive-next-day = اليوم التالي

## Article
article-by = بقلم
article-and = و
article-published = نُشر في
article-updated = حُدّث في
article-tags = مواضيع
article-notes-heading = ملاحظات
article-corrections-heading = تصحيحات
article-correction-dated = تصحيح بتاريخ { $date }
article-next = المقال التالي
article-loading = جارٍ تحميل المقال التالي…
article-stream-end = تابع القراءة
article-stream-front = الصفحة الرئيسية
article-preview-banner = معاينة: هذا المقال غير منشور.
article-photo-credit = صورة

body-related = اقرأ أيضًا
body-note = ملاحظة
body-embed-play = تشغيل الفيديو
body-embed-watch = شاهد على { $provider }
body-embed-view-post = اعرض هذا المنشور على { $provider }

## Newsfeed column
newsfeed-heading = شريط الأخبار
newsfeed-all = كل الأخبار

## Discussion and chat
discussion-heading = النقاش
discussion-count = { $count ->
    [0] لا تعليقات بعد
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
   *[other] { $count } تعليقًا
}
discussion-login = سجّل الدخول
discussion-or = أو
discussion-register = أنشئ حسابًا
discussion-to-take-part = {" "}للمشاركة.
chat-link = انضم إلى الدردشة المباشرة حول هذا الخبر

## Subscribe
subscribe-heading = اشترك
subscribe-text = تابع { $name } في قارئ الخلاصات:
subscribe-rss = RSS
subscribe-atom = Atom
subscribe-json = JSON Feed

## Errors
error-400-title = العنوان غير صالح
error-400-text = تعذّرت قراءة جزء من هذا العنوان. رقم الصفحة عدد صحيح يبدأ من 1، مثل ‎?page=2.
error-404-title = الصفحة غير موجودة
error-404-text = لم نعثر على الصفحة التي تبحث عنها. ربما نُقلت أو أن العنوان مكتوب بشكل خاطئ.
error-410-title = أُزيل هذا المقال
error-410-text = المقال الذي نُشر على هذا العنوان لم يعد متاحًا.
error-500-title = حدث خطأ ما
error-500-text = تعذّر عرض هذه الصفحة الآن. يُرجى المحاولة بعد قليل.
error-back-home = انتقل إلى الصفحة الرئيسية

## Dates
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
date-long = { $day } { $month } { $year }
date-numeric = { $day }/{ $month }
date-time = { $date }، { $time } { $zone }
# As Arabic news sites write it: "بتوقيت" and the city or country; a zone not named
# here is its offset from Greenwich.
date-zone = { $zone ->
    [Africa-Cairo] بتوقيت القاهرة
    [Asia-Riyadh] بتوقيت مكة المكرمة
    [Asia-Dubai] بتوقيت الإمارات
    [Asia-Qatar] بتوقيت الدوحة
    [Asia-Kuwait] بتوقيت الكويت
    [Asia-Bahrain] بتوقيت البحرين
    [Asia-Muscat] بتوقيت مسقط
    [Asia-Baghdad] بتوقيت بغداد
    [Asia-Amman] بتوقيت عمّان
    [Asia-Beirut] بتوقيت بيروت
    [Asia-Damascus] بتوقيت دمشق
    [Africa-Khartoum] بتوقيت الخرطوم
    [Africa-Tripoli] بتوقيت طرابلس
    [Africa-Tunis] بتوقيت تونس
    [Africa-Algiers] بتوقيت الجزائر
    [Africa-Casablanca] بتوقيت المغرب
    [Europe-London] بتوقيت لندن
   *[other] بتوقيت غرينتش{ $offset }
}

## Readers' accounts
account-register-heading = إنشاء حساب
account-register-intro = سجّل لتشارك في النقاش تحت مقالاتنا. سنرسل إليك رسالة لتأكيد عنوان بريدك الإلكتروني.
account-register-submit = إنشاء الحساب
account-have-account = لديك حساب؟ سجّل الدخول
account-no-account = ليس لديك حساب؟ أنشئ حسابًا
account-field-name = الاسم الظاهر
account-field-email = البريد الإلكتروني
account-field-password = كلمة المرور
account-field-password-hint = عشرة أحرف على الأقل.
account-error-name = اكتب اسمًا ظاهرًا لا يتجاوز 80 حرفًا.
account-error-email = اكتب عنوان بريد إلكتروني مثل name@example.com.
account-error-password = اختر كلمة مرور من 10 إلى 256 حرفًا.
account-error-too-many = محاولات كثيرة جدًا من شبكتك. انتظر بضع دقائق ثم حاول مجددًا.
account-error-locked = محاولات فاشلة كثيرة لهذا العنوان من شبكتك. انتظر بضع دقائق ثم حاول مجددًا.
account-error-login = البريد الإلكتروني أو كلمة المرور غير صحيحة.
account-error-login-empty = اكتب بريدك الإلكتروني وكلمة المرور.
account-error-disabled = هذا الحساب موقوف.
account-check-inbox-heading = تفقّد بريدك الإلكتروني
account-check-inbox-text = أرسلنا رسالة إلى { $email }. اتبع الرابط الوارد فيها لتأكيد عنوانك؛ الرابط صالح لمدة 48 ساعة.
account-confirm-landing-heading = تأكيد البريد الإلكتروني
account-confirm-landing-text = نقرة واحدة ويتأكد عنوانك وتدخل إلى حسابك.
account-confirm-landing-submit = أكّد عنواني
account-link-dead-heading = انتهت صلاحية هذا الرابط
account-link-dead-text = استُخدم الرابط من قبل أو مضى عليه أكثر من 48 ساعة. سجّل الدخول لنرسل إليك رابطًا جديدًا.
account-login-heading = تسجيل الدخول
account-login-submit = دخول
account-home-heading = حسابك
account-home-name = الاسم الظاهر: { $name }
account-home-email = البريد الإلكتروني: { $email }
account-home-confirmed = تم تأكيد بريدك الإلكتروني.
account-home-unconfirmed = لم يتأكد بريدك الإلكتروني بعد. اتبع الرابط الذي أرسلناه إليك لتشارك في النقاش.
account-confirmed-notice = شكرًا لك: تم تأكيد بريدك الإلكتروني.
account-resend-submit = أعد إرسال الرابط
account-logout-submit = تسجيل الخروج

## Emails to readers
email-confirm-subject = أكّد بريدك الإلكتروني في { $site }
email-confirm-heading = مرحبًا { $name }
email-confirm-body = شكرًا لتسجيلك في { $site }.
    أكّد عنوان بريدك الإلكتروني لتشارك في النقاش.
email-confirm-action = أكّد عنواني
email-confirm-footer = إن لم تكن أنت من سجّل فتجاهل هذه الرسالة: لن يحدث شيء دون الرابط، وتنتهي صلاحيته بعد 48 ساعة.
email-already-registered-subject = حسابك في { $site }
email-already-registered-heading = لديك حساب بالفعل
email-already-registered-body = حاول شخص، ربما أنت، التسجيل في { $site } بهذا العنوان. يوجد حساب بهذا العنوان بالفعل.
    سجّل الدخول به؛ وإن نسيت كلمة المرور فبإمكان صفحة الدخول أن ترسل إليك رابطًا.
email-already-registered-action = تسجيل الدخول
email-already-registered-footer = إن لم تكن أنت فتجاهل هذه الرسالة: لم يتغير شيء في حسابك.
email-staff-address-subject = التسجيل في { $site }
email-staff-address-heading = هذا العنوان تابع لحساب في غرفة الأخبار
email-staff-address-body = حاول شخص، ربما أنت، التسجيل كقارئ في { $site } بهذا العنوان، وهو عنوان حساب في غرفة الأخبار.
    حسابات غرفة الأخبار والقرّاء منفصلة: للمشاركة في النقاش كقارئ سجّل بعنوان آخر.
email-staff-address-action = تسجيل الدخول
email-staff-address-footer = إن لم تكن أنت فتجاهل هذه الرسالة: لم يتغير شيء.
account-forgot-link = نسيت كلمة المرور؟
account-magic-link = الدخول برابط يصلك بالبريد
account-forgot-heading = نسيت كلمة المرور؟
account-forgot-intro = اكتب العنوان الذي سجّلت به، وسنرسل إليك رابطًا لتعيين كلمة مرور جديدة.
account-forgot-submit = أرسل لي رابطًا
account-forgot-sent = إن كان { $email } عنوان حساب قارئ فرابط تعيين كلمة المرور في الطريق إليه. الرابط صالح لساعة واحدة.
account-magic-heading = الدخول عبر البريد الإلكتروني
account-magic-intro = اكتب العنوان الذي سجّلت به، وسنرسل إليك رابطًا يدخلك إلى حسابك دون كلمة مرور.
account-magic-submit = أرسل لي رابط الدخول
account-magic-sent = إن كان { $email } عنوان حساب قارئ فرابط الدخول في الطريق إليه. الرابط صالح لعشرين دقيقة.
account-reset-landing-heading = تعيين كلمة مرور جديدة
account-reset-landing-text = اختر كلمة مرور جديدة. سيُسجَّل خروج كل جهاز داخل إلى حسابك.
account-reset-landing-submit = احفظ كلمة المرور الجديدة
account-magic-landing-heading = تسجيل الدخول
account-magic-landing-text = اضغط الزر لتدخل إلى حسابك على هذا الجهاز.
account-magic-landing-submit = أدخلني
account-email-landing-heading = تأكيد العنوان الجديد
account-email-landing-text = اضغط الزر لنقل حسابك إلى هذا العنوان.
account-email-landing-submit = استخدم هذا العنوان
account-field-current = كلمة المرور الحالية
account-error-current = كلمة المرور الحالية غير صحيحة.
account-password-heading = تغيير كلمة المرور
account-password-submit = غيّر كلمة المرور
account-password-changed = تغيّرت كلمة المرور، وسُجّل خروج الأجهزة الأخرى.
account-email-heading = تغيير البريد الإلكتروني
account-email-submit = أرسل رابط التأكيد
account-email-sent = إن كان { $email } متاحًا فقد أُرسل إليه رابط للتأكيد. يتغير عنوانك حين تتبع الرابط.
account-email-changed = تغيّر بريدك الإلكتروني.
account-delete-heading = حذف الحساب
account-delete-submit = احذف حسابي
account-deleted-heading = حُذف حسابك
account-deleted-text = حُذف حسابك وكل ما كان محفوظًا معه. شكرًا لقراءتك.
account-export-link = نزّل بياناتي (JSON)
email-reset-subject = تعيين كلمة مرور جديدة في { $site }
email-reset-heading = كلمة مرور جديدة لحسابك
email-reset-body = طلب شخص، ربما أنت، تعيين كلمة مرور جديدة لحسابك في { $site }.
email-reset-action = عيّن كلمة مرور جديدة
email-reset-footer = إن لم تكن أنت فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي. تنتهي صلاحية الرابط بعد ساعة.
email-magic-subject = رابط الدخول إلى { $site }
email-magic-heading = الدخول إلى { $site }
email-magic-body = اضغط الزر أدناه لتدخل إلى حسابك. لا حاجة إلى كلمة مرور.
email-magic-action = أدخلني
email-magic-footer = إن لم تطلب هذا الرابط فتجاهل هذه الرسالة. يعمل مرة واحدة وتنتهي صلاحيته بعد عشرين دقيقة.
email-email-change-subject = أكّد عنوانك الجديد في { $site }
email-email-change-heading = أكّد بريدك الإلكتروني الجديد
email-email-change-body = طلبت نقل حسابك في { $site } إلى هذا العنوان.
email-email-change-action = استخدم هذا العنوان
email-email-change-footer = إن لم تكن أنت فتجاهل هذه الرسالة: لا يتغير شيء دون الرابط، وتنتهي صلاحيته بعد 24 ساعة.
account-field-remove_comments = احذف تعليقاتي أيضًا (وإلا فستبقى بتوقيع «حساب محذوف»)
comments-sort-label = ترتيب التعليقات
comments-sort-newest = الأحدث
comments-sort-oldest = الأقدم
comments-sort-liked = الأكثر إعجابًا
comments-more = اعرض مزيدًا من التعليقات
comments-reply = ردّ
comments-post = انشر التعليق
comments-label = تعليقك
comments-cancel = إلغاء
comments-deleted = حُذف هذا التعليق.
comments-deleted-account = حساب محذوف
comments-edited = معدّل
comments-error = تعذّر نشر تعليقك:
comments-confirm-first = أكّد بريدك الإلكتروني لتشارك: اتبع الرابط الذي أرسلناه إليك.
comments-new = تعليقات جديدة: اعرضها
comments-edit = تعديل
comments-save = حفظ
comments-delete = حذف
comments-delete-confirm = أتحذف هذا التعليق؟ تبقى الردود عليه.
comments-like = أعجبني
comments-report = إبلاغ
comments-reported = أُبلغ المشرفون
comments-pending = شكرًا لك. سيظهر تعليقك بعد موافقة المشرف عليه.
comments-rejected = لم ينشر المشرف هذا التعليق:
comments-closed = أُغلق باب التعليق على هذا المقال.

# The live newsfeed and chats (issue 15)
newsfeed-page-title = شريط الأخبار
newsfeed-page-intro = كل الأخبار والموجزات أولًا بأول، الأحدث أولًا.
newsfeed-important = مهم
newsfeed-empty = لا شيء في شريط الأخبار بعد.
live-new = جديد: {"{"}n{"}"}
live-dismiss = إغلاق
chats-title = الدردشات
chats-intro = ناقش الأخبار مع القراء الآخرين ومع غرفة الأخبار.
chats-empty = لا توجد دردشة مفتوحة الآن.
chats-article-room = حول الخبر
chats-messages = { $count ->
    [zero] لا رسائل
    [one] رسالة واحدة
    [two] رسالتان
    [few] { $count } رسائل
    [many] { $count } رسالة
   *[other] { $count } رسالة
}
chat-heading = الدردشة
chat-about = حول: { $headline }
chat-closed = هذه الدردشة مغلقة.
chat-empty = لا رسائل بعد.
chat-noscript = يمكنك قراءة الدردشة دون جافاسكريبت؛ أما المشاركة والتحديث المباشر فيحتاجان إليها.
chat-send = إرسال
chat-placeholder = اكتب رسالة…
chat-login = سجّل الدخول لتكتب
chat-confirm = أكّد عنوان بريدك الإلكتروني لتكتب
chat-presence = الموجودون: {"{"}n{"}"}
chat-staff = فريق التحرير
chat-reconnecting = جارٍ إعادة الاتصال…
chat-older = رسائل سابقة
chat-close = إغلاق الدردشة
chat-error-flood = تكتب بسرعة كبيرة؛ انتظر {"{"}s{"}"} ث
chat-error-slow-mode = الوضع البطيء: انتظر {"{"}s{"}"} ث
chat-error-muted = لا يمكنك الكتابة في هذه الدردشة مؤقتًا
chat-error-banned = لا يمكنك الكتابة في الدردشات
chat-error-too-long = الرسالة طويلة جدًا (500 حرف على الأكثر)
chat-error-other = لم تُرسل الرسالة: {"{"}message{"}"}

## Newsletters (issue 16): subscribe forms and pages
newsletter-form-title = النشرات البريدية
newsletter-form-intro = أبرز أخبار اليوم كل صباح، والأخبار العاجلة فور وقوعها.
newsletter-form-email = البريد الإلكتروني
newsletter-list-digest = الموجز اليومي
newsletter-list-breaking = الأخبار العاجلة
newsletter-list-section = قسم { $section }
newsletter-list-more = { $list }، { $item }
newsletter-form-submit = اشترك
newsletter-form-privacy = لا نرسل إلا ما تختاره، وفي كل رسالة رابط لإلغاء الاشتراك بنقرة واحدة.
newsletter-check-title = تفقّد بريدك الإلكتروني
newsletter-check-body = إن كان بإمكان { $email } تلقّي نشراتنا، فإن رسالة تحمل رابط التأكيد في طريقها إليه. لن نرسل شيئًا قبل أن تؤكّد اشتراكك.
newsletter-confirmed-title = تمّ اشتراكك
newsletter-confirmed-body = من الآن فصاعدًا سيتلقّى { $email }: { $lists }.
newsletter-link-invalid = انتهت صلاحية هذا الرابط أو أنه غير صالح. اشترك من جديد للحصول على رابط جديد.
newsletter-unsubscribe-title = إلغاء الاشتراك
newsletter-unsubscribe-question = هل تريد إيقاف إرسال نشرات { $site } إلى { $email }؟
newsletter-unsubscribe-button = ألغِ الاشتراك
newsletter-unsubscribed-title = أُلغي اشتراكك
newsletter-unsubscribed-body = لن يتلقّى { $email } أي نشرات أخرى من { $site }. يمكنك الاشتراك من جديد في أي وقت.
newsletter-error-email = أدخل عنوان بريد إلكتروني صحيحًا.
newsletter-error-lists = اختر نشرة واحدة على الأقل.
newsletter-account-title = نشراتك البريدية
newsletter-account-none = لست مشتركًا في أي نشرة.

## Newsletter emails: the digest's day ("الأحد 6 ديسمبر"), Monday first
newsletter-weekday-1 = الاثنين
newsletter-weekday-2 = الثلاثاء
newsletter-weekday-3 = الأربعاء
newsletter-weekday-4 = الخميس
newsletter-weekday-5 = الجمعة
newsletter-weekday-6 = السبت
newsletter-weekday-7 = الأحد
newsletter-day = { $weekday } { $day } { $month }
newsletter-digest-subject = { $site } — موجزك ليوم { $date }
newsletter-digest-heading = موجزك ليوم { $date }
newsletter-digest-intro = أبرز أخبار اليوم كما اختارها محررونا.
newsletter-digest-empty = لم يُنشر جديد في هذا اليوم.
newsletter-digest-more = المزيد من الأخبار على { $site }
newsletter-breaking-subject = عاجل: { $headline }
newsletter-breaking-label = خبر عاجل
newsletter-read-more = اقرأ الخبر كاملًا
newsletter-why = تصلك هذه الرسالة لأنك اشتركت في «{ $list }» على { $site }.
newsletter-unsubscribe-link = إلغاء الاشتراك
newsletter-confirm-subject = أكّد اشتراكك في نشرات { $site }
newsletter-confirm-preheader = نقرة واحدة وتبدأ نشراتك بالوصول.
newsletter-confirm-heading = أكّد اشتراكك
newsletter-confirm-intro = طلبت تلقّي هذه النشرات من { $site }:
newsletter-confirm-action = أكّد اشتراكي
newsletter-confirm-footer = لن نرسل إليك شيئًا قبل أن تؤكّد اشتراكك، وتنتهي صلاحية الرابط بعد 7 أيام. إن لم تطلب ذلك فيكفي أن تتجاهل هذه الرسالة.

## Share bar and most read
share-heading = شارك
share-native = مشاركة…
share-copy = نسخ الرابط
share-copied = تم نسخ الرابط
share-email = البريد الإلكتروني
most-read-heading = الأكثر قراءة
most-read-rank = رقم { $rank }
