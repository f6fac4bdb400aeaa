# Русские строки интерфейса сайта.

## Chrome
site-skip = Перейти к содержанию
site-tagline = Новости со всего мира
nav-sections = Разделы
nav-editions = Версия
nav-home = Главная
nav-menu = Меню
footer-rights = Все права защищены.
footer-feeds = Ленты
footer-archive = Архив
footer-sections = Все разделы
footer-pages = О сайте
page-updated = Последнее обновление:

## Front page
front-title = Последние новости, аналитика и мнения
front-top-stories = Главное
front-latest = Последнее
front-more-in = Ещё в разделе «{ $section }»
breaking-label = Срочно

## Lists
list-kicker-section = Раздел
list-kicker-tag = Тема
list-kicker-author = Автор
list-empty = Здесь пока ничего не опубликовано.
list-title-page = { $title }, страница { $page }
pagination-label = Страницы
pagination-newer = Новее
pagination-older = Раньше
pagination-page = Страница { $page }
archive-heading = Опубликовано { $date }
archive-empty = В этот день ничего не публиковалось.
archive-previous-day = Предыдущий день
archive-next-day = Следующий день

## Article
article-by = Автор:
article-and = и
article-published = Опубликовано
article-updated = Обновлено
article-tags = Темы
article-notes-heading = Примечания
article-corrections-heading = Исправления
article-correction-dated = Исправление от { $date }
article-next = Следующая статья
article-loading = Загружаем следующую статью…
article-stream-end = Читать дальше
article-stream-front = Главная страница
article-preview-banner = Предпросмотр: статья не опубликована.
article-photo-credit = Фото

body-related = Читайте также
body-note = Примечание
body-embed-play = Смотреть видео
body-embed-watch = Смотреть на { $provider }
body-embed-view-post = Открыть публикацию в { $provider }

## Newsfeed column
newsfeed-heading = Лента новостей
newsfeed-all = Все новости

## Discussion and chat
discussion-heading = Обсуждение
discussion-count = { $count ->
    [0] Комментариев пока нет
    [one] { $count } комментарий
    [few] { $count } комментария
   *[many] { $count } комментариев
}
discussion-login = Войдите
discussion-or = или
discussion-register = зарегистрируйтесь
discussion-to-take-part = , чтобы участвовать.
chat-link = Обсудить новость в чате
## Subscribe
subscribe-heading = Подписка
subscribe-text = Читайте «{ $name }» в приложении для лент:
subscribe-rss = RSS
subscribe-atom = Atom
subscribe-json = JSON Feed

## Errors
error-400-title = Неверный адрес
error-400-text = Часть этого адреса не удаётся прочитать. Номер страницы — целое число от 1, например ?page=2.
error-404-title = Страница не найдена
error-404-text = Мы не нашли страницу, которую вы искали. Возможно, она переехала или в адресе опечатка.
error-410-title = Статья снята с публикации
error-410-text = Статья, опубликованная по этому адресу, больше недоступна.
error-500-title = Что-то пошло не так
error-500-text = Сейчас мы не можем показать эту страницу. Попробуйте ещё раз через минуту.
error-back-home = Перейти на главную

## Dates (genitive month names: «27 ноября 2026»)
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
date-long = { $day } { $month } { $year }
date-numeric = { $day }.{ $month }
date-time = { $date }, { $time } { $zone }
# As Russian news sites write it: «МСК», Russia's other zones counted from Moscow time
# (МСК+2); a zone not named here is its offset from Greenwich.
date-zone = { $zone ->
    [Europe-Moscow] МСК
    [Europe-Simferopol] МСК
    [Europe-Kaliningrad] МСК−1
    [Europe-Samara] МСК+1
    [Asia-Yekaterinburg] МСК+2
    [Asia-Omsk] МСК+3
    [Asia-Novosibirsk] МСК+4
    [Asia-Krasnoyarsk] МСК+4
    [Asia-Irkutsk] МСК+5
    [Asia-Yakutsk] МСК+6
    [Asia-Vladivostok] МСК+7
    [Asia-Magadan] МСК+8
    [Asia-Kamchatka] МСК+9
   *[other] GMT{ $offset }
}

