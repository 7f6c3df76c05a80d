## Vooruit — English texts (B1). Every key is also in nl.ftl.

site-description = Vooruit: stories from care, welfare and local councils to learn from. Also about what did not work.
skip-to-content = Skip to main content
lang-switch = Nederlands
footer-tagline = Vooruit is a learning network. We share what worked and what did not, so others can do better.
optional = optional
save = Save
saved = Your changes have been saved.

## Menu
nav-label = Main menu
nav-home = Home
nav-stories = Stories
nav-themes = Themes
nav-share = Share your story
nav-about = About Vooruit
nav-editor = Editors
nav-my-stories = My stories
nav-login = Log in
nav-logout = Log out
nav-accessibility = Accessibility
nav-privacy = Privacy
nav-api = API for developers
breadcrumb-label = Breadcrumb

## Home
home-title = Learning from what worked and what did not
home-heading = Learning from what worked, and from what did not
home-intro = Vooruit collects stories from people in care, welfare and local councils. About plans that worked out well, and about plans that failed. You often learn the most from the failures.
home-cta-share = Share your story
home-cta-read = Read Falend Vooruit stories
home-latest = Latest stories
home-all-stories = See all stories
home-safe-heading = Share your story safely
home-safe-1 = You do not need an account. You choose whether your name and organisation are shown.
home-safe-2 = An editor reads everything before it goes online. Together we remove details that could identify people.
home-safe-3 = Only the editors see your email address. It never appears on the site.
home-themes = Search by theme

## Stories
stories-title = All stories
stories-intro = Read how others tackled it. What went well, what went differently than planned, and what did they learn from it?
stories-count = { $count ->
    [0] No stories found
    [one] 1 story found
   *[other] { $count } stories found
}
stories-none = There are no stories that match your choice. Try fewer filters.
filter-title = Filter stories
filter-all = All
filter-apply = Apply filter
filter-clear = Remove all filters
label-theme = Theme
label-themes = Themes
label-sector = Sector
label-region = Region
label-published = Published
label-teller = Told by
label-status = Status
label-submitted = Submitted
label-changed = Last changed
teller-anonymous = a participant who wants to stay anonymous
pager-label = Pagination
pager-previous = Previous page
pager-next = Next page
pager-status = Page { $page }
story-share-yours-heading = Have you experienced something like this?
story-share-yours-text = Share your own story. You can do it anonymously, and the editors will help you.
theme-heading = Theme: { $theme }
themes-title = Themes
themes-intro = Stories are sorted by theme. Choose a theme to read all the stories about it.

## Types of stories
kind-falend-vooruit = Falend Vooruit
kind-falend-vooruit-hint = an initiative that (partly) failed, and what you learned from it
kind-koploper = Front-runner
kind-koploper-hint = an approach that works well and that others can copy
kind-interview = Interview
kind-interview-hint = a conversation with someone about their experience
kind-case = Case study
kind-case-hint = a situation from practice, written up to discuss
kind-column = Column
kind-column-hint = a personal opinion or reflection

## Parts of a story
section-context = The situation
section-aim = What we wanted to achieve, and for whom
section-approach = Our approach
section-what_differed = What went differently than planned
section-lessons = What we learned
section-tips = Tips
section-do_differently = What we will do differently next time

## Share a story
share-title = Share your story
share-intro = Tell us what you tried, what happened and what you learned from it. Also if it did not work: others learn the most from that.
share-safe-heading = How we keep sharing safe
share-safe-1 = You do not need an account.
share-safe-2 = In the next step you choose whether your name and organisation are shown. We help you remove details that could identify people.
share-safe-3 = An editor reads your story first. Nothing goes online until the editors have checked it.
share-step-1 = Step 1 of 2: your story
share-step-2 = Step 2 of 2: share safely
share-next = Continue to step 2
share-check-title = Make your story safe
share-check-intro = Read your story once more. Then choose what others may see about you.
share-check-list-heading = Check your text
share-check-list-intro = Is there anything in your story that could identify someone? Then change it with the button 'Back to your story'. Look out for:
share-check-names = names of clients, residents or their family;
share-check-details = special details, such as a rare illness, an age or a striking event;
share-check-places = exact places, addresses or dates;
share-check-colleagues = names of colleagues who have not said it is OK.
share-check-reread = Read your story again
share-who-heading = What may readers see about you?
share-who-hint = Your name and organisation are optional. If you fill them in, the editors can always see them. Readers only see them if you tick the box.
share-send = Send story
share-back = Back to your story
share-done-title = Thank you for your story!
share-done-text = The editors will read your story and contact you if they have questions. You will also get an email with a personal link.
share-done-link-heading = Keep your personal link.
share-done-link-text = With this link you can follow your story and answer questions from the editors. Do not share this link with others.

## Form fields
field-kind = Type of story
field-kind-hint = Choose what fits best. The editors can change this later.
field-title = Title
field-title-hint = A short title that says what it is about.
field-summary = Summary
field-summary-hint = One or two sentences for the list of stories. You may leave it empty: then we use the start of the situation.
field-context = The situation
field-context-hint = Where do you work, and what was going on? You may use Markdown, such as **bold** or a list with dashes.
field-aim = What did you want to achieve, and for whom?
field-aim-hint = For example: more new colleagues, less sick leave, better care for residents.
field-approach = How did you tackle it?
field-approach-hint = What did you do, with whom and for how long?
field-what-differed = What went differently than planned?
field-what-differed-hint = What was disappointing, or what surprised you?
field-lessons = What did you learn?
field-lessons-hint = Write down at least one lesson. One lesson per box.
field-lesson-n = Lesson { $n }
field-tips = Tips for others
field-tips-hint = What would you advise a colleague who wants to do something similar?
field-do-differently = What would you do differently next time?
field-do-differently-hint = Look back: what would you do differently now?
field-themes = Themes
field-themes-hint = Choose one or more themes. This helps others find your story.
field-sectors = Sector
field-sectors-hint = In which sector did it happen?
field-region = Region
field-region-none = No region
field-name = Name
field-your-name = Your name
field-organisation = Organisation
field-show-name = Show my name with the story
field-show-name-hint = If you do not tick this, the story will say 'anonymous'.
field-show-organisation = Show my organisation with the story
field-show-organisation-hint = If you do not tick this, we will not name your organisation.
field-no-client-info = I have checked that my story contains no information that could identify clients
field-contact-email = Your email address
field-contact-email-hint = Only the editors see this. We use it to send you your personal link and questions about your story.
field-consent = I give the editors permission to edit and publish my story
field-consent-hint = The editors may make your text shorter or clearer. Do you later not want your story online after all? Tell the editors with your personal link.
field-email = Email address
field-password = Password
field-new-password = New password
field-password-hint = At least 10 characters. A sentence of a few words is easy to remember and hard to guess.
field-question = Your question for the storyteller
field-question-hint = The storyteller gets your question by email and sees it on their personal page.
field-reason = Reason
field-reason-hint = Explain kindly why the story will not be published. The storyteller will read this.
field-reply = Your answer or comment
field-reply-hint = The editors will read your message.

## Error messages
errors-summary-title = Something went wrong. Please check these fields:
error-prefix = Error
error-required = Please fill in this field.
error-too-long = This text is too long. Please make it shorter.
error-email = Enter a valid email address, such as name@example.com.
error-choose-kind = Choose a type of story.
error-choose-theme = Choose at least one theme.
error-unknown-choice = Choose one of the options from the list.
error-one-lesson = Write down at least one lesson.
error-confirm-no-client-info = Check your text and tick this box. Without this confirmation we cannot accept your story.
error-consent = Please give permission, otherwise the editors cannot publish your story.
error-password-short = Choose a password of at least 10 characters.
error-login-failed = The email address or password is not correct. Please try again.
error-email-not-verified = Please confirm your email address first. Click the link in the email we sent you.
error-too-many = Too many attempts. Wait fifteen minutes and then try again.
error-not-found = This page does not exist (any more). Maybe the link is old or has a typo in it.
error-forbidden = You do not have access to this page.
error-login-required = Log in to continue.
error-validation = Not all details have been filled in correctly.
error-internal = Something went wrong on our side. Your details have not been lost. Please try again later.
error-illegal-transition = This is not possible with the current status of the story.
error-changed-meanwhile = Someone else has just changed this story. Reload the page and try again.
error-story-closed = This story is closed. You can no longer reply to it.
error-story-locked = The editors are already working on this story, or it has been published. Do you want to change something? Send the editors a message with your personal link.
error-link-expired = This link no longer works. It has expired or has already been used. Ask for a new link.
error-bad-form = The form could not be read. Please try again.
error-csrf = This form has expired. Go back, reload the page and send it again.
error-method-not-allowed = This address does not work this way. Use a link or form on the site.
status-title-405 = Not this way
error-bad-json = The JSON in the request is not valid.
error-bad-query = A parameter in the address is not valid. See the API description (/api/openapi.json) for what it takes.
error-json-required = Send this request as JSON (Content-Type: application/json).
error-back-home = Go to the home page
status-title-400 = Request not understood
status-title-401 = Login needed
status-title-403 = No access
status-title-404 = Page not found
status-title-409 = That is not possible right now
status-title-413 = Too much text
status-title-422 = Check your details
status-title-429 = Please wait a moment
status-title-500 = Something went wrong
status-title-other = Something went wrong

