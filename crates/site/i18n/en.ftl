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
footer-sections = All sections
# The footer's list of the static pages (About, Contact, Privacy…), and their "last updated" line.
footer-pages = About this site
page-updated = Last updated

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
article-stream-end = Keep reading
article-stream-front = Front page
article-preview-banner = Preview: this article is not public.
article-photo-credit = Photo

body-related = Related
body-note = Note
body-embed-play = Play video
body-embed-watch = Watch on { $provider }
body-embed-view-post = View this post on { $provider }

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
# Follows the register link directly: it carries its own space (ru needs a comma there).
discussion-to-take-part = {" "}to take part.
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
# The edition's time zone after a time. $abbr: its abbreviation (GMT, BST, EET) or offset
# (GMT+4); $zone: the IANA name with "-" for "/" (Europe-Moscow); $offset: "+3", "-5:30",
# or nothing for GMT. English sites print the abbreviation.
date-zone = { $abbr }

## Readers' accounts
account-register-heading = Create your account
account-register-intro = Register to take part in the discussion under our articles. We will send you an email to confirm your address.
account-register-submit = Create account
account-have-account = Already have an account? Log in
account-no-account = No account yet? Register
account-field-name = Display name
account-field-email = Email address
account-field-password = Password
account-field-password-hint = At least 10 characters.
account-error-name = Enter a display name of up to 80 characters.
account-error-email = Enter an email address such as name@example.com.
account-error-password = Choose a password of 10 to 256 characters.
account-error-too-many = Too many attempts from your network. Wait a few minutes and try again.
account-error-locked = Too many failed attempts for this address from your network. Wait a few minutes and try again.
account-error-login = Wrong email or password.
account-error-login-empty = Enter your email address and password.
account-error-disabled = This account has been suspended.
account-check-inbox-heading = Check your inbox
account-check-inbox-text = We sent a message to { $email }. Follow the link in it to confirm your address; it is valid for 48 hours.
account-confirm-landing-heading = Confirm your email address
account-confirm-landing-text = One click and your address is confirmed; you will be logged in.
account-confirm-landing-submit = Confirm my address
account-link-dead-heading = This link has expired
account-link-dead-text = The link was already used or is more than 48 hours old. Log in to have a new one sent.
account-login-heading = Log in
account-login-submit = Log in
account-home-heading = Your account
account-home-name = Display name: { $name }
account-home-email = Email address: { $email }
account-home-confirmed = Your email address is confirmed.
account-home-unconfirmed = Your email address is not confirmed yet. Follow the link we sent you to take part in the discussion.
account-confirmed-notice = Thank you: your email address is confirmed.
account-resend-submit = Send the link again
account-logout-submit = Log out

## Emails to readers
email-confirm-subject = Confirm your email address for { $site }
email-confirm-heading = Welcome, { $name }
email-confirm-body = Thank you for registering at { $site }.
    Confirm your email address to take part in the discussion.
email-confirm-action = Confirm my address
email-confirm-footer = If you did not register, ignore this message: nothing happens without the link, which expires in 48 hours.
email-already-registered-subject = Your account at { $site }
email-already-registered-heading = You already have an account
email-already-registered-body = Someone, probably you, tried to register at { $site } with this address. An account with this address already exists.
    Log in with it; if you have forgotten the password, the login page can send you a link.
email-already-registered-action = Log in
email-already-registered-footer = If this was not you, ignore this message: your account has not changed.
email-staff-address-subject = Registration at { $site }
email-staff-address-heading = This address belongs to a newsroom account
email-staff-address-body = Someone, probably you, tried to register as a reader at { $site } with this address, which is a newsroom account.
    Newsroom and reader accounts are kept apart: to take part in the discussion as a reader, register with another address.