## Readers' accounts
account-register-heading = Регистрация
account-register-intro = Зарегистрируйтесь, чтобы участвовать в обсуждении наших статей. Мы отправим вам письмо для подтверждения адреса.
account-register-submit = Зарегистрироваться
account-have-account = Уже есть аккаунт? Войдите
account-no-account = Ещё нет аккаунта? Зарегистрируйтесь
account-field-name = Имя для комментариев
account-field-email = Адрес электронной почты
account-field-password = Пароль
account-field-password-hint = Не менее 10 символов.
account-error-name = Укажите имя длиной до 80 символов.
account-error-email = Укажите адрес электронной почты, например name@example.com.
account-error-password = Выберите пароль длиной от 10 до 256 символов.
account-error-too-many = Слишком много попыток из вашей сети. Подождите несколько минут и попробуйте снова.
account-error-locked = Слишком много неудачных попыток для этого адреса из вашей сети. Подождите несколько минут и попробуйте снова.
account-error-login = Неверный адрес или пароль.
account-error-login-empty = Введите адрес электронной почты и пароль.
account-error-disabled = Этот аккаунт заблокирован.
account-check-inbox-heading = Проверьте почту
account-check-inbox-text = Мы отправили письмо на адрес { $email }. Перейдите по ссылке в нём, чтобы подтвердить адрес; ссылка действует 48 часов.
account-confirm-landing-heading = Подтверждение адреса
account-confirm-landing-text = Один щелчок — и адрес подтверждён, а вы вошли в аккаунт.
account-confirm-landing-submit = Подтвердить адрес
account-link-dead-heading = Срок действия ссылки истёк
account-link-dead-text = Ссылка уже использована или старше 48 часов. Войдите, чтобы получить новую.
account-login-heading = Вход
account-login-submit = Войти
account-home-heading = Ваш аккаунт
account-home-name = Имя: { $name }
account-home-email = Адрес электронной почты: { $email }
account-home-confirmed = Ваш адрес электронной почты подтверждён.
account-home-unconfirmed = Ваш адрес ещё не подтверждён. Перейдите по ссылке из нашего письма, чтобы участвовать в обсуждении.
account-confirmed-notice = Спасибо, ваш адрес подтверждён.
account-resend-submit = Отправить ссылку ещё раз
account-logout-submit = Выйти

## Emails to readers
email-confirm-subject = Подтвердите адрес электронной почты для { $site }
email-confirm-heading = Здравствуйте, { $name }!
email-confirm-body = Спасибо за регистрацию на { $site }.
    Подтвердите адрес электронной почты, чтобы участвовать в обсуждении.
email-confirm-action = Подтвердить адрес
email-confirm-footer = Если вы не регистрировались, просто проигнорируйте это письмо: без перехода по ссылке ничего не произойдёт, а через 48 часов она перестанет действовать.
email-already-registered-subject = Ваш аккаунт на { $site }
email-already-registered-heading = У вас уже есть аккаунт
email-already-registered-body = Кто-то, вероятно вы, попытался зарегистрироваться на { $site } с этим адресом. Аккаунт с этим адресом уже существует.
    Войдите с ним; если вы забыли пароль, на странице входа можно получить ссылку.
email-already-registered-action = Войти
email-already-registered-footer = Если это были не вы, проигнорируйте письмо: с вашим аккаунтом ничего не произошло.
email-staff-address-subject = Регистрация на { $site }
email-staff-address-heading = Этот адрес принадлежит аккаунту редакции
email-staff-address-body = Кто-то, вероятно вы, попытался зарегистрироваться как читатель на { $site } с этим адресом, который принадлежит аккаунту редакции.
    Аккаунты редакции и читателей разделены: чтобы участвовать в обсуждении как читатель, зарегистрируйтесь с другим адресом.
