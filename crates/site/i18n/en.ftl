# English UI strings of the reading site.
# Every key here must exist in every other language file (tested).

## Chrome
site-skip = Skip to content
site-tagline = News from around the world
nav-sections = Sections
nav-editions = Edition
nav-home = Home
nav-menu = Menu
footer-rights = All rights reserved.
footer-feeds = Feeds
footer-archive = Archive

## Front page
front-title = Latest news, analysis and opinion
front-top-stories = Top stories
front-latest = Latest
front-more-in = More in { $section }
breaking-label = Breaking

## Lists
list-kicker-section = Section
list-kicker-tag = Topic
list-kicker-author = Author
list-empty = Nothing has been published here yet.
list-title-page = { $title }, page { $page }
pagination-label = Pages
pagination-newer = Newer
pagination-older = Older
pagination-page = Page { $page }
archive-heading = Published on { $date }
archive-empty = Nothing was published on this day.
archive-previous-day = Previous day
archive-next-day = Next day

## Article
article-by = By
article-and = and
article-published = Published
article-updated = Updated
article-tags = Topics
article-notes-heading = Notes
article-corrections-heading = Corrections
article-correction-dated = Correction of { $date }
article-next = Next article
article-loading = Loading the next article…
article-preview-banner = Preview: this article is not public.
article-photo-credit = Photo

body-related = Related
body-note = Note

## Newsfeed column
newsfeed-heading = Newsfeed
newsfeed-all = All news

## Discussion and chat
discussion-heading = Discussion
discussion-count = { $count ->
    [0] No comments yet
    [one] One comment
   *[other] { $count } comments
}
discussion-login = Log in
discussion-or = or
discussion-register = register
discussion-to-take-part = to take part.
chat-link = Join the live chat about this story

## Subscribe
subscribe-heading = Subscribe
subscribe-text = Follow { $name } in your feed reader:
subscribe-rss = RSS
subscribe-atom = Atom
subscribe-json = JSON Feed

## Errors
error-400-title = This address is not valid
error-400-text = Part of this address cannot be read. Page numbers are whole numbers from 1 up, written like ?page=2.
error-404-title = Page not found
error-404-text = We could not find the page you were looking for. It may have moved, or the address may be mistyped.
error-410-title = This article has been removed
error-410-text = The article that was published at this address is no longer available.
error-500-title = Something went wrong
error-500-text = We could not show this page just now. Please try again in a moment.
error-back-home = Go to the front page

## Dates (the digits stay Latin in every edition, see README)
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }
date-numeric = { $day }/{ $month }
date-time = { $date }, { $time } { $zone }