## Status of a story
status-concept = Draft
status-ingediend = Submitted
status-in_redactie = With the editors
status-vraag_aan_verteller = Question for you
status-gepubliceerd = Published
status-gearchiveerd = Taken offline
status-afgewezen = Not published
status-explain-concept = Your story has not been sent yet.
status-explain-ingediend = We have received your story. An editor will read it.
status-explain-in_redactie = An editor is working on your story.
status-explain-vraag_aan_verteller = The editors have a question for you. You can read it below. Your answer helps to finish your story.
status-explain-gepubliceerd = Your story is online. Thank you!
status-explain-gearchiveerd = Your story can no longer be seen online.
status-explain-afgewezen = The editors will not publish your story. You can read why below.
status-title = Follow your story
status-view-public = See your story on the site
status-reason = Reason from the editors
status-messages = Messages
status-no-messages = No messages yet.
status-reply-send = Send message
status-reply-saved = Your message has been sent to the editors.
status-your-text = The text you sent
message-from-editor = Editors
message-from-you = You
message-from-teller = Storyteller

## Login and account
login-title = Log in
login-submit = Log in
login-forgot = Forgotten your password?
login-no-account = No account yet?
login-register = Create an account
register-title = Create account
register-intro = With an account you can see and change your own stories. You do not need an account to share a story.
register-submit = Create account
register-done-title = Check your inbox
register-done-text = We have sent you an email. Click the link in it to confirm your account. No email? Also check your spam folder.
verified-title = Your email address is confirmed
verified-text = You can now log in.
forgot-title = Forgotten password
forgot-intro = Enter your email address. If you have an account, you will get an email with a link to choose a new password.
forgot-submit = Send link
forgot-done-title = Check your inbox
forgot-done-text = If there is an account with this email address, an email with a link is now waiting for you. The link is valid for 1 hour.
reset-title = Choose a new password
reset-submit = Save password
reset-done-title = Your password has been changed
reset-done-text = Log in with your new password. You have been logged out on other devices.
my-stories-title = My stories
my-stories-none = You have not shared any stories yet while logged in.
my-story-edit-title = Change your story

## Editors
editor-title = Editors
editor-tabs-label = Stories by status
editor-tab-queue = To do
editor-tab-gepubliceerd = Published
editor-tab-gearchiveerd = Taken offline
editor-tab-afgewezen = Not published
editor-empty = There are no stories here.
editor-back = Back to the editors' page
editor-view-public = See on the site
editor-publish = Publish
editor-archive = Take offline
editor-teller = Storyteller
editor-teller-hint = Only the editors see these details. Anything marked 'hidden' never appears on the site.
editor-shown = visible to readers
editor-hidden = hidden from readers
editor-ask = Ask the storyteller a question
editor-ask-send = Send question
editor-reject = Do not publish
editor-reject-send = Do not publish and inform the storyteller
editor-revisions = Versions
editor-edit = Edit text
editor-save = Save as new version
editor-notice-saved = The new version has been saved.
editor-notice-asked = Your question has been sent to the storyteller.
editor-notice-published = The story is online. The storyteller will get an email.
editor-notice-rejected = The story will not be published. The storyteller will get an email with the reason.
editor-notice-archived = The story has been taken offline.

## About Vooruit
about-title = About Vooruit
about-lead = Vooruit is a place where people from care, welfare and local councils share their experiences, so that others can learn from them.
about-p1 = People talk a lot about successes. They hardly ever talk about plans that failed. Yet that is exactly where you learn the most. That is why this platform is called Vooruit ('forward'), after the idea of 'falend vooruit' (failing forward): falling, getting up again and moving on.
about-h-what = What will you find here?
about-p2 = Stories about initiatives that did not work (Falend Vooruit), about approaches that work well (Front-runners), interviews, case studies and columns. Each story tells what the plan was, what happened and what the people involved learned from it.
about-p3 = You can search for stories by theme, sector and region. This way you quickly find experiences that are like your own situation.
about-h-safe = Sharing safely
about-p4 = Sharing mistakes can feel scary, especially in a sector that is closely watched. That is why you can send in a story anonymously. An editor reads everything first and helps you remove details that could identify people. Only the editors see your email address.
about-h-open = Open and for everyone
about-p5 = Vooruit is open source software. Any learning network, from a single local council to a national programme, can use it. Developers can find the API description through the link at the bottom of every page.

## Accessibility
a11y-title = Accessibility statement
a11y-lead = We want everyone to be able to use Vooruit: also with a keyboard, a screen reader or zoom, and without JavaScript.
a11y-h-status = How accessible is this site?
a11y-p1 = We build Vooruit to WCAG 2.1 level AA. This is the standard for Dutch government bodies. This site has not yet been fully checked by an independent party. That is why we do not yet say that the site meets all requirements.
a11y-h-how = What we do and how we test
a11y-p2 = All pages work without JavaScript. Forms have labels, and error messages are shown next to the field and read out. Every page has a link to skip straight to the content, and the focus is always visible.
a11y-p3 = With every change, automatic tests run on the real server. Among other things, they check that every page has a language, a title and one main heading, that form fields have a label and that no unsafe code ends up in the pages.
a11y-p3b = In addition, with every change a real browser (Chromium) opens all pages that can be reached by links, as a visitor and as an editor, in Dutch and English, at a phone width (375 pixels) and a computer width. On every page the accessibility checker axe tests the rules of WCAG 2.1 A and AA, including the colour contrast of text. We also check that no page gets wider than the screen at 320 pixels or with text at 200%, and that the HTML of every page has no errors according to the Nu HTML Checker. The main routes are done in that browser: sharing a story, also with the keyboard alone, editing and publishing a story, searching, switching language, registering for a meeting and for the newsletter.
a11y-h-known = Known limitations
a11y-p4 = Texts that people send in themselves may contain difficult words. The editors pay attention to this, but that does not always work. Do you run into a problem? Please let us know.
a11y-p4b = Automatic tests do not find everything. Whether texts are easy to understand and whether a screen reader reads everything out in a logical way, we have not yet tested with people who use such tools.
a11y-h-contact = Contact
a11y-p5 = Having trouble with something? Contact the manager of this learning network. We reply within five working days.

## Privacy
privacy-title = Privacy statement
privacy-lead = We ask for as little data as possible, and we never show what you want to keep hidden.
privacy-h-cookies = Cookies
privacy-p4 = We only use cookies that are needed: to keep you logged in, to protect forms and to remember your language choice. We do not use cookies to track you, and we show no adverts.
privacy-h-rights = Your rights

## Administration
nav-admin = Administration
stories-results = Results
yes = yes
no = no
role-lid = Member
role-redacteur = Editor
role-beheerder = Administrator
admin-users-title = Users
admin-users-intro = Here you give people a role. Editors handle stories. Administrators can also change roles. After a change, the person has to log in again.
admin-users-count = { $count ->
    [one] 1 user
   *[other] { $count } users
}
admin-verified = E-mail confirmed
admin-role = Role
admin-role-of = Role of { $name }
admin-you = you
admin-role-saved = The role has been changed.
error-own-role = You cannot change your own role. Ask another administrator.

## Search
search-title = Search
search-title-for = Search for “{ $q }”
search-label = Search stories, publications and the agenda
search-placeholder = Search the site
search-submit = Search
search-filters = Filters
search-remove-filter = remove filter
search-facet-type = Kind of content
type-verhaal = Story
type-publicatie = Publication
type-aflevering = Podcast episode
type-video = Video
type-werkwijzer = Work guide
type-magazinenummer = Magazine
type-bijeenkomst = Event
search-facet-kind = Kind of story
search-facet-theme = Theme
search-facet-sector = Sector
search-facet-region = Region
search-facet-year = Year
search-count = { $count ->
    [0] No results
    [one] 1 result
   *[other] { $count } results
}
search-did-you-mean = Did you mean
search-without-filters = Without filters there are { $count } results.
search-most-words = Nothing has all the words you searched for. These are the results with most of them.
search-also-searched = Also searched for words that mean the same: { $words }.
search-tips = Tip: use fewer or other words, check the spelling, or search a whole phrase in quotes, like "open day".
story-related = Read also

## Newsletter
nav-newsletter = Newsletter
nav-feed = RSS feed
newsletter-title = Newsletter
newsletter-intro = The newest stories and meetings in your mailbox.
newsletter-email-hint = We first send you an e-mail to confirm your subscription.
newsletter-themes = What do you want to read about?
newsletter-themes-hint = If you choose nothing, you get everything.
newsletter-submit = Subscribe
newsletter-privacy = You can always unsubscribe with the link at the bottom of every newsletter. We only use your e-mail address for the newsletter.
newsletter-check-title = Check your mailbox
newsletter-check-text = We sent you an e-mail. Click the link in it to confirm your subscription. Only then will you get the newsletter.
newsletter-confirm-title = Confirm your subscription
newsletter-confirm-text = Click the button to confirm your subscription to the newsletter.
newsletter-confirm-button = Yes, I want the newsletter
newsletter-confirmed-title = You are subscribed
newsletter-confirmed-text = Thank you! You will get the next newsletter in your mailbox.
newsletter-unsubscribe-title = Unsubscribe from the newsletter
newsletter-unsubscribe-text = Click the button to unsubscribe. You will not get the newsletter any more.
newsletter-unsubscribe-button = Unsubscribe
newsletter-unsubscribed-title = You are unsubscribed
newsletter-unsubscribed-text = You will not get the newsletter any more. You can always subscribe again.