email-staff-address-action = Войти
email-staff-address-footer = Если это были не вы, проигнорируйте письмо: ничего не изменилось.
account-forgot-link = Забыли пароль?
account-magic-link = Войти по ссылке из письма
account-forgot-heading = Забыли пароль?
account-forgot-intro = Укажите адрес, с которым вы регистрировались, и мы пришлём ссылку для нового пароля.
account-forgot-submit = Прислать ссылку
account-forgot-sent = Если адрес { $email } принадлежит аккаунту читателя, ссылка для нового пароля уже в пути. Она действует один час.
account-magic-heading = Вход по электронной почте
account-magic-intro = Укажите адрес, с которым вы регистрировались, и мы пришлём ссылку для входа без пароля.
account-magic-submit = Прислать ссылку для входа
account-magic-sent = Если адрес { $email } принадлежит аккаунту читателя, ссылка для входа уже в пути. Она действует 20 минут.
account-reset-landing-heading = Новый пароль
account-reset-landing-text = Придумайте новый пароль. На всех устройствах будет выполнен выход из аккаунта.
account-reset-landing-submit = Сохранить пароль
account-magic-landing-heading = Вход
account-magic-landing-text = Нажмите кнопку, чтобы войти в аккаунт на этом устройстве.
account-magic-landing-submit = Войти
account-email-landing-heading = Подтверждение нового адреса
account-email-landing-text = Нажмите кнопку, чтобы перенести аккаунт на этот адрес.
account-email-landing-submit = Использовать этот адрес
account-field-current = Текущий пароль
account-error-current = Текущий пароль указан неверно.
account-password-heading = Смена пароля
account-password-submit = Сменить пароль
account-password-changed = Пароль изменён; на других устройствах выполнен выход.
account-email-heading = Смена адреса электронной почты
account-email-submit = Прислать ссылку для подтверждения
account-email-sent = Если адрес { $email } свободен, на него отправлена ссылка для подтверждения. Адрес сменится, когда вы перейдёте по ней.
account-email-changed = Адрес электронной почты изменён.
account-delete-heading = Удаление аккаунта
account-delete-submit = Удалить аккаунт
account-deleted-heading = Аккаунт удалён
account-deleted-text = Ваш аккаунт и все связанные с ним данные удалены. Спасибо, что читали нас.
account-export-link = Скачать мои данные (JSON)
email-reset-subject = Новый пароль для { $site }
email-reset-heading = Новый пароль для вашего аккаунта
email-reset-body = Кто-то, вероятно вы, попросил установить новый пароль для вашего аккаунта на { $site }.
email-reset-action = Установить новый пароль
email-reset-footer = Если это были не вы, проигнорируйте письмо: пароль не изменится. Ссылка действует один час.
email-magic-subject = Ссылка для входа на { $site }
email-magic-heading = Вход на { $site }
email-magic-body = Нажмите кнопку ниже, чтобы войти в аккаунт. Пароль не нужен.
email-magic-action = Войти
email-magic-footer = Если вы не запрашивали ссылку, проигнорируйте письмо. Она срабатывает один раз и действует 20 минут.
email-email-change-subject = Подтвердите новый адрес для { $site }
email-email-change-heading = Подтвердите новый адрес электронной почты
email-email-change-body = Вы попросили перенести аккаунт на { $site } на этот адрес.
email-email-change-action = Использовать этот адрес
email-email-change-footer = Если это были не вы, проигнорируйте письмо: без перехода по ссылке ничего не изменится, а через 24 часа она перестанет действовать.
account-field-remove_comments = Удалить и мои комментарии (иначе они останутся с подписью «удалённый аккаунт»)
comments-sort-label = Порядок комментариев
comments-sort-newest = Сначала новые
comments-sort-oldest = Сначала старые
comments-sort-liked = Популярные
comments-more = Показать ещё
comments-reply = Ответить
comments-post = Отправить
comments-label = Ваш комментарий
comments-cancel = Отмена
comments-deleted = Комментарий удалён.
comments-deleted-account = Удалённый аккаунт
comments-edited = изменён
comments-error = Комментарий не отправлен:
comments-confirm-first = Подтвердите адрес электронной почты, чтобы участвовать: перейдите по ссылке из нашего письма.
comments-new = Новые комментарии: показать
comments-edit = Изменить
comments-save = Сохранить
comments-delete = Удалить
comments-delete-confirm = Удалить комментарий? Ответы на него останутся.
comments-like = Нравится
comments-report = Пожаловаться
comments-reported = Жалоба отправлена модераторам
comments-pending = Спасибо. Комментарий появится после проверки модератором.
comments-rejected = Модератор не опубликовал этот комментарий:
comments-closed = Обсуждение этой статьи закрыто.