email-staff-address-action = Log in
email-staff-address-footer = If this was not you, ignore this message: nothing has changed.
account-forgot-link = Forgot your password?
account-magic-link = Log in with a link sent by email
account-forgot-heading = Forgot your password?
account-forgot-intro = Enter the address you registered with; we will send you a link to set a new password.
account-forgot-submit = Send me a link
account-forgot-sent = If { $email } belongs to a reader account, a link to set a new password is on its way. It is valid for one hour.
account-magic-heading = Log in by email
account-magic-intro = Enter the address you registered with; we will send you a link that logs you in, no password needed.
account-magic-submit = Send me a login link
account-magic-sent = If { $email } belongs to a reader account, a login link is on its way. It is valid for 20 minutes.
account-reset-landing-heading = Set a new password
account-reset-landing-text = Choose a new password. Every device logged in to your account will be logged out.
account-reset-landing-submit = Save the new password
account-magic-landing-heading = Log in
account-magic-landing-text = Press the button to log in to your account on this device.
account-magic-landing-submit = Log me in
account-email-landing-heading = Confirm your new address
account-email-landing-text = Press the button to move your account to this address.
account-email-landing-submit = Use this address
account-field-current = Current password
account-error-current = The current password is not right.
account-password-heading = Change your password
account-password-submit = Change password
account-password-changed = Your password has been changed; other devices have been logged out.
account-email-heading = Change your email address
account-email-submit = Send a confirmation link
account-email-sent = If { $email } is free, a link to confirm it is on its way there. Your address changes once you follow it.
account-email-changed = Your email address has been changed.
account-delete-heading = Delete your account
account-delete-submit = Delete my account
account-deleted-heading = Your account has been deleted
account-deleted-text = Your account and everything stored with it are gone. Thank you for reading.
account-export-link = Download my data (JSON)
email-reset-subject = Set a new password for { $site }
email-reset-heading = A new password for your account
email-reset-body = Someone, probably you, asked to set a new password for your account at { $site }.
email-reset-action = Set a new password
email-reset-footer = If this was not you, ignore this message: your password stays as it is. The link expires in one hour.
email-magic-subject = Your login link for { $site }
email-magic-heading = Log in to { $site }
email-magic-body = Use the button below to log in to your account. No password is needed.
email-magic-action = Log me in
email-magic-footer = If you did not ask for this link, ignore this message. It works once and expires in 20 minutes.
email-email-change-subject = Confirm your new address for { $site }
email-email-change-heading = Confirm your new email address
email-email-change-body = You asked to move your account at { $site } to this address.
email-email-change-action = Use this address
email-email-change-footer = If this was not you, ignore this message: nothing changes without the link, which expires in 24 hours.
account-field-remove_comments = Also remove my comments (otherwise they stay, signed “deleted account”)
comments-sort-label = Sort comments
comments-sort-newest = Newest
comments-sort-oldest = Oldest
comments-sort-liked = Most liked
comments-more = Show more comments
comments-reply = Reply
comments-post = Post comment
comments-label = Your comment
comments-cancel = Cancel
comments-deleted = This comment was deleted.
comments-deleted-account = Deleted account
comments-edited = edited
comments-error = Your comment could not be posted:
comments-confirm-first = Confirm your email address to take part: follow the link we sent you.
comments-new = New comments: show them
comments-edit = Edit
comments-save = Save
comments-delete = Delete
comments-delete-confirm = Delete this comment? Replies to it stay.
comments-like = Like
comments-report = Report
comments-reported = Reported to the moderators
comments-pending = Thank you. Your comment will appear once a moderator approves it.
comments-rejected = A moderator did not publish this comment:
comments-closed = Comments on this article are closed.