## Agenda
nav-agenda = Agenda
nav-publications = Publications
nav-podcast = Podcast
nav-videos = Videos
nav-guides = Work guides
nav-magazine = Magazine
agenda-title = Agenda
agenda-intro = Trainings, regional meetings, inspiration labs and congresses. You can register without an account.
agenda-subscribe = Subscribe your own calendar to this list (iCalendar)
agenda-upcoming = Coming up
agenda-past = Past
agenda-none = No meetings are planned yet.
agenda-back = Back to the agenda
event-kind = Kind of meeting
event-kind-training = Training
event-kind-bijeenkomst = Meeting
event-kind-inspiratielab = Inspiration lab
event-kind-congres = Congress
event-kind-webinar = Webinar
event-online = Online
event-when = When
event-where = Where
event-organiser = Organiser
event-places = Places
event-full = Full: you can join the waiting list
event-full-waiting = This meeting is full. Join the waiting list: if a place comes free, you get it automatically.
event-places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
event-cancelled = This meeting is cancelled.
event-add-to-calendar = Add to your calendar
event-register = Register
event-register-waiting = Join the waiting list
event-email-hint = You get a confirmation with the appointment for your calendar and a link to cancel.
event-note = Note
event-note-hint = For example a dietary need or what you need to take part well.
event-registered-title = You are registered
event-registered-text = You will get an e-mail with the appointment for your calendar. Can you not come after all? Cancel with the link in that e-mail, so someone else gets your place.
event-waiting-title = You are on the waiting list
event-waiting-text = The meeting is full. If a place comes free, you get it automatically and we send you an e-mail.
event-cancel-title = Cancel
event-cancel-text = Do you want to cancel? Then we give your place to the first person on the waiting list.
event-cancel-button = Yes, cancel my place
event-cancelled-title = You have cancelled
event-cancelled-text = You have cancelled your place for this meeting. Thank you for letting us know.
event-description = Description
event-starts = Starts
event-ends = Ends
event-time-hint = Dutch time.
event-location = Place
event-location-hint = Address or building. Leave empty for an online meeting.
event-online-url = Link to the online meeting
event-capacity = Number of places
registration-bevestigd = Registered
registration-wachtlijst = Waiting list
registration-afgemeld = Cancelled
editor-agenda-title = Manage the agenda
editor-agenda-new = New meeting
editor-agenda-create = Save meeting
editor-agenda-registrations = Registrations
error-date = Fill in a date and time.
error-end-before-start = The end must be after the start.
error-place-or-link = Fill in a place or a link to the online meeting.
error-https-link = Use a link that starts with https://.
error-capacity = Fill in a number of places, at least 1.
error-event-closed = Registration for this meeting is closed.
editor-agenda-csv = Download registrations (CSV)
editor-agenda-message = Message to everyone registered
editor-agenda-subject = Subject
editor-agenda-body = Message
editor-agenda-body-hint = Everyone with a place gets this message by e-mail.
editor-agenda-send = Send message
editor-agenda-message-sent = The message was sent to everyone with a place.
editor-agenda-cancel = Cancel the meeting
editor-agenda-cancel-text = Everyone who registered gets an e-mail, and calendars that follow the agenda show the meeting as cancelled.
editor-agenda-cancelled = The meeting is cancelled. Everyone registered gets an e-mail.
editor-agenda-present = Present
editor-agenda-is-present = Present
editor-agenda-check-in = Check in
editor-agenda-undo = Undo

## Newsletter: editions and archive
archive-title = Earlier newsletters
archive-intro = Here you can read all newsletters we sent before.
archive-subscribe = Sign up for the newsletter
archive-empty = No newsletters have been sent yet.
archive-sent-on = Sent on
edition-editor-title = Make a newsletter
edition-confirmed-count = { $count ->
    [one] 1 subscriber
   *[other] { $count } subscribers
}
edition-new = Make a new edition
edition-list = Editions
edition-subject = Subject
edition-date = Date
edition-status-concept = Draft
edition-status-verzenden = Being sent
edition-status-verzonden = Sent
edition-preview = See the preview
edition-preview-text = See the text version
edition-intro = Introduction
edition-intro-hint = A few sentences at the top of the newsletter. You can use Markdown.
edition-themes = Only for these themes
edition-themes-hint = If you choose nothing, the newsletter goes to all subscribers. If you choose themes, only subscribers who chose one of those themes (or chose no themes) get it.
edition-item = Item { $n }
edition-item-new = New item
edition-item-title = Title
edition-item-url = Link
edition-item-text = Short text
edition-item-url-hint = A page of this site, such as /verhalen/..., or a link that starts with https://.
edition-item-remove = Remove this item
edition-save = Save
edition-save-preview = Save and see the preview
edition-saved = The newsletter has been saved.
edition-test = Test to yourself
edition-test-text = You get the newsletter yourself, with [Test] before the subject. So you see how it arrives in your mail program.
edition-test-button = Send a test to me
edition-test-sent = The test is on its way to your mailbox.
edition-send = Send
edition-send-text = { $count ->
    [one] The newsletter goes to 1 subscriber. After that you cannot change it.
   *[other] The newsletter goes to { $count } subscribers. After that you cannot change it.
}
edition-send-check = I have checked the preview and the test
edition-send-button = { $count ->
    [one] Send to 1 subscriber
   *[other] Send to { $count } subscribers
}
edition-sending = The newsletter is being sent. This happens in the background; you can leave this page.
edition-recipients = Recipients
edition-progress-sent = Sent
edition-progress-waiting = Still to send
edition-progress-skipped = Skipped (unsubscribed)
edition-progress-failed = Failed
edition-refresh = Update progress
edition-in-archive = See it in the archive
subscribers-title = Subscribers
subscribers-search = Search by e-mail address
subscribers-count = { $count ->
    [one] 1 subscriber found
   *[other] { $count } subscribers found
}
subscribers-themes = Themes
subscribers-lang = Language
subscribers-since = Since
subscribers-all-themes = All themes
subscriber-status-bevestigd = Confirmed
subscriber-status-onbevestigd = Not yet confirmed
subscriber-status-afgemeld = Unsubscribed
error-too-many-items = A newsletter has at most 20 items. Remove a few.
error-item-link = Use a page of this site (starts with /) or a link that starts with https://.
error-edition-sent = This newsletter has been sent or is being sent. You can no longer change it.
error-edition-confirm = Check the preview first and tick this box.

## Agenda: themes, questions, registration period, report, changes
event-themes = Themes
event-theme = Theme
event-opens = Registration opens
event-opens-hint = Leave empty: registration opens at once.
event-closes = Registration closes
event-closes-hint = Leave empty: registration stays open until the meeting is over.
event-questions = Questions for people who register
event-questions-hint = For example about dietary needs or what someone needs to take part. Everyone who registers answers them.
event-question = Question { $n }
event-answers = Answers
event-report = Report
event-report-hint = Afterwards: what happened and what people learned. The report shows with the meeting once it is over. You can use Markdown.
event-is-past = This meeting is over.
event-opens-on = Registration opens on { $date }.
event-read-report = Read the report
editor-agenda-edit = Change meeting
editor-agenda-edit-text = If you change the time or the place, everyone who registered gets an e-mail with the new appointment. Calendars that follow the agenda update by themselves.
editor-agenda-save = Save changes
editor-agenda-changed = The meeting has been changed.
error-too-many-questions = Ask at most 5 questions.
error-registration-not-yet = Registration for this meeting is not open yet.
error-capacity-below-registrations = More people have registered than this number of places. Choose a larger number, or ask people to cancel first.
agenda-filter-title = Filter meetings
error-too-many-submissions = Many stories were sent from this address in the past hour. Your story is not lost: try again in an hour, or log in.
# Organisations
nav-my-organisations = My organisations
org-admin-title = Organisations
org-admin-intro = An organisation is, for example, a municipality, a care provider or a welfare organisation. People with an e-mail address on one of its domains can join it themselves. The organisation's own admins invite others.
org-count = { $count ->
    [0] No organisations yet.
    [one] 1 organisation
   *[other] { $count } organisations
}
org-name = Name of the organisation
org-kind = Kind of organisation
org-kind-gemeente = Municipality
org-kind-zorgaanbieder = Care provider
org-kind-welzijnsorganisatie = Welfare organisation
org-kind-onderwijs = Education
org-kind-overheid = Other government body
org-kind-netwerk = Network or partnership
org-kind-anders = Other
org-domains = E-mail domains
org-domains-hint = One per line, for example municipality-example.nl. Anyone with a confirmed e-mail address on such a domain can join. A domain belongs to one organisation.
org-members = Members
org-change = Change
org-new = New organisation
org-create = Create organisation
org-edit-title = Change organisation
org-to-page = To the organisation's page
org-your-role = Your role
org-role = Role
org-role-lid = Member
org-role-beheerder = Organisation admin
org-members-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
org-no-members = This organisation has no members yet. Invite someone.
org-actions = Actions
org-remove = Remove
org-invite-title = Invite someone
org-invite-intro = The person gets an e-mail with a link. It works for 14 days, only for this e-mail address.
org-invite-send = Send invitation
org-invitations-open = Open invitations
org-invitation-until = valid until { $date }
org-leave-title = Leave the organisation
org-leave = I leave this organisation
org-invitation-title = Invitation
org-invitation-text = You have been invited to join { $organisation }.
org-invitation-role = Your role will be: { $role }.
org-invitation-other-address = This invitation is for { $email }. Log out and log in with that address, or ask for a new invitation for your address.
org-invitation-accept = Join
org-mine-title = My organisations
org-mine-none = You are not a member of an organisation yet.
org-join-title = Your organisation
org-join-text = Your e-mail address belongs to { $organisation }. You can join it yourself.
org-join = Join
org-notice-aangemaakt = The organisation has been created.
org-notice-opgeslagen = The organisation has been saved.
org-notice-uitgenodigd = The invitation has been sent.
org-notice-rol = The role has been changed.
org-notice-verwijderd = The member has been removed.
org-notice-welkom = Welcome! You are a member now.
org-notice-verlaten = You have left the organisation.
error-too-short = This is too short.
error-domain = Fill in domains like municipality-example.nl: letters, digits, dashes and dots.
error-too-many-domains = Fill in at most 10 domains.
error-domain-taken = One of these domains already belongs to another organisation.
error-last-org-admin = This is the organisation's last admin. Make someone else admin first.
error-invitation-other-address = This invitation is for another e-mail address. Log in with the address the invitation was sent to.