# The live newsfeed and chats (issue 15)
newsfeed-page-title = Лента новостей
newsfeed-page-intro = Все материалы и короткие новости по мере поступления, сначала самые свежие.
newsfeed-important = Важно
newsfeed-empty = В ленте пока ничего нет.
live-new = Новых: {"{"}n{"}"}
live-dismiss = Закрыть
chats-title = Чаты
chats-intro = Обсуждайте новости с другими читателями и редакцией.
chats-empty = Сейчас нет открытых чатов.
chats-article-room = К материалу
chats-messages = { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}
chat-heading = Чат
chat-about = К материалу: { $headline }
chat-closed = Чат закрыт.
chat-empty = Сообщений пока нет.
chat-noscript = Читать чат можно и без JavaScript; чтобы писать и видеть новые сообщения сразу, он нужен.
chat-send = Отправить
chat-placeholder = Напишите сообщение…
chat-login = Войдите, чтобы писать
chat-confirm = Подтвердите адрес электронной почты, чтобы писать
chat-presence = В чате: {"{"}n{"}"}
chat-staff = Редакция
chat-reconnecting = Восстанавливаем соединение…
chat-older = Предыдущие сообщения
chat-close = Закрыть чат
chat-error-flood = Вы пишете слишком часто; подождите {"{"}s{"}"} с
chat-error-slow-mode = Медленный режим: подождите {"{"}s{"}"} с
chat-error-muted = Вам временно запрещено писать в этом чате
chat-error-banned = Вам запрещено писать в чатах
chat-error-too-long = Сообщение слишком длинное (не больше 500 знаков)
chat-error-other = Сообщение не отправлено: {"{"}message{"}"}

## Newsletters (issue 16): subscribe forms and pages
newsletter-form-title = Рассылки
newsletter-form-intro = Главные новости дня — каждое утро, срочные — сразу, как только они появляются.
newsletter-form-email = Адрес электронной почты
newsletter-list-digest = Ежедневный дайджест
newsletter-list-breaking = Срочные новости
newsletter-list-section = Раздел «{ $section }»
newsletter-list-more = { $list }, { $item }
newsletter-form-submit = Подписаться
newsletter-form-privacy = Мы присылаем только то, что вы выбрали. В каждом письме есть ссылка, чтобы отписаться одним щелчком.
newsletter-check-title = Проверьте почту
newsletter-check-body = Если на адрес { $email } можно отправлять наши рассылки, письмо со ссылкой для подтверждения уже в пути. Пока вы не подтвердите подписку, мы ничего не пришлём.
newsletter-confirmed-title = Вы подписаны
newsletter-confirmed-body = Теперь на адрес { $email } будут приходить: { $lists }.
newsletter-link-invalid = Эта ссылка устарела или недействительна. Подпишитесь ещё раз, чтобы получить новую.
newsletter-unsubscribe-title = Отписка от рассылок
newsletter-unsubscribe-question = Больше не присылать рассылки { $site } на адрес { $email }?
newsletter-unsubscribe-button = Отписаться
newsletter-unsubscribed-title = Вы отписались
newsletter-unsubscribed-body = Рассылки { $site } больше не будут приходить на адрес { $email }. Подписаться снова можно в любое время.
newsletter-error-email = Укажите правильный адрес электронной почты.
newsletter-error-lists = Выберите хотя бы одну рассылку.
newsletter-account-title = Ваши рассылки
newsletter-account-none = Вы не подписаны ни на одну рассылку.

## Newsletter emails. Дни недели — в винительном падеже: «главное за среду, 9 декабря».
newsletter-weekday-1 = понедельник
newsletter-weekday-2 = вторник
newsletter-weekday-3 = среду
newsletter-weekday-4 = четверг
newsletter-weekday-5 = пятницу
newsletter-weekday-6 = субботу
newsletter-weekday-7 = воскресенье
newsletter-day = { $weekday }, { $day } { $month }
newsletter-digest-subject = { $site } — главное за { $date }
newsletter-digest-heading = Главное за { $date }
newsletter-digest-intro = Самые важные новости дня по выбору редакции.
newsletter-digest-empty = В этот день новых публикаций не было.
newsletter-digest-more = Больше новостей на сайте { $site }
newsletter-breaking-subject = Срочно: { $headline }
newsletter-breaking-label = Срочная новость
newsletter-read-more = Читать полностью
newsletter-why = Это письмо пришло, потому что вы подписались на рассылку на сайте { $site }: { $list }.
newsletter-unsubscribe-link = Отписаться
newsletter-confirm-subject = Подтвердите подписку на рассылки { $site }
newsletter-confirm-preheader = Один щелчок — и рассылки начнут приходить.
newsletter-confirm-heading = Подтвердите подписку
newsletter-confirm-intro = Вы попросили присылать вам эти рассылки { $site }:
newsletter-confirm-action = Подтвердить подписку
newsletter-confirm-footer = Пока вы не подтвердите подписку, мы ничего не пришлём; ссылка действует 7 дней. Если вы не подписывались, просто не обращайте внимания на это письмо.

## Share bar and most read
share-heading = Поделиться
share-native = Поделиться…
share-copy = Копировать ссылку
share-copied = Ссылка скопирована
share-email = Почта
most-read-heading = Самое читаемое
most-read-rank = № { $rank }
