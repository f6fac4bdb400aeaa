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
article-preview-banner = Предпросмотр: статья не опубликована.
article-photo-credit = Фото

body-related = Читайте также
body-note = Примечание

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
discussion-to-take-part = чтобы участвовать.
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