## Taxonomy: themes, sectors and regions
tax-title = Themes, sectors and regions
tax-intro = Stories, meetings and newsletters get themes, sectors and a region. Here you add new ones, change their names, put them in another order or stop offering them. What you no longer offer stays on stories that already have it.
tax-list-thema = Themes
tax-list-sector = Sectors
tax-list-regio = Regions
tax-one-thema = Theme
tax-one-sector = Sector
tax-one-regio = Region
tax-vocabulary = List
tax-position = Place
tax-label-nl = Name in Dutch
tax-label-en = Name in English
tax-intro-nl = Short explanation in Dutch
tax-intro-en = Short explanation in English
tax-intro-hint = Only for themes: this explanation is on the page with all themes.
tax-slug = Address
tax-slug-hint = Used in links, like /themas/inburgering. Use lower-case letters, digits and dashes. If you leave it empty, we make it from the Dutch name. You cannot change it later.
tax-slug-fixed = this does not change, because it is in links and on stories
tax-status = Status
tax-offered = Offered
tax-retired = No longer offered
tax-actions = Actions
tax-change = Change
tax-up = Up
tax-down = Down
tax-retire = Stop offering
tax-restore = Offer again
tax-add-title = New theme, sector or region
tax-add-intro = Choose the list and fill in the name in both languages. The new one goes to the bottom of the list. You can choose it in forms and filters straight away.
tax-add = Add
tax-edit-title = Change { $label }
tax-notice-toegevoegd = Added. You can now choose it in forms and filters.
tax-notice-opgeslagen = Your change is saved.
tax-notice-verplaatst = The order is changed.
tax-notice-ingetrokken = This is no longer offered. Stories and meetings that already have it keep it.
tax-notice-teruggezet = This is offered again.
error-term-slug = Use 2 to 40 lower-case letters, digits or dashes, like debt-counselling.
error-term-slug-taken = This address already exists in this list. Choose another address.
error-term-position = Choose a place from 1 to 1000.

# Synonyms (editors)
syn-title = Synonyms for search
syn-intro = Readers search with their own words. Put words that mean the same in a group here, such as ggz and geestelijke gezondheidszorg. Someone who searches for one of the words then also finds the stories with the other words. A change works within a few seconds, without rebuilding anything.
syn-empty = There are no groups yet. Add the first one below.
syn-count = { $count ->
    [one] 1 group of words that mean the same
   *[other] { $count } groups of words that mean the same
}
syn-members = Words that mean the same
syn-members-hint = Put a comma between the words, or put each word on its own line. A word may also be a few words, such as wet maatschappelijke ondersteuning. At least 2 and at most 20.
syn-changed = Last changed
syn-starter = Built in
syn-actions = Actions
syn-change = Change
syn-try = Search
syn-add-title = Add a group
syn-add = Add
syn-edit-title = Change a group of synonyms
syn-remove-title = Remove the group
syn-remove-intro = After removing it, a search word only finds stories with that word itself.
syn-remove = Remove this group
syn-notice-toegevoegd = The group is added. Search uses it straight away.
syn-notice-opgeslagen = Your change is saved. Search uses it straight away.
syn-notice-verwijderd = The group is removed.
editor-synonyms = Synonyms
error-synonym-too-few = Write at least 2 different words.
error-synonym-too-many = A group has at most 20 words. Make two groups if you need to.
error-synonym-too-long = A word is too long. Use at most 5 words and 60 characters per word.
error-synonym-not-a-word = Use plain words, without quotation marks.
error-synonym-taken = One of these words is already in another group. A word can only be in one group.

## Publications
pub-title-list = Publications
pub-intro = Reports and other publications of the network and its partners, to read and download.
pub-none = There are no publications yet.
pub-back = All publications
pub-kind = Publication
pub-title = Title
pub-publisher = Publisher
pub-publisher-hint = The organisation that publishes it.
pub-year = Year
pub-length = Length
pub-pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}
pub-summary = Summary
pub-summary-hint = What is it about and who is it for? An empty line starts a new paragraph.
pub-themes = Themes
pub-sectors = Sectors
pub-download = Download the publication
pub-editor-title = Manage publications
pub-new = New publication
pub-none-yet = There are no publications yet. Add the first one.
pub-file = File
pub-file-hint = A PDF file of at most 50 MB. We read the number of pages from the file.
pub-upload = Add publication
pub-status = Status
pub-status-concept = Draft
pub-status-gepubliceerd = Published
pub-status-ingetrokken = Withdrawn
pub-view = View the page for readers
pub-publish = Publish
pub-withdraw = Withdraw
pub-details = Details
pub-remove-title = Remove
pub-remove-intro = Remove the publication and its file for good. Only want to hide it for a while? Withdraw it instead.
pub-remove = Remove publication
pub-notice-toegevoegd = The publication was added as a draft. Readers see it once you publish it.
pub-notice-opgeslagen = The details were saved.
pub-notice-online = The publication is published.
pub-notice-offline = The publication is withdrawn. Readers can no longer open or download it.
pub-notice-verwijderd = The publication was removed.
error-year = Enter a year, for example 2026.
pub-cover = Cover
pub-cover-hint = A picture (JPEG, PNG or WebP) of at most 10 MB. Without one, we make a cover from the first page, or show a standard cover.
pub-cover-alt = Description of the cover
pub-cover-alt-hint = What does the picture show? People who cannot see it hear this text. Required when you choose a cover.
error-alt-required = Describe what the picture shows.
error-file-not-image = This file is not a picture we can open. Choose a JPEG, PNG or WebP.
error-file-required = Choose a PDF file.
error-file-too-large = The file is too large. Choose a smaller file or make the PDF smaller.
error-file-not-pdf = This file is not a PDF we can open. Choose another file.
error-file-again = Fix the errors, then choose the file again.