# The live newsfeed and chats (issue 15)
newsfeed-page-title = Newsfeed
newsfeed-page-intro = Every story and short news item, newest first, as it happens.
newsfeed-important = Important
newsfeed-empty = Nothing in the newsfeed yet.
live-new = New: {"{"}n{"}"}
live-dismiss = Dismiss
chats-title = Chats
chats-intro = Talk about the news with other readers and the newsroom.
chats-empty = No chat is open right now.
chats-article-room = About the story
chats-messages = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
chat-heading = Chat
chat-about = About: { $headline }
chat-closed = This chat is closed.
chat-empty = No messages yet.
chat-noscript = Reading the chat works without JavaScript; taking part and live updates need it.
chat-send = Send
chat-placeholder = Write a message…
chat-login = Log in to write
chat-confirm = Confirm your email address to write
chat-presence = {"{"}n{"}"} here
chat-staff = Staff
chat-reconnecting = Reconnecting…
chat-older = Earlier messages
chat-close = Close chat
chat-error-flood = You are writing too fast; wait {"{"}s{"}"} s
chat-error-slow-mode = Slow mode: wait {"{"}s{"}"} s
chat-error-muted = You are muted in this chat
chat-error-banned = You cannot write in chats
chat-error-too-long = The message is too long (500 characters at most)
chat-error-other = The message was not sent: {"{"}message{"}"}

## Newsletters (issue 16): subscribe forms and pages
newsletter-form-title = Newsletters
newsletter-form-intro = The day's top stories each morning, and breaking news as it happens.
newsletter-form-email = Email address
newsletter-list-digest = Daily digest
newsletter-list-breaking = Breaking news
newsletter-list-section = Section: { $section }
newsletter-list-more = { $list }, { $item }
newsletter-form-submit = Subscribe
newsletter-form-privacy = We send only what you choose. Every message has a one-click unsubscribe link.
newsletter-check-title = Check your inbox
newsletter-check-body = If { $email } can receive our newsletters, a message with a confirmation link is on its way. Nothing is sent until you confirm.
newsletter-confirmed-title = You are subscribed
newsletter-confirmed-body = From now on { $email } receives: { $lists }.
newsletter-link-invalid = This link has expired or is not valid. Subscribe again to get a new one.
newsletter-unsubscribe-title = Unsubscribe
newsletter-unsubscribe-question = Stop sending { $email } newsletters from { $site }?
newsletter-unsubscribe-button = Unsubscribe
newsletter-unsubscribed-title = You are unsubscribed
newsletter-unsubscribed-body = { $email } will receive no more newsletters from { $site }. You can subscribe again at any time.
newsletter-error-email = Enter a valid email address.
newsletter-error-lists = Choose at least one newsletter.
newsletter-account-title = Your newsletters
newsletter-account-none = You are not subscribed to any newsletter.

## Newsletter emails: the digest's day ("Sunday 6 December"), Monday first
newsletter-weekday-1 = Monday
newsletter-weekday-2 = Tuesday
newsletter-weekday-3 = Wednesday
newsletter-weekday-4 = Thursday
newsletter-weekday-5 = Friday
newsletter-weekday-6 = Saturday
newsletter-weekday-7 = Sunday
newsletter-day = { $weekday } { $day } { $month }
newsletter-digest-subject = { $site } — your briefing for { $date }
newsletter-digest-heading = Your briefing for { $date }
newsletter-digest-intro = The day's top stories, chosen by our editors.
newsletter-digest-empty = Nothing new was published on this day.
newsletter-digest-more = More news on { $site }
newsletter-breaking-subject = Breaking: { $headline }
newsletter-breaking-label = Breaking news
newsletter-read-more = Read the full story
newsletter-why = You receive this because you subscribed to { $list } at { $site }.
newsletter-unsubscribe-link = Unsubscribe
newsletter-confirm-subject = Confirm your subscription to { $site }
newsletter-confirm-preheader = One click and your newsletters start.
newsletter-confirm-heading = Confirm your subscription
newsletter-confirm-intro = You asked to receive these newsletters from { $site }:
newsletter-confirm-action = Confirm my subscription
newsletter-confirm-footer = Nothing will be sent until you confirm, and the link expires in 7 days. If you did not ask for this, ignoring this message is enough.

## Share bar and most read
share-heading = Share
share-native = Share…
share-copy = Copy link
share-copied = Link copied
share-email = Email
most-read-heading = Most read
most-read-rank = No. { $rank }
