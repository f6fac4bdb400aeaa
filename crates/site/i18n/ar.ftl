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
article-preview-banner = معاينة: هذا المقال غير منشور.
article-photo-credit = صورة

body-related = اقرأ أيضًا
body-note = ملاحظة

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
discussion-to-take-part = للمشاركة.
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