# Podcast
podcast-kind = Podcast
podcast-by = By
podcast-subscribe = Subscribe in your podcast app
podcast-subscribe-hint = copy this link and paste it into your app
podcast-episodes = Episodes
podcast-none = There are no episodes yet.
podcast-episode = Episode
podcast-episode-number = episode { $number }
podcast-season-number = season { $number }
podcast-with = with
podcast-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
podcast-date = Date
podcast-date-hint = The day the episode comes out. That can be today or earlier, not later.
podcast-length = Length
podcast-number = Number
podcast-guests = Guests
podcast-guests-hint = Names with a comma between them.
podcast-listen = Listen
podcast-download = Download the episode
podcast-notes = About this episode
podcast-notes-hint = What is it about and who do you hear? You can use Markdown, like **bold** and [a link](https://example.com).
podcast-chapters = Chapters
podcast-chapters-hint = One chapter per line: the time it starts and its title, like 12:30 What went wrong. Each chapter starts after the one before.
podcast-transcript = Transcript
podcast-transcript-hint = Everything that is said, for people who cannot listen. Plain text, or WebVTT (starts with WEBVTT). Required to publish.
podcast-transcript-file = Download the transcript
podcast-editor-title = Manage the podcast
podcast-new = New episode
podcast-none-yet = There are no episodes yet. Add the first one.
podcast-no-transcript = no transcript yet
podcast-series = The podcast
podcast-series-intro = Listeners see this in their podcast app and on the podcast's page.
podcast-series-title = Name of the podcast
podcast-description = Description
podcast-description-hint = What is the podcast about and who is it for? An empty line starts a new paragraph.
podcast-author = Maker
podcast-author-hint = The name apps show as the maker, like the name of the network.
podcast-owner-name = Contact person
podcast-owner-hint = Apps send messages about the podcast to this person. Listeners do not see this on the site.
podcast-owner-email = Email address of the contact person
podcast-category = Category
podcast-category-hint = The category podcast apps show the podcast in.
podcast-category-education = Education
podcast-category-government = Government
podcast-category-society-culture = Society and culture
podcast-category-health-fitness = Health
podcast-category-business = Work and organisations
podcast-category-news = News
podcast-language = Language
podcast-series-kind = Order
podcast-series-kind-hint = Apps show separate episodes newest first; a series in parts from the first.
podcast-kind-episodic = Separate episodes, newest first
podcast-kind-serial = A series in parts, from the first
podcast-explicit = Contains strong language
podcast-explicit-hint = Apps then warn listeners beforehand.
podcast-cover = Picture of the podcast
podcast-cover-hint = A square JPEG or PNG of 1400 to 3000 pixels wide, at most 10 MB. Podcast apps ask for this.
podcast-audio = Audio
podcast-audio-hint = An MP3 or M4A file of at most { $limit } MB. We read the length from the file.
podcast-upload = Add episode
podcast-season = Season
podcast-episode-kind = Kind of episode
podcast-episode-kind-full = Regular episode
podcast-episode-kind-trailer = Trailer (a short preview)
podcast-episode-kind-bonus = Bonus episode
podcast-publish-needs-transcript = Add the transcript first. Without it, the episode cannot go online.
podcast-remove-intro = Remove the episode and its audio for good. Only want to hide it for a while? Withdraw it instead.
podcast-remove = Remove episode
podcast-notice-serie = The podcast's details are saved.
podcast-notice-toegevoegd = The episode was added as a draft. Listeners only hear it once you publish it.
podcast-notice-opgeslagen = The details are saved.
podcast-notice-online = The episode is published. It is on the site and in the feed.
podcast-notice-offline = The episode is withdrawn. It is no longer on the site or in the feed.
podcast-notice-verwijderd = The episode is removed.
error-day = Enter a date, like 2026-11-27.
error-date-future = Choose today or a day that has passed.
error-whole-number = Enter a whole number, from 1.
error-chapters = Write each chapter on its own line: a time and a title, like 12:30 What went wrong. Each chapter starts after the one before.
error-chapters-past-end = A chapter starts after the end of the episode. Check the times.
error-transcript-required = Add the transcript. Without it, the episode cannot go online.
error-audio-required = Choose an MP3 or M4A file.
error-audio-too-large = The file is too large. Choose a smaller file, for example with a lower bitrate.
error-audio-not-audio = This file is not an MP3 or M4A we can play. Choose another file.
error-image-too-large = The picture is too large. Choose a smaller picture.
error-podcast-cover = Choose a square JPEG or PNG of 1400 to 3000 pixels wide.

# Video
video-title-list = Videos
video-intro = Short videos from the network: explanations, conversations and reports. Every video has its transcript.
video-none = There are no videos yet.
video-back = All videos
video-on = On { $platform }
video-here = On this site
video-download = Download the video
video-player = Video player of { $platform }
video-placeholder = This video is on { $platform }. Only when you load it does your browser fetch anything from { $platform }, and { $platform } may set cookies.
video-load = Load the video from { $platform }
video-watch-on = Watch the video on { $platform }
video-transcript = Transcript
video-transcript-hint = Everything that is said and shown, for people who cannot see or hear the video. An empty line starts a new paragraph. Required to publish.
video-description = Description
video-description-hint = What is the video about? You can use Markdown.
video-editor-title = Manage videos
video-new = New video
video-none-yet = There are no videos yet. Add the first one.
video-upload-legend = Upload a video
video-file = Video file
video-file-hint = An MP4 or WebM file of at most { $limit } MB. With a file, a picture and Dutch captions are required.
video-poster = Picture before playing
video-poster-hint = What you see before the video plays: a JPEG, PNG or WebP of at most 10 MB.
video-captions-nl = Captions in Dutch (WebVTT)
video-captions-hint = Paste the content of the WebVTT file here. It starts with WEBVTT, then a time and the text per line.
video-captions-en = Captions in English (WebVTT)
video-embed-legend = Or: a video on YouTube or Vimeo
video-embed-url = Link to the video
video-embed-url-hint = Copy the link from your browser, like https://www.youtube.com/watch?v=… or https://vimeo.com/…. Leave empty when you upload a file.
video-add = Add video
video-source = Where the video is
video-publish-needs-transcript = Add the transcript first. Without it, the video cannot go online.
video-remove-intro = Remove the video for good. Only want to hide it for a while? Withdraw it instead.
video-remove = Remove video
video-notice-toegevoegd = The video was added as a draft. Visitors only see it once you publish it.
video-notice-opgeslagen = The details are saved.
video-notice-online = The video is published.
video-notice-offline = The video is withdrawn. Visitors can no longer watch it.
video-notice-verwijderd = The video is removed.
error-video-required = Choose an MP4 or WebM file.
error-video-too-large = The file is too large. Choose a smaller file or a lower quality.
error-video-not-video = This file is not an MP4 or WebM with pictures. Choose another file.
error-video-transcript-required = Add the transcript. Without it, the video cannot go online.
error-captions-required = Add Dutch captions. Without captions, deaf and hard of hearing people cannot follow the video.
error-captions-vtt = Use WebVTT: the text starts with WEBVTT and has times like 00:00.000 --> 00:04.000.
error-embed-url = Choose a file, or enter a link to a video on YouTube or Vimeo, like https://www.youtube.com/watch?v=….
error-poster-required = Choose a picture to show before the video plays.

# Werkwijzers
guide-title-list = Work guides
guide-intro = Step by step: ways of working that teams in the network use, with what you need and how long it takes.
guide-none = There are no work guides yet.
guide-back = All work guides
guide-steps-count = { $count ->
    [one] 1 step
   *[other] { $count } steps
}
guide-goal = Goal
guide-goal-hint = What does it help you reach?
guide-audience = For whom
guide-audience-hint = For example: a neighbourhood team, managers, a learning circle.
guide-duration = Time
guide-duration-hint = How long it takes, like: an hour, or two half days.
guide-materials = What you need
guide-materials-hint = One thing per line, like: a flip chart.
guide-steps = Steps
guide-steps-hint = Write each step in its own box. An empty box does not count. Need more steps? Save: empty boxes are added.
guide-step = Step { $number }
guide-step-text = What you do
guide-step-image = Picture for this step
guide-step-image-hint = A JPEG, PNG or WebP of at most 10 MB. Describe below what it shows.
guide-step-has-image = This step has a picture. Choose a new one to replace it.
guide-step-no-image = Remove the picture of this step
guide-related = Stories of teams that did this
guide-related-hint = Paste the link of a story on this site, one per line (at most 6).
guide-print-hint = Want the guide on paper? Print this page: each step fits on one page and links are written out.
guide-editor-title = Manage work guides
guide-new = New work guide
guide-none-yet = There are no work guides yet. Add the first one.
guide-add = Add work guide
guide-remove-intro = Remove the work guide and its pictures for good. Only want to hide it for a while? Withdraw it instead.
guide-remove = Remove work guide
guide-notice-toegevoegd = The work guide was added as a draft. Readers only see it once you publish it.
guide-notice-opgeslagen = The details are saved.
guide-notice-online = The work guide is published.
guide-notice-offline = The work guide is withdrawn. Readers can no longer open it.
guide-notice-verwijderd = The work guide is removed.
error-one-step = Write at least one step.
error-step-text = Write what you do in this step, with this picture.
error-too-many-steps = A work guide has at most 20 steps.
error-too-many-related = Choose at most 6 stories.
error-related-link = Use the link of a story on this site, like https://…/verhalen/name-of-the-story.

# Magazine
magazine-title-list = Magazine
magazine-intro = Our magazine with interviews, columns and stories from practice. Read each issue here or download it as a PDF.
magazine-none = No issue has come out yet.
magazine-back = All issues
magazine-number = issue
magazine-number-label = Issue number
magazine-date = Came out on
magazine-date-hint = The date on the cover, like 2026-11-27.
magazine-foreword = Foreword
magazine-foreword-hint = The opening words. You can use Markdown. Needed to publish the issue.
magazine-contents = Contents
magazine-contents-hint = For each article, choose a story, the section and its place in the contents (1, 2, 3 …). A row without a story does not count. Need more articles? Save: empty rows are added.
magazine-colophon = Colophon
magazine-colophon-hint = Who made it, with whom, and how to reach the editors. You can use Markdown.
magazine-by = by
magazine-download = Download the printed issue
magazine-has-pdf = also as PDF
magazine-editor-title = Manage the magazine
magazine-new = New issue
magazine-none-yet = There are no issues yet. Make the first one.
magazine-add = Add issue
magazine-articles-count = { $count ->
    [one] 1 article
   *[other] { $count } articles
}
magazine-name = Name of the magazine
magazine-name-hint = As on the cover. Every issue of the same magazine has the same name.
magazine-theme = Theme of this issue
magazine-theme-hint = One sentence, like: Learning from what went wrong in the neighbourhood.
magazine-pdf = The printed issue (PDF)
magazine-pdf-hint = A PDF of at most 50 MB. Readers can download it.
magazine-has-pdf-now = This issue has a PDF. Choose a new one to replace it.
magazine-no-pdf = Remove the PDF
magazine-sections = Sections
magazine-sections-hint = The sections in the order of the contents, like Interviews, From practice, Column. An empty box does not count.
magazine-section = Section
magazine-section-n = Name of the section
magazine-article-n = Article { $number }
magazine-story = Story
magazine-story-none = None (empty row)
magazine-order = Place in the contents
magazine-order-hint = A number. Lower numbers come first in the section.
magazine-ready = Ready for this issue
magazine-ready-hint = Only for an article that is being edited and is finished. It goes online when the issue is published.
magazine-edit-text = Edit the text of this article
magazine-articles = Articles in this issue
magazine-no-articles = This issue has no articles yet. Write a new article or choose a story below.
magazine-new-article = Write a new article
magazine-new-article-intro = Make an article for this issue, like an interview or a column. Then write the text on the article's page, as for any story.
magazine-writer = Writer
magazine-writer-hint = The name above the article. Leave empty if it has none.
magazine-write-article = Make article
magazine-publish = Publish issue
magazine-publish-intro = Publishing puts the issue online, with every article that is ready. That is only possible when no article is still being edited.
magazine-remove-intro = Remove the issue and its PDF for good. The articles stay as stories. Only want to hide the issue for a while? Withdraw it instead.
magazine-remove = Remove issue
magazine-state-concept = Draft, left out
magazine-state-in_redactie = Being edited
magazine-state-klaar = Ready
magazine-state-gepubliceerd = Online
magazine-state-vervallen = Dropped, left out
magazine-notice-toegevoegd = The issue was added as a draft. Readers only see it once you publish it.
magazine-notice-opgeslagen = The details are saved.
magazine-notice-online = The issue is published, with the articles that were ready.
magazine-notice-offline = The issue is withdrawn. Its articles stay online as stories.
magazine-notice-verwijderd = The issue is removed.
label-magazine = Appeared in
error-issue-number = Enter a whole number from 1, like 3.
error-issue-number-taken = This magazine already has an issue with this number.
error-too-many-sections = An issue has at most 12 sections.
error-too-many-articles = An issue has at most 40 articles.
error-article-section = Choose a section that has a name.
error-article-order = Enter a number, like 1, or leave the box empty.
error-article-twice = This story is already in another row.
error-article-story = This story no longer exists. Choose another one.
error-article-other-issue = This story is already in another issue.
error-article-unfinished = This article is not finished: fill in the required parts on the article's page.
error-article-not-in-review = Only an article that is being edited can be ready.
error-issue-in-review = An article is still being edited. Finish it and mark it ready, or take it out of this issue.
error-issue-empty = There is no article in it that is ready or online.
error-foreword-required = Write the foreword first.
magazine-section-row = Section { $number } (fill in its name)
editor-article-of = Article in
editor-article-of-hint = It goes online when the issue is published and it is marked ready.

# Groups
nav-my-groups = My groups
group-mine-title = My groups
group-intro = In a group you learn together with your team or with peers from other organisations. What happens in a group, only the group sees.
group-mine-none = You are not in a group yet. Make one, or ask for an invitation.
group-members-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
group-members = Members
group-role = Role in the group
group-your-role = Your role
group-role-lid = Member
group-role-begeleider = Facilitator
group-new = New group
group-new-intro = You become its facilitator. Then you invite the others.
group-name = Name of the group
group-name-hint = For example: Neighbourhood team North, or HR professionals Utrecht region.
group-description = What the group is about
group-description-hint = A few sentences for the members. Only the group sees this.
group-organisation = Organisation
group-organisation-hint = Does the group belong to your organisation? Choose it here. A group of people from several organisations belongs to none.
group-organisation-none = None: people from several organisations
group-create = Make group
group-private = Only members of this group see this page. The editors and the site's administrators do not.
group-invite-title = Invite people
group-invite-intro = Everyone gets a mail with a link that works for 14 days, only for that address. Whoever has no account yet makes one with the link.
group-invite-emails = E-mail addresses
group-invite-emails-hint = One address per line, at most 20 at a time.
group-change = Change name and description
group-leave-title = Leave the group
group-leave-intro = Are you the only facilitator? Then make someone else facilitator first.
group-leave = Leave the group
group-invitation-title = Invitation to a group
group-invitation-text = You are invited to the group { $group }.
group-invitation-accept = Join
group-invitation-login = There is an account for { $email } already. Log in to join.
group-invitation-register = Make your account
group-invitation-register-intro = Your account gets the address { $email }. Choose your name and a password; then you are in the group at once.
group-invitation-join = Make account and join
group-admin-title = Groups
group-admin-intro = You only see each group's name and how many members it has: what happens in a group belongs to the group. Remove a group only after a complaint.
group-admin-none = There are no groups yet.
group-admin-remove = Remove group
group-notice-aangemaakt = The group is made. Now invite the others.
group-notice-opgeslagen = The details are saved.
group-notice-uitgenodigd = The invitations are sent.
group-notice-rol = The role is changed.
group-notice-verwijderd = The member is taken out of the group.
group-notice-welkom = Welcome to the group.
group-notice-verlaten = You left the group.
group-notice-verwijderd-groep = The group is removed, with everything in it.
error-invite-address = One of the addresses is not an e-mail address. Check them: one address per line.
error-too-many-invites = Invite at most 20 people at a time.
error-last-facilitator = A group always has a facilitator. Make someone else facilitator first.
error-account-exists = There is an account with this address already. Log in to join.
group-meetings = The group's meetings
group-meetings-none = No meeting is planned.
group-meetings-ics = Put the meetings in your calendar (.ics)
group-meeting-online = join online
group-meeting-cancel = Call off
group-meeting-new = Plan a meeting
group-meeting-title = What it is
group-meeting-title-hint = For example: Looking back on the spring.
group-meeting-place = Where
group-meeting-place-hint = The address or room. Online? Then fill in the link below.
group-meeting-link = Link to join online
group-meeting-link-hint = A link that starts with https://.
group-meeting-agenda = What is on the agenda
group-meeting-agenda-hint = You can use Markdown. Only the group sees this.
group-meeting-add = Plan meeting
group-notice-ingepland = The meeting is planned.
group-notice-afgezegd = The meeting is called off.

## Terugblik (retrospective) of a group
retro-title-plural = Retrospectives
retro-intro = Look back together on a meeting, a project or a period, with four questions: what went well, what can be better, what do we need and how do we help each other. Everyone first writes on their own. Then the facilitator shows the cards to everyone.
retro-none = The group has not held a retrospective yet.
retro-open = Open a retrospective
retro-field-title = What you look back on
retro-field-title-hint = For example: The neighbourhood evening of 12 November.
retro-field-subject = It is about
retro-field-votes = Votes per member
retro-field-votes-hint = With votes the group chooses which cards to discuss. Three is usually enough.
retro-open-button = Open the retrospective
retro-subject-bijeenkomst = A meeting
retro-subject-project = A project
retro-subject-periode = A period
retro-phase-schrijven = Writing cards
retro-phase-bespreken = Discussing
retro-phase-afgerond = Closed
retro-about = About
retro-opened = Opened on
retro-phase = Stage
retro-previous-title = What became of the actions of last time?
retro-previous-intro = These actions from "{ $title }" are still open.
retro-owner-gone = no owner any more
retro-due = due { $date }
retro-action-done = Done
retro-action-reopen = Open again
retro-action-is-done = Done
retro-action-is-open = Open
retro-writing-intro = Write your cards under the questions. Only you see what you write, until the facilitator shows all cards. You can take back a card with your name while the cards are hidden.
retro-discussion-intro = All cards are visible. Vote for the cards you want to discuss. The cards with the most votes are at the top.
retro-closed-intro = This retrospective is closed. You can still read it and tick off the actions.
retro-votes-left = { $count ->
    [one] You have 1 vote left.
   *[other] You have { $count } votes left.
}
retro-votes-of = { $count ->
    [one] Everyone has 1 vote.
   *[other] Everyone has { $count } votes.
}
retro-q-goed = What went well?
retro-q-beter = What can we do better next time?
retro-q-nodig = What do we need for that?
retro-q-benutten = How can we make better use of each other?
retro-hidden-count = { $count ->
    [0] No cards yet.
    [one] 1 card written. Other people's cards stay hidden until the facilitator shows them.
   *[other] { $count } cards written. Other people's cards stay hidden until the facilitator shows them.
}
retro-anonymous = Anonymous
retro-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
retro-my-votes = { $count ->
    [one] 1 of yours
   *[other] { $count } of yours
}
retro-stack-label = Cards on this stack
retro-unstack = Take off the stack
retro-vote = Vote
retro-unvote = Take back a vote
retro-stack-onto = Lay the card "{ $card }" on
retro-stack = Put on stack
retro-card-remove = Remove card
retro-card-take-back = Take back
retro-card-text = Your card
retro-card-anonymous = Anonymous: without my name
retro-card-anonymous-hint = An anonymous card is kept without your name and without a time. Nobody can see it is yours, not the facilitator and not the administrators either. That is why you cannot change or take back an anonymous card afterwards.
retro-card-add = Add card
retro-actions = Actions
retro-actions-none = No actions have been agreed yet.
retro-action-remove = Remove action
retro-action-new = Agree on an action
retro-action-text = What will happen
retro-action-owner = Who takes it on
retro-action-owner-choose = Choose a member
retro-action-due = Due on
retro-action-due-hint = The owner gets a reminder by mail two days before.
retro-action-add = Add action
retro-reveal-title = Show the cards
retro-reveal-intro = Has everyone finished writing? Then show all cards to the group. After that nobody can write cards.
retro-reveal = Show all cards
retro-close-title = Close the retrospective
retro-close-intro = Have the actions been agreed? Then close the retrospective. After that nobody can vote; the actions stay.
retro-close = Close the retrospective
retro-export-title = Keep and share
retro-export-md = Download as a Markdown file
retro-export-print = Print version
retro-export-hidden = The cards are still hidden: only your own cards are here.
retro-export-no-cards = No cards.
retro-back = Back to the retrospective
retro-print-how = Choose Print in your browser (Ctrl+P) to print this page or save it as a PDF.
retro-notice-geopend = The retrospective is open. Ask the members to write their cards.
retro-notice-kaart = Your card has been added.
retro-notice-kaart-anoniem = Your anonymous card has been added. It is not among your own cards: nobody can see it is yours.
retro-notice-kaart-weg = The card has been removed.
retro-notice-onthuld = All cards are visible now.
retro-notice-gestapeld = The stack has been changed.
retro-notice-gestemd = Your vote has been counted.
retro-notice-actie = The action has been updated.
retro-notice-actie-weg = The action has been removed.
retro-notice-klaar = The retrospective is closed.
error-votes-range = Choose between 1 and 10 votes.
error-date-past = Choose today or a day still to come.
error-retro-cards-closed = The cards are already visible: no more cards can be added.
error-retro-full = This retrospective has reached the highest number of cards.
error-retro-not-discussing = That is only possible while the group discusses the cards.
error-retro-no-votes-left = You have used all your votes. Take one back first.
retro-live-updated = The retrospective has been updated.
group-calendar-title = Meetings in your calendar app
group-calendar-intro = With a personal calendar link your calendar app keeps the group's meetings up to date by itself. Do not share the link: whoever has it sees the meetings. When you leave the group, the link stops working.
group-calendar-made = This is your personal calendar link. Add it to your calendar app as a subscription. You only see it now; if you make a new one, this one stops working.
group-calendar-make = Make a calendar link
group-calendar-renew = Make a new calendar link (the old one stops working)

# Dilemma sessions
group-dilemmas = Dilemmas
group-dilemmas-intro = Discuss a hard situation from practice together. Everyone first chooses a side on their own, without seeing what the others chose.
group-dilemmas-link = To the group's dilemmas
dilemma-library-title = Dilemmas
dilemma-intro = Here the group keeps its dilemmas: the situation, how the group thought about it, what you decided and what it led to.
dilemma-search = Search the dilemmas
dilemma-none = The group has not discussed any dilemmas yet.
dilemma-none-found = No dilemma found with these words.
dilemma-phase-kiezen = Members choose
dilemma-phase-bespreken = In discussion
dilemma-phase-besloten = Decided
dilemma-names-met-namen = With names
dilemma-names-zonder-namen = Without names
dilemma-names-hint-met-namen = When shown, everyone sees who chose which side. You can change your choice until the facilitator shows everything.
dilemma-names-hint-zonder-namen = Vooruit does not keep who chose which side. So nobody can see it, not the facilitator either. That is why a choice cannot be changed.
dilemma-open = Discuss a new dilemma
dilemma-open-intro = Describe a situation from practice. Leave out names and details by which someone could be recognised.
dilemma-open-button = Open the dilemma
dilemma-field-title = Title
dilemma-field-title-hint = Short, for example: Home visit after five.
dilemma-field-situation = The situation
dilemma-field-situation-hint = What happened, and why is it hard? Without names or recognisable details.
dilemma-field-perspectives = The sides of the dilemma
dilemma-field-perspectives-hint = One per line, two to six. For example: Humanity, and on the next line: Rules and regulations.
dilemma-field-names = How do we show the choices?
dilemma-field-names-hint = You choose this now and it does not change afterwards: so members know beforehand how their choice will be shown.
dilemma-shown = Choices shown
dilemma-situation = The situation
dilemma-given = { $count } of the { $members } members { $count ->
    [one] has
   *[other] have
} chosen.
dilemma-your-position = Your choice
dilemma-choose-named = Choose the side you would take and say why. Nobody sees your choice before the facilitator shows all choices at once. Then your name is with it.
dilemma-choose-unnamed = Choose the side you would take and say why. Nobody sees your choice before the facilitator shows all choices at once, and even then your name is not with it. Vooruit does not keep which choice is yours, so you cannot change it afterwards.
dilemma-chosen-unnamed = You have chosen. Vooruit does not keep which choice is yours; you will see it again when the facilitator shows all choices.
dilemma-field-perspective = Which side do you choose?
dilemma-field-reason = Why?
dilemma-field-reason-hint = What weighs most for you? Do not name clients or colleagues.
dilemma-choose = Give my choice
dilemma-change = Change my choice
dilemma-take-back = Take my choice back
dilemma-perspectives = The sides
dilemma-hidden = The choices stay hidden until the facilitator shows them all at once.
dilemma-count = { $count ->
    [one] 1 choice
   *[other] { $count } choices
}
dilemma-side-empty = Nobody chose this side.
dilemma-reveal-title = Show all choices
dilemma-reveal-intro-named = Everyone then sees all choices with names. After that nobody can choose any more.
dilemma-reveal-intro-unnamed = Everyone then sees all choices, without names. After that nobody can choose any more.
dilemma-reveal = Show the choices
dilemma-outcome = What we would do
dilemma-outcome-none = The group has not yet recorded what it would do.
dilemma-outcome-record = Record the outcome
dilemma-outcome-change = Change the outcome
dilemma-field-outcome = What would we do, and why?
dilemma-field-outcome-hint = Write it down as the group said it.
dilemma-field-follow-up-on = When do we look back?
dilemma-field-follow-up-on-hint = On that day you get an e-mail asking what the choice led to.
dilemma-follow-up-on = We look back on { $date }.
dilemma-follow-up = What it led to
dilemma-follow-up-none = Not written down yet.
dilemma-field-follow-up = What did the choice lead to?
dilemma-field-follow-up-hint = What went well, what was disappointing, what would you do differently now?
dilemma-offer-title = Offer to the editors
dilemma-offer-intro = Other teams can learn from this dilemma. You get the story form, filled in as a case: the situation, how the group was divided (numbers only), the outcome and what it led to. Members' names and reasons are not included. You read everything, go through the check for recognisability and give consent, as with every story.
dilemma-offer = Offer as a case
dilemma-remove-title = Remove the dilemma
dilemma-remove = Remove the dilemma and all choices
dilemma-live-updated = The dilemma has been updated.
dilemma-notice-geopend = The dilemma is ready. Members can choose now.
dilemma-notice-gekozen = Your choice has been saved.
dilemma-notice-teruggenomen = Your choice has been taken back.
dilemma-notice-getoond = All choices are now visible.
dilemma-notice-uitkomst = The outcome has been saved.
dilemma-notice-vervolg = Saved what the choice led to.
dilemma-notice-weg = The dilemma has been removed.
error-dilemma-perspectives = Give two to six sides, each on its own line.
error-dilemma-perspective-twice = Each side may appear only once.
error-dilemma-closed = The choices have been shown already. Choosing is no longer possible.
error-dilemma-chosen = You have chosen already. Without names a choice cannot be changed.
error-dilemma-not-decided = First record what the group would do.
error-date-ahead = Choose a day after today.

# Experiments
group-experiments = Experiments
group-experiments-intro = From top idea to standard: propose an improvement, try it for a while and then decide together whether it stays.
group-experiments-link = To the group's ideas and experiments
experiment-board-title = Ideas and experiments
experiment-intro = Propose an idea or support someone else's. An idea becomes an experiment with an expectation, a measurement, a period and someone who leads it. Afterwards the group decides: does it become the new standard, or do we stop?
experiment-ideas = Ideas
experiment-ideas-none = No ideas yet. Do you have one?
experiment-supports = { $count ->
    [0] Nobody supports this idea yet
    [one] 1 member supports this idea
   *[other] { $count } members support this idea
}
experiment-you-support = you too
experiment-propose = Propose an idea
experiment-propose-button = Propose the idea
experiment-field-title = Your idea in a few words
experiment-field-title-hint = For example: Ten minutes of coordination every morning.
experiment-field-description = What is the idea, and which problem does it solve?
experiment-field-description-hint = Write without names of clients.
experiment-running = Experiments running
experiment-running-none = No experiment is running now.
experiment-until = until { $date }
experiment-standards = Our standards
experiment-standards-none = No experiment has become a standard yet.
experiment-standard-since = standard since { $date }
experiment-replaces = replaces: { $what }
experiment-stopped = Stopped experiments
experiment-stopped-none = No stopped experiments.
experiment-stopped-on = stopped on { $date }
experiment-phase-idee = Idea
experiment-phase-loopt = Experiment running
experiment-phase-standaard = Standard
experiment-phase-gestopt = Stopped
experiment-proposed = Proposed by
experiment-owner = Lead
experiment-period = Period
experiment-idea = The idea
experiment-support = Support this idea
experiment-unsupport = Take my support back
experiment-start-title = Make it an experiment
experiment-start-intro = Agree what you expect, what you measure, how long you try it and who leads it. On the last day the lead gets an e-mail to evaluate.
experiment-field-hypothesis = What do we expect?
experiment-field-hypothesis-hint = For example: If we coordinate briefly every morning, fewer cases get stuck.
experiment-field-measure = What do we measure, and how?
experiment-field-measure-hint = For example: every Friday, the number of cases stuck for more than two weeks.
experiment-field-starts = First day
experiment-field-ends = Last day
experiment-field-ends-hint = After today. On that day it is time to evaluate.
experiment-start = Start the experiment
experiment-plan = The plan
experiment-notes = How is it going?
experiment-notes-none = No notes yet.
experiment-field-note = Note
experiment-field-note-hint = What do you see happening? What do you measure? What stands out?
experiment-note-add = Add the note
experiment-evaluate-title = Evaluate
experiment-evaluate-intro = What did the measurements show? Discuss it with the group and record the decision.
experiment-field-verdict = What does the group decide?
experiment-verdict-adopt = It becomes our new standard
experiment-verdict-stop = We stop it
experiment-field-evaluation = What did we see and learn?
experiment-field-evaluation-hint = Name what worked and what did not. An experiment that did not work teaches something too.
experiment-field-replaces = What does the new standard replace?
experiment-field-replaces-hint = Only for a new standard: the way of working that ends with it.
experiment-evaluate = Record the decision
experiment-evaluation = The evaluation
experiment-share-title = Share what you learned
experiment-share-intro-standaard = Other teams can use this. You get the story form, filled in as a Koploper story with the idea, the expectation, the measurements and the evaluation. You read everything, go through the check for recognisability and give consent, as with every story.
experiment-share-intro-gestopt = An experiment that did not work is exactly the story others learn from. You get the story form, filled in as a Falend Vooruit story with the idea, the expectation, the measurements and the evaluation. You read everything, go through the check for recognisability and give consent, as with every story.
experiment-share = Make a story of this experiment
experiment-remove-title = Remove
experiment-remove = Remove the idea or experiment
experiment-notice-voorgesteld = Your idea is on the board. Other members can support it now.
experiment-notice-gesteund = You support this idea.
experiment-notice-steun-terug = Your support has been taken back.
experiment-notice-gestart = The experiment has started.
experiment-notice-notitie = Your note has been added.
experiment-notice-geevalueerd = The decision has been recorded.
experiment-notice-weg = Removed.
error-experiment-not-idea = This is no longer an idea: support is no longer possible.
error-experiment-not-running = This experiment is not running (any more).
error-experiment-not-ended = Evaluate the experiment first.
error-experiment-verdict = Choose whether it becomes the new standard or whether you stop.
error-register-limit = Too many sign-ups were tried in the past hour, from this address or for this e-mail address. Please try again in an hour.

## Open data
nav-open-data = Open data
open-data-title = Open data
open-data-lead = The published stories of this learning network are open data. You may download, use and share them, within the licence below.
open-data-catalogue-title = Open data of the learning network
open-data-stories-title = Stories
open-data-stories-description = { $total ->
    [one] The published story, with lessons, themes, sector, region and date of publication.
   *[other] All { $total } published stories, with lessons, themes, sector, region and date of publication.
}
open-data-csv = Stories as CSV (for a spreadsheet)
open-data-json = Stories as JSON (for programs)
open-data-catalogue = Description of the data (DCAT-AP, JSON-LD, for catalogues such as data.overheid.nl)
open-data-licence-title = Licence
open-data-licence-text = The learning network releases the stories under
open-data-fields-title = What is in it
open-data-fields-text = One line per story. Texts are in Markdown, as written. Lists (themes, sectors, lessons) are separated by a vertical bar in the CSV. A cell that starts with =, +, - or @ gets an apostrophe in front in the CSV, so a spreadsheet does not turn it into a formula.
open-data-never-title = What is never in it
open-data-never-text = Only what the public page of a story shows. Never an e-mail address, never a name or organisation the teller did not want shown, and never a story that is not published yet.

## My data (AVG)
my-data-title = My data
my-data-lead = This is everything Vooruit keeps about you: your account and every line with your name or e-mail address. Passwords and secret codes are not included: they are encrypted and cannot be read, not even by us.
my-data-download = Download everything as a JSON file
my-data-nothing = We keep nothing about you here.
nav-my-data = My data
my-data-users = Your account
my-data-sessions = Where you are signed in
my-data-organisation_members = Your organisations
my-data-organisation_invitations = Invitations to organisations
my-data-stories = Your stories
my-data-story_messages = Messages about your stories
my-data-registrations = Your registrations for meetings
my-data-newsletter_subscribers = Your newsletter subscription
my-data-newsletter_editions = Newsletters you made
my-data-learning_group_members = Your learning groups
my-data-learning_group_invitations = Invitations to learning groups
my-data-learning_group_calendar_links = Your calendar links of learning groups
my-data-retrospectives = Retrospectives you started
my-data-retrospective_cards = Your cards in retrospectives
my-data-retrospective_votes = Your votes in retrospectives
my-data-retrospective_voters = Your votes per retrospective
my-data-retrospective_actions = Actions in your name
my-data-dilemmas = Dilemmas you started, chose in or closed
my-data-dilemma_positions = Your choices in dilemmas
my-data-experiments = Your experiments
my-data-experiment_supports = Experiments you support
my-data-experiment_notes = Your notes on experiments
my-data-delete = Delete your account

## Deleting an account (AVG)
delete-account-title = Delete your account
delete-account-of = Delete the account of { $name }
delete-account-lead = When you delete your account, we remove everything we keep about you. You cannot undo this.
delete-account-admin-lead = Only do this when { $email } asked for it. The person gets a mail that the account is gone. You cannot undo this.
delete-account-download-first = Do you want a copy of your data first? Download it here.
delete-account-what-h = What happens
delete-account-what-account = Your account, your login and your newsletter subscription disappear.
delete-account-what-drafts = Stories that are not published yet, and your messages with the editors, are deleted.
delete-account-what-events = Your registrations for coming meetings are cancelled. Your place goes to whoever is on the waiting list.
delete-account-what-groups = In learning groups your cards, notes and choices stay, but without your name. Your votes no longer count.
delete-account-stories = What should happen to your published stories?
delete-account-stories-hint = Other people learn from your stories. You can leave them without your name, or take them off the site.
delete-account-keep = Leave them, without my name and organisation
delete-account-withdraw = Take them off the site and delete them
delete-account-password-hint = Enter your password. This way we know it is you.
delete-account-confirm = Email address of the account
delete-account-confirm-hint = Type the email address of the account. This way you are sure you delete the right account.
delete-account-submit = Delete the account for good
account-deleted-title = Your account has been deleted
account-deleted-text = Everything we kept about you is gone. You get one more mail to confirm. Thank you for taking part.
admin-account-deleted = The account has been deleted. The person gets a mail to confirm.
admin-delete = Delete
error-choose-stories = Choose what should happen to your published stories.
error-password-wrong = This password is not correct.
error-confirm-email = This is not the email address of this account.
error-last-admin = This is the last administrator account. First make someone else an administrator.
error-delete-own-via-admin = You delete your own account via My data.

## Privacy statement: the processing register
register-intro = Below you find, for each part of the site, what data we keep, why, on what ground, who sees it and for how long. The learning network that runs this site is responsible for the data.
register-toc = On this page
register-what = What data
register-why = What for
register-basis = Legal ground
register-who = Who sees it
register-kept = How long
register-tables = Where it is kept (tables)
register-accounts-title = Your account
register-accounts-data = Your name, email address and role, and an encrypted form of your password that we cannot read. On which devices you are logged in. Links to confirm your address or choose a new password, only as an encrypted code.
register-accounts-why = To let you log in and do what belongs to your role.
register-accounts-basis = The agreement with you: you create an account yourself (GDPR article 6(1)(b)).
register-accounts-who = You, and the administrators of this learning network.
register-accounts-kept = Until you delete your account. A login stays valid for { $n } days. A link to confirm your address works for 48 hours, a link for a new password for 1 hour.
register-stories-title = When you share a story
register-stories-data = Your story, your email address and, if you fill them in, your name and organisation. The messages between you and the editors, and earlier versions of the text.
register-stories-why = To publish your story after editing, so others learn from it, and to mail you about your story.
register-stories-basis = Your consent: you say we may publish it (article 6(1)(a)). You can always withdraw it.
register-stories-who = The editors see everything. Visitors see the published story; your name and organisation only if you choose so. Published stories are also in the open data, with only what is on the page.
register-stories-kept = We remove your email address { $n } days after publication or rejection. The story stays until the editors archive it or you delete your account. When you delete your account, you choose whether your stories stay without your name, or disappear.
register-registrations-title = When you register for a meeting
register-registrations-data = Your name, email address and organisation, a note, your answers to the organiser's questions, and whether you came.
register-registrations-why = To give you a place or put you on the waiting list, to mail you about the meeting and to keep track of who came.
register-registrations-basis = The agreement with you: you register yourself (article 6(1)(b)).
register-registrations-who = The editors, who organise the meetings.
register-registrations-kept = Until { $n } days after the meeting. After that only the numbers stay.
register-newsletter-title = The newsletter
register-newsletter-data = Your email address, when you signed up, confirmed or unsubscribed, and which newsletters were sent to you. Of editors: who made a newsletter.
register-newsletter-why = To send you the newsletter.
register-newsletter-basis = Your consent: you sign up and confirm with a link (article 6(1)(a)).
register-newsletter-who = The editors.
register-newsletter-kept = Until { $n } days after you unsubscribe, with the link at the bottom of every newsletter. A sign-up you do not confirm is deleted after { $m } hours.
register-organisations-title = Organisations
register-organisations-data = Which organisation you belong to and with what role. Of an invitation: the email address it went to, and who invited.
register-organisations-why = So the administrator of an organisation knows who belongs to it, and colleagues can work together.
register-organisations-basis = Legitimate interest of the learning network and your organisation: knowing who takes part on whose behalf (article 6(1)(f)).
register-organisations-who = The administrators of your organisation and of this learning network.
register-organisations-kept = Until you leave the organisation or delete your account. We delete an invitation { $n } days after it was used or expired.
register-groups-title = Learning groups and team work
register-groups-data = Which learning groups you are a member of, and what you bring in to retrospectives, dilemmas and experiments: cards, votes, choices, notes and actions. With your name or without, as the group agrees. Invitations, and your personal calendar link.
register-groups-why = To learn together in your team from your own work.
register-groups-basis = Legitimate interest: learning together in your team (article 6(1)(f)).
register-groups-who = The members of the group. What you bring in without your name, nobody can link to you, administrators included.
register-groups-kept = As long as the group exists. When you delete your account, what you brought in stays without your name, and your votes no longer count. We delete an invitation { $n } days after it was used or expired.
register-mail-title = Mails we send
register-mail-data = The address, subject, text and links of mails still to be sent.
register-mail-why = To deliver mails for sure, also when the mail server is down for a while.
register-mail-basis = Part of what the mail is about: your account, your story, your registration or the newsletter.
register-mail-who = Nobody reads them. The learning network's mail server sends them.
register-mail-kept = { $n } day after the mail was sent.
register-security-title = Security
register-security-data = Failed attempts to log in and requests for a new password, counted per email address and per IP address.
register-security-why = To prevent someone from guessing passwords or flooding your mailbox.
register-security-basis = Legitimate interest: the security of your account (article 6(1)(f)).
register-security-who = Nobody. The site only uses it to count.
register-security-kept = { $n } hours.
register-podcast-title = The podcast
register-podcast-data = The name and email address the editors give as the podcast's contact.
register-podcast-why = Podcast apps and directories ask for a contact.
register-podcast-basis = Legitimate interest of the learning network: making the podcast findable (article 6(1)(f)).
register-podcast-who = Everyone: it is in the podcast feed.
register-podcast-kept = Until the editors change it.
register-helpers-h = Who helps us
register-helpers = The learning network runs this site at a hosting company, sends mails through a mail server and may keep files at a storage service. It has a data processing agreement with each of them. We do not sell data and give it to nobody else.
register-rights = You may always see what we keep about you, have it corrected and have it deleted. With an account you do this yourself:
register-rights-access = See and download everything we keep about you
register-rights-erase = Delete your account
register-rights-other = No account, or do you want something corrected? Then mail the administrator of this learning network. Do you disagree with how we handle your data? Then you can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).
