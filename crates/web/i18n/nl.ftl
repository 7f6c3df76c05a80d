## Vooruit — Nederlandse teksten (B1). Elke sleutel staat ook in en.ftl.

site-description = Vooruit: verhalen uit zorg, welzijn en gemeenten om van te leren. Ook over wat niet lukte.
skip-to-content = Ga direct naar de inhoud
lang-switch = English
footer-tagline = Vooruit is een leernetwerk. We delen wat werkte en wat niet, zodat anderen het beter kunnen doen.
optional = niet verplicht
save = Opslaan
saved = Je wijzigingen zijn opgeslagen.

## Menu
nav-label = Hoofdmenu
nav-home = Home
nav-stories = Verhalen
nav-themes = Thema's
nav-share = Deel je verhaal
nav-about = Over Vooruit
nav-editor = Redactie
nav-my-stories = Mijn verhalen
nav-login = Inloggen
nav-logout = Uitloggen
nav-accessibility = Toegankelijkheid
nav-privacy = Privacy
nav-api = API voor ontwikkelaars
breadcrumb-label = Kruimelpad

## Home
home-title = Leren van wat lukte en wat niet
home-heading = Leren van wat lukte, en van wat niet
home-intro = Vooruit verzamelt verhalen van mensen in zorg, welzijn en gemeenten. Over plannen die goed uitpakten, en over plannen die mislukten. Juist van dat laatste leer je veel.
home-cta-share = Deel je verhaal
home-cta-read = Lees Falend Vooruit-verhalen
home-latest = Nieuwste verhalen
home-all-stories = Alle verhalen bekijken
home-safe-heading = Veilig je verhaal delen
home-safe-1 = Je hebt geen account nodig. Je kiest zelf of je naam en organisatie erbij staan.
home-safe-2 = Een redacteur leest alles voordat het online komt. Samen halen we herkenbare details weg.
home-safe-3 = Je e-mailadres ziet alleen de redactie. Het komt nooit op de site.
home-themes = Zoek op thema

## Verhalen
stories-title = Alle verhalen
stories-intro = Lees hoe anderen het aanpakten. Wat ging goed, wat ging anders dan gepland, en wat leerden ze ervan?
stories-count = { $count ->
    [0] Geen verhalen gevonden
    [one] 1 verhaal gevonden
   *[other] { $count } verhalen gevonden
}
stories-none = Er zijn geen verhalen die passen bij deze keuze. Probeer minder filters.
filter-title = Verhalen filteren
filter-all = Alle
filter-apply = Filter toepassen
filter-clear = Alle filters weghalen
label-theme = Thema
label-themes = Thema's
label-sector = Sector
label-region = Regio
label-published = Gepubliceerd
label-teller = Verteld door
label-status = Status
label-submitted = Ingestuurd
label-changed = Laatst gewijzigd
teller-anonymous = een deelnemer die anoniem wil blijven
pager-label = Paginering
pager-previous = Vorige pagina
pager-next = Volgende pagina
pager-status = Pagina { $page }
story-share-yours-heading = Heb jij ook zoiets meegemaakt?
story-share-yours-text = Deel je eigen verhaal. Dat kan anoniem, en de redactie helpt je erbij.
theme-heading = Thema: { $theme }
themes-title = Thema's
themes-intro = Verhalen zijn geordend op thema. Kies een thema om alle verhalen erover te lezen.

## Soorten verhalen
kind-falend-vooruit = Falend Vooruit
kind-falend-vooruit-hint = een initiatief dat (deels) mislukte, en wat je ervan leerde
kind-koploper = Koploper
kind-koploper-hint = een aanpak die goed werkt en die anderen kunnen overnemen
kind-interview = Interview
kind-interview-hint = een gesprek met iemand over zijn of haar ervaring
kind-case = Casus
kind-case-hint = een situatie uit de praktijk, uitgewerkt om over te praten
kind-column = Column
kind-column-hint = een persoonlijke mening of beschouwing

## Onderdelen van een verhaal
section-context = De situatie
section-aim = Wat we wilden bereiken, en voor wie
section-approach = Onze aanpak
section-what_differed = Wat anders ging dan gepland
section-lessons = Wat we leerden
section-tips = Tips
section-do_differently = Wat we de volgende keer anders doen

## Verhaal delen
share-title = Deel je verhaal
share-intro = Vertel wat je probeerde, wat er gebeurde en wat je ervan leerde. Ook als het niet lukte: daar leren anderen het meest van.
share-safe-heading = Zo blijft delen veilig
share-safe-1 = Je hebt geen account nodig.
share-safe-2 = In de volgende stap kies je of je naam en organisatie zichtbaar zijn. We helpen je om herkenbare details weg te halen.
share-safe-3 = Een redacteur leest je verhaal eerst. Niets komt online zonder dat de redactie het heeft bekeken.
share-step-1 = Stap 1 van 2: je verhaal
share-step-2 = Stap 2 van 2: veilig delen
share-next = Verder naar stap 2
share-check-title = Maak je verhaal veilig
share-check-intro = Lees je verhaal nog een keer door. Kies daarna wat anderen over jou mogen zien.
share-check-list-heading = Controleer je tekst
share-check-list-intro = Staat er iets in je verhaal waardoor iemand te herkennen is? Pas het dan aan via de knop 'Terug naar je verhaal'. Let op:
share-check-names = namen van cliënten, bewoners of hun familie;
share-check-details = bijzondere details, zoals een zeldzame ziekte, een leeftijd of een opvallende gebeurtenis;
share-check-places = precieze plaatsen, adressen of data;
share-check-colleagues = namen van collega's die niet hebben gezegd dat het mag.
share-check-reread = Je verhaal nog eens lezen
share-who-heading = Wat mogen lezers over jou zien?
share-who-hint = Je naam en organisatie zijn niet verplicht. Vul je ze in, dan ziet de redactie ze altijd. Lezers zien ze alleen als je het vakje aanvinkt.
share-send = Verhaal versturen
share-back = Terug naar je verhaal
share-done-title = Bedankt voor je verhaal!
share-done-text = De redactie leest je verhaal en neemt contact op als er vragen zijn. Je krijgt ook een e-mail met een persoonlijke link.
share-done-link-heading = Bewaar je persoonlijke link.
share-done-link-text = Hiermee volg je je verhaal en beantwoord je vragen van de redactie. Deel deze link niet met anderen.

## Formuliervelden
field-kind = Soort verhaal
field-kind-hint = Kies wat het beste past. De redactie kan dit later nog aanpassen.
field-title = Titel
field-title-hint = Een korte titel die zegt waar het over gaat.
field-summary = Samenvatting
field-summary-hint = Een of twee zinnen voor de lijst met verhalen. Leeg laten mag: dan gebruiken we het begin van de situatie.
field-context = De situatie
field-context-hint = Waar werk je, en wat was er aan de hand? Je mag Markdown gebruiken, zoals **vet** of een lijst met streepjes.
field-aim = Wat wilde je bereiken, en voor wie?
field-aim-hint = Bijvoorbeeld: meer nieuwe collega's, minder verzuim, betere zorg voor bewoners.
field-approach = Hoe pakte je het aan?
field-approach-hint = Wat deed je, met wie en hoe lang?
field-what-differed = Wat ging anders dan gepland?
field-what-differed-hint = Wat viel tegen, of verraste je?
field-lessons = Wat heb je geleerd?
field-lessons-hint = Schrijf minstens één les op. Eén les per vak.
field-lesson-n = Les { $n }
field-tips = Tips voor anderen
field-tips-hint = Wat zou je een collega aanraden die iets vergelijkbaars wil doen?
field-do-differently = Wat zou je de volgende keer anders doen?
field-do-differently-hint = Kijk terug: wat zou je nu anders aanpakken?
field-themes = Thema's
field-themes-hint = Kies één of meer thema's. Zo vinden anderen je verhaal.
field-sectors = Sector
field-sectors-hint = In welke sector speelde het?
field-region = Regio
field-region-none = Geen regio
field-name = Naam
field-your-name = Je naam
field-organisation = Organisatie
field-show-name = Toon mijn naam bij het verhaal
field-show-name-hint = Vink je dit niet aan, dan staat er 'anoniem' bij het verhaal.
field-show-organisation = Toon mijn organisatie bij het verhaal
field-show-organisation-hint = Vink je dit niet aan, dan noemen we je organisatie niet.
field-no-client-info = Ik heb gecontroleerd dat mijn verhaal geen informatie bevat waardoor cliënten te herkennen zijn
field-contact-email = Je e-mailadres
field-contact-email-hint = Alleen de redactie ziet dit. We sturen je hier je persoonlijke link en vragen over je verhaal naartoe.
field-consent = Ik geef de redactie toestemming om mijn verhaal te bewerken en te publiceren
field-consent-hint = De redactie mag je tekst korter of duidelijker maken. Wil je later toch niet dat je verhaal online staat? Laat het de redactie weten via je persoonlijke link.
field-email = E-mailadres
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-password-hint = Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden.
field-question = Je vraag aan de verteller
field-question-hint = De verteller krijgt je vraag per e-mail en ziet hem op zijn of haar persoonlijke pagina.
field-reason = Reden
field-reason-hint = Leg vriendelijk uit waarom het verhaal niet geplaatst wordt. De verteller leest dit.
field-reply = Je antwoord of opmerking
field-reply-hint = De redactie leest je bericht.

## Foutmeldingen
errors-summary-title = Er ging iets mis. Controleer deze velden:
error-prefix = Fout
error-required = Vul dit veld in.
error-too-long = Deze tekst is te lang. Maak hem korter.
error-email = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
error-choose-kind = Kies een soort verhaal.
error-choose-theme = Kies minstens één thema.
error-unknown-choice = Kies een van de opties uit de lijst.
error-one-lesson = Schrijf minstens één les op.
error-confirm-no-client-info = Controleer je tekst en vink dit vakje aan. Zonder deze bevestiging kunnen we je verhaal niet aannemen.
error-consent = Geef toestemming, anders kan de redactie je verhaal niet publiceren.
error-password-short = Kies een wachtwoord van minstens 10 tekens.
error-login-failed = Het e-mailadres of wachtwoord klopt niet. Probeer het opnieuw.
error-email-not-verified = Bevestig eerst je e-mailadres. Klik op de link in de e-mail die we je stuurden.
error-too-many = Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.
error-not-found = Deze pagina bestaat niet (meer). Misschien is de link oud of zit er een typfout in.
error-forbidden = Je hebt geen toegang tot deze pagina.
error-login-required = Log in om verder te gaan.
error-validation = Niet alle gegevens zijn goed ingevuld.
error-internal = Er ging iets mis aan onze kant. Je gegevens zijn niet verloren gegaan. Probeer het later opnieuw.
error-illegal-transition = Dit kan niet in de huidige status van het verhaal.
error-changed-meanwhile = Iemand anders heeft dit verhaal net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.
error-story-closed = Dit verhaal is afgesloten. Je kunt er niet meer op reageren.
error-story-locked = Dit verhaal wordt al door de redactie behandeld of is gepubliceerd. Wil je iets veranderen? Stuur de redactie een bericht via je persoonlijke link.
error-link-expired = Deze link werkt niet meer. Hij is verlopen of al gebruikt. Vraag een nieuwe link aan.
error-bad-form = Het formulier kon niet worden gelezen. Probeer het opnieuw.
error-csrf = Dit formulier is verlopen. Ga terug, laad de pagina opnieuw en verstuur het nog een keer.
error-method-not-allowed = Dit adres werkt niet op deze manier. Gebruik een link of formulier op de site.
status-title-405 = Niet op deze manier
error-bad-json = De JSON in het verzoek is niet geldig.
error-bad-query = Een parameter in het adres is niet geldig. Kijk in de beschrijving van de API (/api/openapi.json) wat kan.
error-json-required = Stuur dit verzoek als JSON (Content-Type: application/json).
error-back-home = Naar de homepagina
status-title-400 = Verzoek niet begrepen
status-title-401 = Inloggen nodig
status-title-403 = Geen toegang
status-title-404 = Pagina niet gevonden
status-title-409 = Dat kan nu niet
status-title-413 = Te veel tekst
status-title-422 = Controleer je gegevens
status-title-429 = Even wachten
status-title-500 = Er ging iets mis
status-title-other = Er ging iets mis

## Status van een verhaal
status-concept = Concept
status-ingediend = Ingestuurd
status-in_redactie = Bij de redactie
status-vraag_aan_verteller = Vraag aan jou
status-gepubliceerd = Gepubliceerd
status-gearchiveerd = Offline gehaald
status-afgewezen = Niet geplaatst
status-explain-concept = Je verhaal is nog niet verstuurd.
status-explain-ingediend = Je verhaal is binnen. Een redacteur gaat het lezen.
status-explain-in_redactie = Een redacteur werkt aan je verhaal.
status-explain-vraag_aan_verteller = De redactie heeft een vraag voor je. Je leest hem hieronder. Je antwoord helpt om je verhaal af te maken.
status-explain-gepubliceerd = Je verhaal staat online. Dank je wel!
status-explain-gearchiveerd = Je verhaal is niet meer online te zien.
status-explain-afgewezen = De redactie plaatst je verhaal niet. Hieronder lees je waarom.
status-title = Je verhaal volgen
status-view-public = Bekijk je verhaal op de site
status-reason = Reden van de redactie
status-messages = Berichten
status-no-messages = Nog geen berichten.
status-reply-send = Bericht versturen
status-reply-saved = Je bericht is verstuurd naar de redactie.
status-your-text = Je ingestuurde tekst
message-from-editor = Redactie
message-from-you = Jij
message-from-teller = Verteller

## Inloggen en account
login-title = Inloggen
login-submit = Inloggen
login-forgot = Wachtwoord vergeten?
login-no-account = Nog geen account?
login-register = Maak een account aan
register-title = Account aanmaken
register-intro = Met een account kun je je eigen verhalen bekijken en aanpassen. Voor het delen van een verhaal heb je geen account nodig.
register-submit = Account aanmaken
register-done-title = Kijk in je mailbox
register-done-text = We hebben je een e-mail gestuurd. Klik op de link daarin om je account te bevestigen. Geen mail gekregen? Kijk ook in je map met ongewenste mail.
verified-title = Je e-mailadres is bevestigd
verified-text = Je kunt nu inloggen.
forgot-title = Wachtwoord vergeten
forgot-intro = Vul je e-mailadres in. Heb je een account, dan krijg je een e-mail met een link om een nieuw wachtwoord te kiezen.
forgot-submit = Link versturen
forgot-done-title = Kijk in je mailbox
forgot-done-text = Als er een account is met dit e-mailadres, dan staat er nu een e-mail met een link voor je klaar. De link is 1 uur geldig.
reset-title = Kies een nieuw wachtwoord
reset-submit = Wachtwoord opslaan
reset-done-title = Je wachtwoord is veranderd
reset-done-text = Log in met je nieuwe wachtwoord. Je bent op andere apparaten uitgelogd.
my-stories-title = Mijn verhalen
my-stories-none = Je hebt nog geen verhalen gedeeld terwijl je was ingelogd.
my-story-edit-title = Je verhaal aanpassen

## Redactie
editor-title = Redactie
editor-tabs-label = Verhalen per status
editor-tab-queue = Te behandelen
editor-tab-gepubliceerd = Gepubliceerd
editor-tab-gearchiveerd = Offline gehaald
editor-tab-afgewezen = Niet geplaatst
editor-empty = Er zijn hier geen verhalen.
editor-back = Terug naar de redactie
editor-view-public = Bekijk op de site
editor-publish = Publiceren
editor-archive = Offline halen
editor-teller = Verteller
editor-teller-hint = Alleen de redactie ziet deze gegevens. Wat 'verborgen' is, komt nooit op de site.
editor-shown = zichtbaar voor lezers
editor-hidden = verborgen voor lezers
editor-ask = Vraag stellen aan de verteller
editor-ask-send = Vraag versturen
editor-reject = Niet plaatsen
editor-reject-send = Niet plaatsen en verteller informeren
editor-revisions = Versies
editor-edit = Tekst bewerken
editor-save = Opslaan als nieuwe versie
editor-notice-saved = De nieuwe versie is opgeslagen.
editor-notice-asked = Je vraag is verstuurd naar de verteller.
editor-notice-published = Het verhaal staat online. De verteller krijgt een e-mail.
editor-notice-rejected = Het verhaal wordt niet geplaatst. De verteller krijgt een e-mail met de reden.
editor-notice-archived = Het verhaal is offline gehaald.

## Over Vooruit
about-title = Over Vooruit
about-lead = Vooruit is een plek waar mensen uit zorg, welzijn en gemeenten hun ervaringen delen. Zodat anderen ervan kunnen leren.
about-p1 = Over successen wordt veel verteld. Over plannen die mislukten bijna nooit. Toch leer je juist daar het meest van. Daarom heet dit platform Vooruit, naar het idee van 'falend vooruit': vallen, opstaan en verder komen.
about-h-what = Wat vind je hier?
about-p2 = Verhalen over initiatieven die niet lukten (Falend Vooruit), over aanpakken die goed werken (Koplopers), interviews, casussen en columns. Elk verhaal vertelt wat het plan was, wat er gebeurde en wat de makers ervan leerden.
about-p3 = Je zoekt verhalen op thema, sector en regio. Zo vind je snel ervaringen die lijken op jouw situatie.
about-h-safe = Veilig delen
about-p4 = Fouten delen is spannend, zeker in een sector die onder een vergrootglas ligt. Daarom kun je anoniem een verhaal insturen. Een redacteur leest alles eerst en helpt je om herkenbare details weg te halen. Je e-mailadres ziet alleen de redactie.
about-h-open = Open en van iedereen
about-p5 = Vooruit is open source software. Elk leernetwerk, van één gemeente tot een landelijk programma, kan het zelf gebruiken. Ontwikkelaars vinden de beschrijving van de API via de link onderaan elke pagina.

## Toegankelijkheid
a11y-title = Toegankelijkheidsverklaring
a11y-lead = We willen dat iedereen Vooruit kan gebruiken: ook met een toetsenbord, een schermlezer of vergroting, en zonder JavaScript.
a11y-h-status = Hoe toegankelijk is deze site?
a11y-p1 = We bouwen Vooruit volgens de WCAG 2.1 op niveau AA. Dat is de norm voor Nederlandse overheden. We hebben deze site nog niet volledig laten keuren door een onafhankelijke partij. Daarom zeggen we nog niet dat de site aan alle eisen voldoet.
a11y-h-how = Wat we doen en hoe we testen
a11y-p2 = Alle pagina's werken zonder JavaScript. Formulieren hebben labels, foutmeldingen staan bij het veld en worden voorgelezen. Elke pagina heeft een link om direct naar de inhoud te gaan, en de focus is altijd zichtbaar.
a11y-p3 = Bij elke wijziging draaien automatische tests op de echte server. Die controleren onder meer dat elke pagina een taal, een titel en één hoofdkop heeft, dat formuliervelden een label hebben en dat er geen onveilige code in de pagina's komt.
a11y-p3b = Daarnaast opent een echte browser (Chromium) bij elke wijziging alle pagina's die via links te bereiken zijn, als bezoeker en als redacteur, in het Nederlands en het Engels, op een telefoonbreedte (375 pixels) en een computerbreedte. Op elke pagina controleert de toegankelijkheidstest axe de regels van WCAG 2.1 A en AA, waaronder het kleurcontrast van tekst. We controleren ook dat geen pagina breder wordt dan het scherm bij 320 pixels of met tekst op 200%, en dat de HTML van elke pagina foutloos is volgens de Nu HTML Checker. De belangrijkste routes doen we in die browser na: een verhaal delen, ook alleen met het toetsenbord, een verhaal redigeren en publiceren, zoeken, van taal wisselen, je aanmelden voor een bijeenkomst en voor de nieuwsbrief.
a11y-h-known = Bekende beperkingen
a11y-p4 = Teksten die mensen zelf insturen, kunnen moeilijke woorden bevatten. De redactie let daarop, maar dat lukt niet altijd. Kom je een probleem tegen? Laat het ons weten.
a11y-p4b = Automatische tests vinden niet alles. Of teksten begrijpelijk zijn en of een schermlezer alles logisch voorleest, hebben we nog niet met mensen die zo'n hulpmiddel gebruiken getest.
a11y-h-contact = Contact
a11y-p5 = Loop je ergens tegenaan? Neem contact op met de beheerder van dit leernetwerk. We reageren binnen vijf werkdagen.

## Privacy
privacy-title = Privacyverklaring
privacy-lead = We vragen zo weinig mogelijk gegevens, en we laten nooit zien wat jij wilt verbergen.
privacy-h-cookies = Cookies
privacy-p4 = We gebruiken alleen cookies die nodig zijn: om je ingelogd te houden, om formulieren te beveiligen en om je taalkeuze te onthouden. We gebruiken geen cookies om je te volgen, en geen advertenties.
privacy-h-rights = Je rechten

## Beheer
nav-admin = Beheer
stories-results = Resultaten
yes = ja
no = nee
role-lid = Lid
role-redacteur = Redacteur
role-beheerder = Beheerder
admin-users-title = Gebruikers
admin-users-intro = Hier geef je mensen een rol. Redacteuren behandelen verhalen. Beheerders kunnen ook rollen veranderen. Na een wijziging moet iemand opnieuw inloggen.
admin-users-count = { $count ->
    [one] 1 gebruiker
   *[other] { $count } gebruikers
}
admin-verified = E-mail bevestigd
admin-role = Rol
admin-role-of = Rol van { $name }
admin-you = jij
admin-role-saved = De rol is aangepast.
error-own-role = Je kunt je eigen rol niet veranderen. Vraag een andere beheerder.

## Zoeken
search-title = Zoeken
search-title-for = Zoeken naar “{ $q }”
search-label = Zoek in verhalen, publicaties en de agenda
search-placeholder = Zoek op de site
search-submit = Zoeken
search-filters = Filters
search-remove-filter = filter weghalen
search-facet-type = Soort inhoud
type-verhaal = Verhaal
type-publicatie = Publicatie
type-aflevering = Podcastaflevering
type-video = Video
type-werkwijzer = Werkwijzer
type-magazinenummer = Magazine
type-bijeenkomst = Bijeenkomst
search-facet-kind = Soort verhaal
search-facet-theme = Thema
search-facet-sector = Sector
search-facet-region = Regio
search-facet-year = Jaar
search-count = { $count ->
    [0] Geen resultaten
    [one] 1 resultaat
   *[other] { $count } resultaten
}
search-did-you-mean = Bedoelde je
search-without-filters = Zonder filters zijn er { $count } resultaten.
search-most-words = Niets heeft al je zoekwoorden. Dit zijn de resultaten met de meeste ervan.
search-also-searched = Ook gezocht op woorden met dezelfde betekenis: { $words }.
search-tips = Tip: gebruik minder of andere woorden, controleer de spelling, of zoek een hele zin tussen aanhalingstekens, zoals "open dag".
story-related = Lees ook

## Nieuwsbrief
nav-newsletter = Nieuwsbrief
nav-feed = RSS-feed
newsletter-title = Nieuwsbrief
newsletter-intro = De nieuwste verhalen en bijeenkomsten in je mailbox.
newsletter-email-hint = We sturen je eerst een e-mail om je aanmelding te bevestigen.
newsletter-themes = Waar wil je over lezen?
newsletter-themes-hint = Kies je niets, dan krijg je alles.
newsletter-submit = Aanmelden
newsletter-privacy = Je kunt je altijd afmelden met de link onderaan elke nieuwsbrief. We gebruiken je e-mailadres alleen voor de nieuwsbrief.
newsletter-check-title = Kijk in je mailbox
newsletter-check-text = We hebben je een e-mail gestuurd. Klik op de link daarin om je aanmelding te bevestigen. Pas daarna krijg je de nieuwsbrief.
newsletter-confirm-title = Aanmelding bevestigen
newsletter-confirm-text = Klik op de knop om je aanmelding voor de nieuwsbrief te bevestigen.
newsletter-confirm-button = Ja, ik wil de nieuwsbrief
newsletter-confirmed-title = Je bent aangemeld
newsletter-confirmed-text = Bedankt! Je krijgt de volgende nieuwsbrief in je mailbox.
newsletter-unsubscribe-title = Afmelden voor de nieuwsbrief
newsletter-unsubscribe-text = Klik op de knop om je af te melden. Je krijgt dan geen nieuwsbrief meer.
newsletter-unsubscribe-button = Afmelden
newsletter-unsubscribed-title = Je bent afgemeld
newsletter-unsubscribed-text = Je krijgt de nieuwsbrief niet meer. Je kunt je altijd opnieuw aanmelden.

## Agenda
nav-agenda = Agenda
nav-publications = Publicaties
nav-podcast = Podcast
nav-videos = Video
nav-guides = Werkwijzers
nav-magazine = Magazine
agenda-title = Agenda
agenda-intro = Trainingen, regionale bijeenkomsten, inspiratielabs en congressen. Aanmelden kan zonder account.
agenda-subscribe = Abonneer je eigen agenda op deze lijst (iCalendar)
agenda-upcoming = Binnenkort
agenda-past = Geweest
agenda-none = Er staan nog geen bijeenkomsten gepland.
agenda-back = Terug naar de agenda
event-kind = Soort bijeenkomst
event-kind-training = Training
event-kind-bijeenkomst = Bijeenkomst
event-kind-inspiratielab = Inspiratielab
event-kind-congres = Congres
event-kind-webinar = Webinar
event-online = Online
event-when = Wanneer
event-where = Waar
event-organiser = Organisator
event-places = Plaatsen
event-full = Vol: je kunt op de wachtlijst
event-full-waiting = Deze bijeenkomst is vol. Meld je aan voor de wachtlijst: komt er een plek vrij, dan krijg je die automatisch.
event-places-left = { $count ->
    [one] Nog 1 plek vrij
   *[other] Nog { $count } plekken vrij
}
event-cancelled = Deze bijeenkomst gaat niet door.
event-add-to-calendar = Zet in je agenda
event-register = Aanmelden
event-register-waiting = Aanmelden voor de wachtlijst
event-email-hint = Je krijgt een bevestiging met de afspraak voor je agenda en een link om je af te melden.
event-note = Opmerking
event-note-hint = Bijvoorbeeld een dieetwens of wat je nodig hebt om goed mee te doen.
event-registered-title = Je bent aangemeld
event-registered-text = Je krijgt een e-mail met de afspraak voor je agenda. Kun je toch niet? Meld je af met de link in die e-mail, dan krijgt iemand anders je plek.
event-waiting-title = Je staat op de wachtlijst
event-waiting-text = De bijeenkomst is vol. Komt er een plek vrij, dan krijg je die automatisch en sturen we je een e-mail.
event-cancel-title = Afmelden
event-cancel-text = Wil je je afmelden? Dan geven we je plek aan de eerste op de wachtlijst.
event-cancel-button = Ja, meld me af
event-cancelled-title = Je bent afgemeld
event-cancelled-text = Je bent afgemeld voor deze bijeenkomst. Bedankt dat je het laat weten.
event-description = Beschrijving
event-starts = Begint
event-ends = Eindigt
event-time-hint = Nederlandse tijd.
event-location = Plaats
event-location-hint = Adres of gebouw. Leeg laten bij een online bijeenkomst.
event-online-url = Link naar de online bijeenkomst
event-capacity = Aantal plaatsen
registration-bevestigd = Aangemeld
registration-wachtlijst = Wachtlijst
registration-afgemeld = Afgemeld
editor-agenda-title = Agenda beheren
editor-agenda-new = Nieuwe bijeenkomst
editor-agenda-create = Bijeenkomst opslaan
editor-agenda-registrations = Aanmeldingen
error-date = Vul een datum en tijd in.
error-end-before-start = Het einde moet na het begin liggen.
error-place-or-link = Vul een plaats in of een link naar de online bijeenkomst.
error-https-link = Gebruik een link die begint met https://.
error-capacity = Vul een aantal plaatsen in, minstens 1.
error-event-closed = Aanmelden voor deze bijeenkomst kan niet meer.
editor-agenda-csv = Aanmeldingen downloaden (CSV)
editor-agenda-message = Bericht aan alle aangemelden
editor-agenda-subject = Onderwerp
editor-agenda-body = Bericht
editor-agenda-body-hint = Iedereen met een plek krijgt dit bericht per e-mail.
editor-agenda-send = Bericht versturen
editor-agenda-message-sent = Het bericht is verstuurd naar iedereen met een plek.
editor-agenda-cancel = Bijeenkomst annuleren
editor-agenda-cancel-text = Iedereen die zich aanmeldde krijgt een e-mail, en in agenda's die de agenda volgen staat de bijeenkomst als geannuleerd.
editor-agenda-cancelled = De bijeenkomst is geannuleerd. De aangemelden krijgen een e-mail.
editor-agenda-present = Aanwezig
editor-agenda-is-present = Aanwezig
editor-agenda-check-in = Binnen
editor-agenda-undo = Ongedaan maken

## Nieuwsbrief: edities en archief
archive-title = Eerdere nieuwsbrieven
archive-intro = Hier lees je alle nieuwsbrieven die we eerder verstuurden.
archive-subscribe = Meld je aan voor de nieuwsbrief
archive-empty = Er zijn nog geen nieuwsbrieven verstuurd.
archive-sent-on = Verstuurd op
edition-editor-title = Nieuwsbrief maken
edition-confirmed-count = { $count ->
    [one] 1 abonnee
   *[other] { $count } abonnees
}
edition-new = Nieuwe editie maken
edition-list = Edities
edition-subject = Onderwerp
edition-date = Datum
edition-status-concept = Concept
edition-status-verzenden = Wordt verstuurd
edition-status-verzonden = Verstuurd
edition-preview = Voorbeeld bekijken
edition-preview-text = Tekstversie bekijken
edition-intro = Inleiding
edition-intro-hint = Een paar zinnen bovenaan de nieuwsbrief. Je kunt Markdown gebruiken.
edition-themes = Alleen voor deze thema's
edition-themes-hint = Kies je niets, dan gaat de nieuwsbrief naar alle abonnees. Kies je thema's, dan krijgen alleen abonnees die een van die thema's kozen (of geen thema's kozen) hem.
edition-item = Onderdeel { $n }
edition-item-new = Nieuw onderdeel
edition-item-title = Titel
edition-item-url = Link
edition-item-text = Korte tekst
edition-item-url-hint = Een pagina van deze site, zoals /verhalen/..., of een link die begint met https://.
edition-item-remove = Dit onderdeel weghalen
edition-save = Opslaan
edition-save-preview = Opslaan en voorbeeld bekijken
edition-saved = De nieuwsbrief is opgeslagen.
edition-test = Test naar jezelf
edition-test-text = Je krijgt de nieuwsbrief zelf, met [Test] voor het onderwerp. Zo zie je hoe hij in je mailprogramma aankomt.
edition-test-button = Stuur een test naar mij
edition-test-sent = De test is onderweg naar je mailbox.
edition-send = Versturen
edition-send-text = { $count ->
    [one] De nieuwsbrief gaat naar 1 abonnee. Daarna kun je hem niet meer veranderen.
   *[other] De nieuwsbrief gaat naar { $count } abonnees. Daarna kun je hem niet meer veranderen.
}
edition-send-check = Ik heb het voorbeeld en de test bekeken
edition-send-button = { $count ->
    [one] Versturen naar 1 abonnee
   *[other] Versturen naar { $count } abonnees
}
edition-sending = De nieuwsbrief wordt verstuurd. Dat gebeurt op de achtergrond; je kunt deze pagina verlaten.
edition-recipients = Ontvangers
edition-progress-sent = Verstuurd
edition-progress-waiting = Nog te versturen
edition-progress-skipped = Overgeslagen (afgemeld)
edition-progress-failed = Mislukt
edition-refresh = Voortgang bijwerken
edition-in-archive = Bekijk hem in het archief
subscribers-title = Abonnees
subscribers-search = Zoek op e-mailadres
subscribers-count = { $count ->
    [one] 1 abonnee gevonden
   *[other] { $count } abonnees gevonden
}
subscribers-themes = Thema's
subscribers-lang = Taal
subscribers-since = Sinds
subscribers-all-themes = Alle thema's
subscriber-status-bevestigd = Bevestigd
subscriber-status-onbevestigd = Nog niet bevestigd
subscriber-status-afgemeld = Afgemeld
error-too-many-items = Een nieuwsbrief heeft hoogstens 20 onderdelen. Haal er een paar weg.
error-item-link = Gebruik een pagina van deze site (begint met /) of een link die begint met https://.
error-edition-sent = Deze nieuwsbrief is al verstuurd of wordt verstuurd. Je kunt hem niet meer veranderen.
error-edition-confirm = Bekijk eerst het voorbeeld en vink dit vakje aan.

## Agenda: thema's, vragen, aanmeldperiode, verslag, wijzigen
event-themes = Thema's
event-theme = Thema
event-opens = Aanmelden kan vanaf
event-opens-hint = Leeg laten: aanmelden kan meteen.
event-closes = Aanmelden kan tot
event-closes-hint = Leeg laten: aanmelden kan tot de bijeenkomst voorbij is.
event-questions = Vragen aan wie zich aanmeldt
event-questions-hint = Bijvoorbeeld naar een dieetwens of wat iemand nodig heeft om mee te doen. Iedereen die zich aanmeldt, beantwoordt ze.
event-question = Vraag { $n }
event-answers = Antwoorden
event-report = Verslag
event-report-hint = Na afloop: wat er gebeurde en wat mensen leerden. Het verslag staat bij de bijeenkomst zodra die voorbij is. Je kunt Markdown gebruiken.
event-is-past = Deze bijeenkomst is voorbij.
event-opens-on = Aanmelden kan vanaf { $date }.
event-read-report = Lees het verslag
editor-agenda-edit = Bijeenkomst wijzigen
editor-agenda-edit-text = Verander je de tijd of de plaats, dan krijgt iedereen die zich aanmeldde een e-mail met de nieuwe afspraak. Agenda's die de agenda volgen, passen zich vanzelf aan.
editor-agenda-save = Wijzigingen opslaan
editor-agenda-changed = De bijeenkomst is gewijzigd.
error-too-many-questions = Stel hoogstens 5 vragen.
error-registration-not-yet = Aanmelden voor deze bijeenkomst kan nog niet.
error-capacity-below-registrations = Er zijn al meer mensen aangemeld dan dit aantal plaatsen. Kies een groter aantal, of vraag eerst mensen om zich af te melden.
agenda-filter-title = Bijeenkomsten filteren
error-too-many-submissions = Vanaf dit adres zijn het afgelopen uur al veel verhalen gestuurd. Je verhaal is niet verloren: probeer het over een uur opnieuw, of log in.
# Organisations
nav-my-organisations = Mijn organisaties
org-admin-title = Organisaties
org-admin-intro = Een organisatie is bijvoorbeeld een gemeente, een zorgaanbieder of een welzijnsorganisatie. Mensen met een e-mailadres op een van haar domeinen kunnen zelf lid worden. Beheerders van de organisatie nodigen anderen uit.
org-count = { $count ->
    [0] Nog geen organisaties.
    [one] 1 organisatie
   *[other] { $count } organisaties
}
org-name = Naam van de organisatie
org-kind = Soort organisatie
org-kind-gemeente = Gemeente
org-kind-zorgaanbieder = Zorgaanbieder
org-kind-welzijnsorganisatie = Welzijnsorganisatie
org-kind-onderwijs = Onderwijs
org-kind-overheid = Andere overheid
org-kind-netwerk = Netwerk of samenwerkingsverband
org-kind-anders = Anders
org-domains = E-maildomeinen
org-domains-hint = Eén per regel, bijvoorbeeld gemeente-voorbeeld.nl. Wie een bevestigd e-mailadres op zo'n domein heeft, kan zelf lid worden. Een domein hoort bij één organisatie.
org-members = Leden
org-change = Wijzigen
org-new = Nieuwe organisatie
org-create = Organisatie aanmaken
org-edit-title = Organisatie wijzigen
org-to-page = Naar de pagina van de organisatie
org-your-role = Jouw rol
org-role = Rol
org-role-lid = Lid
org-role-beheerder = Beheerder van de organisatie
org-members-count = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
org-no-members = Deze organisatie heeft nog geen leden. Nodig iemand uit.
org-actions = Acties
org-remove = Verwijderen
org-invite-title = Iemand uitnodigen
org-invite-intro = De persoon krijgt een e-mail met een link. Die werkt 14 dagen, alleen voor dit e-mailadres.
org-invite-send = Uitnodiging sturen
org-invitations-open = Open uitnodigingen
org-invitation-until = geldig tot { $date }
org-leave-title = Uit de organisatie gaan
org-leave = Ik ga uit deze organisatie
org-invitation-title = Uitnodiging
org-invitation-text = Je bent uitgenodigd om lid te worden van { $organisation }.
org-invitation-role = Je rol wordt: { $role }.
org-invitation-other-address = Deze uitnodiging is voor { $email }. Log uit en log in met dat adres, of vraag een nieuwe uitnodiging voor jouw adres.
org-invitation-accept = Lid worden
org-mine-title = Mijn organisaties
org-mine-none = Je bent nog geen lid van een organisatie.
org-join-title = Jouw organisatie
org-join-text = Je e-mailadres hoort bij { $organisation }. Je kunt zelf lid worden.
org-join = Lid worden
org-notice-aangemaakt = De organisatie is aangemaakt.
org-notice-opgeslagen = De organisatie is opgeslagen.
org-notice-uitgenodigd = De uitnodiging is verstuurd.
org-notice-rol = De rol is aangepast.
org-notice-verwijderd = Het lid is verwijderd.
org-notice-welkom = Welkom! Je bent nu lid.
org-notice-verlaten = Je bent uit de organisatie gegaan.
error-too-short = Dit is te kort.
error-domain = Vul domeinen in zoals gemeente-voorbeeld.nl: letters, cijfers, streepjes en punten.
error-too-many-domains = Vul hoogstens 10 domeinen in.
error-domain-taken = Een van deze domeinen hoort al bij een andere organisatie.
error-last-org-admin = Dit is de laatste beheerder van de organisatie. Maak eerst iemand anders beheerder.
error-invitation-other-address = Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waar de uitnodiging naartoe ging.

## Taxonomie: thema's, sectoren en regio's
tax-title = Thema's, sectoren en regio's
tax-intro = Verhalen, bijeenkomsten en nieuwsbrieven krijgen thema's, sectoren en een regio. Hier voeg je nieuwe toe, verander je de naam, zet je ze in een andere volgorde of bied je ze niet meer aan. Wat je niet meer aanbiedt, blijft staan bij verhalen die het al hebben.
tax-list-thema = Thema's
tax-list-sector = Sectoren
tax-list-regio = Regio's
tax-one-thema = Thema
tax-one-sector = Sector
tax-one-regio = Regio
tax-vocabulary = Lijst
tax-position = Plaats
tax-label-nl = Naam in het Nederlands
tax-label-en = Naam in het Engels
tax-intro-nl = Korte uitleg in het Nederlands
tax-intro-en = Korte uitleg in het Engels
tax-intro-hint = Alleen voor thema's: deze uitleg staat op de pagina met alle thema's.
tax-slug = Adres
tax-slug-hint = Komt in links, zoals /themas/inburgering. Gebruik kleine letters, cijfers en streepjes. Laat je het leeg, dan maken we het van de Nederlandse naam. Later kun je het niet meer veranderen.
tax-slug-fixed = dit verandert niet, want het staat in links en bij verhalen
tax-status = Status
tax-offered = Wordt aangeboden
tax-retired = Niet meer aangeboden
tax-actions = Acties
tax-change = Wijzigen
tax-up = Omhoog
tax-down = Omlaag
tax-retire = Niet meer aanbieden
tax-restore = Weer aanbieden
tax-add-title = Nieuw thema, nieuwe sector of regio
tax-add-intro = Kies de lijst en vul de naam in beide talen in. Het nieuwe komt onderaan de lijst. Je kunt het meteen kiezen in formulieren en filters.
tax-add = Toevoegen
tax-edit-title = { $label } wijzigen
tax-notice-toegevoegd = Toegevoegd. Je kunt het nu kiezen in formulieren en filters.
tax-notice-opgeslagen = De wijziging is opgeslagen.
tax-notice-verplaatst = De volgorde is aangepast.
tax-notice-ingetrokken = Dit wordt niet meer aangeboden. Verhalen en bijeenkomsten die het al hebben, houden het.
tax-notice-teruggezet = Dit wordt weer aangeboden.
error-term-slug = Gebruik 2 tot 40 kleine letters, cijfers of streepjes, zoals schuldhulpverlening.
error-term-slug-taken = Dit adres bestaat al in deze lijst. Kies een ander adres.
error-term-position = Kies een plaats van 1 tot 1000.

# Synoniemen (redactie)
syn-title = Synoniemen voor zoeken
syn-intro = Lezers zoeken met hun eigen woorden. Zet hier woorden die hetzelfde betekenen in een groep, zoals ggz en geestelijke gezondheidszorg. Wie op één van de woorden zoekt, vindt dan ook de verhalen met de andere woorden. Een wijziging werkt binnen een paar seconden, zonder iets opnieuw op te bouwen.
syn-empty = Er zijn nog geen groepen. Voeg hieronder de eerste toe.
syn-count = { $count ->
    [one] 1 groep woorden met dezelfde betekenis
   *[other] { $count } groepen woorden met dezelfde betekenis
}
syn-members = Woorden met dezelfde betekenis
syn-members-hint = Zet een komma tussen de woorden, of zet elk woord op een eigen regel. Een woord mag ook uit een paar woorden bestaan, zoals wet maatschappelijke ondersteuning. Minstens 2 en hoogstens 20.
syn-changed = Laatst gewijzigd
syn-starter = Meegeleverd
syn-actions = Acties
syn-change = Wijzigen
syn-try = Zoeken
syn-add-title = Groep toevoegen
syn-add = Toevoegen
syn-edit-title = Groep synoniemen wijzigen
syn-remove-title = Groep verwijderen
syn-remove-intro = Na het verwijderen vindt een zoekwoord alleen nog verhalen met dat woord zelf.
syn-remove = Deze groep verwijderen
syn-notice-toegevoegd = De groep is toegevoegd. Zoeken gebruikt hem meteen.
syn-notice-opgeslagen = Je wijziging is opgeslagen. Zoeken gebruikt hem meteen.
syn-notice-verwijderd = De groep is verwijderd.
editor-synonyms = Synoniemen
error-synonym-too-few = Schrijf minstens 2 verschillende woorden.
error-synonym-too-many = Een groep heeft hoogstens 20 woorden. Maak er twee groepen van als dat nodig is.
error-synonym-too-long = Een woord is te lang. Gebruik hoogstens 5 woorden en 60 tekens per woord.
error-synonym-not-a-word = Gebruik gewone woorden, zonder aanhalingstekens.
error-synonym-taken = Een van deze woorden staat al in een andere groep. Een woord kan maar in één groep staan.

## Publications
pub-title-list = Publicaties
pub-intro = Rapporten en andere uitgaven van het netwerk en zijn partners, om te lezen en te downloaden.
pub-none = Er zijn nog geen publicaties.
pub-back = Alle publicaties
pub-kind = Publicatie
pub-title = Titel
pub-publisher = Uitgever
pub-publisher-hint = De organisatie die de publicatie uitgeeft.
pub-year = Jaar
pub-length = Lengte
pub-pages = { $count ->
    [one] 1 pagina
   *[other] { $count } pagina's
}
pub-summary = Samenvatting
pub-summary-hint = Waar gaat het over en voor wie is het? Een lege regel begint een nieuwe alinea.
pub-themes = Thema's
pub-sectors = Sectoren
pub-download = Download de publicatie
pub-editor-title = Publicaties beheren
pub-new = Nieuwe publicatie
pub-none-yet = Er zijn nog geen publicaties. Voeg de eerste toe.
pub-file = Bestand
pub-file-hint = Een PDF-bestand van hoogstens 50 MB. Het aantal pagina's lezen we zelf uit het bestand.
pub-upload = Publicatie toevoegen
pub-status = Status
pub-status-concept = Concept
pub-status-gepubliceerd = Gepubliceerd
pub-status-ingetrokken = Ingetrokken
pub-view = Bekijk de pagina voor lezers
pub-publish = Publiceren
pub-withdraw = Intrekken
pub-details = Gegevens
pub-remove-title = Verwijderen
pub-remove-intro = Verwijder de publicatie en het bestand voorgoed. Wilt u haar alleen even niet tonen? Trek haar dan in.
pub-remove = Publicatie verwijderen
pub-notice-toegevoegd = De publicatie is toegevoegd als concept. Lezers zien haar pas als u haar publiceert.
pub-notice-opgeslagen = De gegevens zijn opgeslagen.
pub-notice-online = De publicatie is gepubliceerd.
pub-notice-offline = De publicatie is ingetrokken. Lezers kunnen haar niet meer openen of downloaden.
pub-notice-verwijderd = De publicatie is verwijderd.
error-year = Vul een jaar in, bijvoorbeeld 2026.
pub-cover = Omslag
pub-cover-hint = Een afbeelding (JPEG, PNG of WebP) van hoogstens 10 MB. Zonder afbeelding maken we een omslag van de eerste pagina, of tonen we een standaardomslag.
pub-cover-alt = Beschrijving van de omslag
pub-cover-alt-hint = Wat staat er op de afbeelding? Mensen die hem niet zien, horen deze tekst. Verplicht als je een omslag kiest.
error-alt-required = Beschrijf wat er op de afbeelding staat.
error-file-not-image = Dit bestand is geen afbeelding die we kunnen openen. Kies een JPEG, PNG of WebP.
error-file-required = Kies een PDF-bestand.
error-file-too-large = Het bestand is te groot. Kies een kleiner bestand of maak de PDF kleiner.
error-file-not-pdf = Dit bestand is geen PDF die we kunnen openen. Kies een ander bestand.
error-file-again = Verbeter de fouten en kies het bestand daarna opnieuw.

# Podcast
podcast-kind = Podcast
podcast-by = Door
podcast-subscribe = Abonneer je in je podcast-app
podcast-subscribe-hint = kopieer deze link en plak hem in je app
podcast-episodes = Afleveringen
podcast-none = Er zijn nog geen afleveringen.
podcast-episode = Aflevering
podcast-episode-number = aflevering { $number }
podcast-season-number = seizoen { $number }
podcast-with = met
podcast-minutes = { $count ->
    [one] 1 minuut
   *[other] { $count } minuten
}
podcast-date = Datum
podcast-date-hint = De dag waarop de aflevering uitkomt. Dat kan vandaag zijn of eerder, niet later.
podcast-length = Lengte
podcast-number = Nummer
podcast-guests = Gasten
podcast-guests-hint = Namen met een komma ertussen.
podcast-listen = Luister
podcast-download = Download de aflevering
podcast-notes = Over deze aflevering
podcast-notes-hint = Waar gaat het over en wie hoor je? Je kunt Markdown gebruiken, zoals **vet** en [een link](https://voorbeeld.nl).
podcast-chapters = Hoofdstukken
podcast-chapters-hint = Eén hoofdstuk per regel: de tijd waarop het begint en de titel, zoals 12:30 Wat er misging. Elk hoofdstuk begint na het vorige.
podcast-transcript = Uitgeschreven tekst
podcast-transcript-hint = Alles wat er gezegd wordt, voor wie niet kan luisteren. Gewone tekst, of WebVTT (begint met WEBVTT). Verplicht om te publiceren.
podcast-transcript-file = Download de uitgeschreven tekst
podcast-editor-title = Podcast beheren
podcast-new = Nieuwe aflevering
podcast-none-yet = Er zijn nog geen afleveringen. Voeg de eerste toe.
podcast-no-transcript = nog geen uitgeschreven tekst
podcast-series = De podcast
podcast-series-intro = Dit zien luisteraars in hun podcast-app en op de pagina van de podcast.
podcast-series-title = Naam van de podcast
podcast-description = Beschrijving
podcast-description-hint = Waar gaat de podcast over en voor wie is hij? Een lege regel begint een nieuwe alinea.
podcast-author = Maker
podcast-author-hint = De naam die apps tonen als maker, zoals de naam van het netwerk.
podcast-owner-name = Contactpersoon
podcast-owner-hint = Apps sturen berichten over de podcast naar deze persoon. Luisteraars zien dit niet op de site.
podcast-owner-email = E-mailadres van de contactpersoon
podcast-category = Categorie
podcast-category-hint = De categorie waarin podcast-apps de podcast tonen.
podcast-category-education = Onderwijs
podcast-category-government = Overheid
podcast-category-society-culture = Maatschappij en cultuur
podcast-category-health-fitness = Gezondheid
podcast-category-business = Werk en organisatie
podcast-category-news = Nieuws
podcast-language = Taal
podcast-series-kind = Volgorde
podcast-series-kind-hint = Los te beluisteren afleveringen tonen apps met de nieuwste eerst; een serie in delen vanaf de eerste.
podcast-kind-episodic = Losse afleveringen, nieuwste eerst
podcast-kind-serial = Een serie in delen, vanaf de eerste
podcast-explicit = Bevat grove taal
podcast-explicit-hint = Apps waarschuwen luisteraars dan vooraf.
podcast-cover = Afbeelding van de podcast
podcast-cover-hint = Een vierkante JPEG of PNG van 1400 tot 3000 pixels breed, hoogstens 10 MB. Dit vragen podcast-apps.
podcast-audio = Geluid
podcast-audio-hint = Een MP3- of M4A-bestand van hoogstens { $limit } MB. De lengte lezen we zelf uit het bestand.
podcast-upload = Aflevering toevoegen
podcast-season = Seizoen
podcast-episode-kind = Soort aflevering
podcast-episode-kind-full = Gewone aflevering
podcast-episode-kind-trailer = Trailer (een korte voorproef)
podcast-episode-kind-bonus = Extra aflevering
podcast-publish-needs-transcript = Voeg eerst de uitgeschreven tekst toe. Zonder die tekst kan de aflevering niet online.
podcast-remove-intro = Verwijder de aflevering en het geluid voorgoed. Wil je haar alleen even niet tonen? Trek haar dan in.
podcast-remove = Aflevering verwijderen
podcast-notice-serie = De gegevens van de podcast zijn opgeslagen.
podcast-notice-toegevoegd = De aflevering is toegevoegd als concept. Luisteraars horen haar pas als je haar publiceert.
podcast-notice-opgeslagen = De gegevens zijn opgeslagen.
podcast-notice-online = De aflevering is gepubliceerd. Ze staat op de site en in de feed.
podcast-notice-offline = De aflevering is ingetrokken. Ze staat niet meer op de site en in de feed.
podcast-notice-verwijderd = De aflevering is verwijderd.
error-day = Vul een datum in, zoals 2026-11-27.
error-date-future = Kies vandaag of een dag die al geweest is.
error-whole-number = Vul een heel getal in, vanaf 1.
error-chapters = Schrijf elk hoofdstuk op een eigen regel: een tijd en een titel, zoals 12:30 Wat er misging. Elk hoofdstuk begint na het vorige.
error-chapters-past-end = Een hoofdstuk begint na het einde van de aflevering. Kijk de tijden na.
error-transcript-required = Voeg de uitgeschreven tekst toe. Zonder die tekst kan de aflevering niet online.
error-audio-required = Kies een MP3- of M4A-bestand.
error-audio-too-large = Het bestand is te groot. Kies een kleiner bestand, bijvoorbeeld met een lagere bitrate.
error-audio-not-audio = Dit bestand is geen MP3 of M4A die we kunnen afspelen. Kies een ander bestand.
error-image-too-large = De afbeelding is te groot. Kies een kleinere afbeelding.
error-podcast-cover = Kies een vierkante JPEG of PNG van 1400 tot 3000 pixels breed.

# Video
video-title-list = Video's
video-intro = Korte video's van het netwerk: uitleg, gesprekken en verslagen. Bij elke video staat de uitgeschreven tekst.
video-none = Er zijn nog geen video's.
video-back = Alle video's
video-on = Op { $platform }
video-here = Op deze site
video-download = Download de video
video-player = Videospeler van { $platform }
video-placeholder = Deze video staat op { $platform }. Pas als je hem laadt, haalt je browser iets op bij { $platform }, en kan { $platform } cookies plaatsen.
video-load = Video laden van { $platform }
video-watch-on = Bekijk de video op { $platform }
video-transcript = Uitgeschreven tekst
video-transcript-hint = Alles wat er gezegd en getoond wordt, voor wie de video niet kan zien of horen. Een lege regel begint een nieuwe alinea. Verplicht om te publiceren.
video-description = Beschrijving
video-description-hint = Waar gaat de video over? Je kunt Markdown gebruiken.
video-editor-title = Video's beheren
video-new = Nieuwe video
video-none-yet = Er zijn nog geen video's. Voeg de eerste toe.
video-upload-legend = Een video uploaden
video-file = Videobestand
video-file-hint = Een MP4- of WebM-bestand van hoogstens { $limit } MB. Met een bestand zijn een afbeelding en Nederlandse ondertitels verplicht.
video-poster = Afbeelding vooraf
video-poster-hint = Het beeld dat je ziet voordat de video speelt: een JPEG, PNG of WebP van hoogstens 10 MB.
video-captions-nl = Ondertitels in het Nederlands (WebVTT)
video-captions-hint = Plak hier de inhoud van het WebVTT-bestand. Het begint met WEBVTT, daarna per regel een tijd en de tekst.
video-captions-en = Ondertitels in het Engels (WebVTT)
video-embed-legend = Of: een video op YouTube of Vimeo
video-embed-url = Link naar de video
video-embed-url-hint = Kopieer de link uit je browser, zoals https://www.youtube.com/watch?v=… of https://vimeo.com/…. Laat leeg als je een bestand uploadt.
video-add = Video toevoegen
video-source = Waar de video staat
video-publish-needs-transcript = Voeg eerst de uitgeschreven tekst toe. Zonder die tekst kan de video niet online.
video-remove-intro = Verwijder de video voorgoed. Wil je hem alleen even niet tonen? Trek hem dan in.
video-remove = Video verwijderen
video-notice-toegevoegd = De video is toegevoegd als concept. Bezoekers zien hem pas als je hem publiceert.
video-notice-opgeslagen = De gegevens zijn opgeslagen.
video-notice-online = De video is gepubliceerd.
video-notice-offline = De video is ingetrokken. Bezoekers kunnen hem niet meer bekijken.
video-notice-verwijderd = De video is verwijderd.
error-video-required = Kies een MP4- of WebM-bestand.
error-video-too-large = Het bestand is te groot. Kies een kleiner bestand of een lagere kwaliteit.
error-video-not-video = Dit bestand is geen MP4 of WebM met beeld. Kies een ander bestand.
error-video-transcript-required = Voeg de uitgeschreven tekst toe. Zonder die tekst kan de video niet online.
error-captions-required = Voeg Nederlandse ondertitels toe. Zonder ondertitels kunnen doven en slechthorenden de video niet volgen.
error-captions-vtt = Gebruik WebVTT: de tekst begint met WEBVTT en heeft tijden zoals 00:00.000 --> 00:04.000.
error-embed-url = Kies een bestand, of vul een link naar een video op YouTube of Vimeo in, zoals https://www.youtube.com/watch?v=….
error-poster-required = Kies een afbeelding die te zien is voordat de video speelt.

# Werkwijzers
guide-title-list = Werkwijzers
guide-intro = Stap voor stap aan de slag: werkvormen die teams in het netwerk gebruiken, met wat je nodig hebt en hoe lang het duurt.
guide-none = Er zijn nog geen werkwijzers.
guide-back = Alle werkwijzers
guide-steps-count = { $count ->
    [one] 1 stap
   *[other] { $count } stappen
}
guide-goal = Doel
guide-goal-hint = Wat bereik je ermee?
guide-audience = Voor wie
guide-audience-hint = Bijvoorbeeld: een wijkteam, leidinggevenden, een leerkring.
guide-duration = Tijd
guide-duration-hint = Hoe lang het duurt, zoals: een uur, of twee keer een dagdeel.
guide-materials = Wat je nodig hebt
guide-materials-hint = Eén ding per regel, zoals: een flip-over.
guide-steps = Stappen
guide-steps-hint = Schrijf elke stap in een eigen vak. Een leeg vak telt niet mee. Meer stappen nodig? Sla op: er komen lege vakken bij.
guide-step = Stap { $number }
guide-step-text = Wat je doet
guide-step-image = Afbeelding bij deze stap
guide-step-image-hint = Een JPEG, PNG of WebP van hoogstens 10 MB. Beschrijf hieronder wat erop staat.
guide-step-has-image = Deze stap heeft een afbeelding. Kies een nieuwe om hem te vervangen.
guide-step-no-image = Haal de afbeelding bij deze stap weg
guide-related = Verhalen van teams die dit deden
guide-related-hint = Plak de link van een verhaal op deze site, één per regel (hoogstens 6).
guide-print-hint = Wil je de werkwijzer op papier? Druk deze pagina af: de stappen passen elk op één pagina en links worden voluit geschreven.
guide-editor-title = Werkwijzers beheren
guide-new = Nieuwe werkwijzer
guide-none-yet = Er zijn nog geen werkwijzers. Voeg de eerste toe.
guide-add = Werkwijzer toevoegen
guide-remove-intro = Verwijder de werkwijzer en de afbeeldingen voorgoed. Wil je hem alleen even niet tonen? Trek hem dan in.
guide-remove = Werkwijzer verwijderen
guide-notice-toegevoegd = De werkwijzer is toegevoegd als concept. Lezers zien hem pas als je hem publiceert.
guide-notice-opgeslagen = De gegevens zijn opgeslagen.
guide-notice-online = De werkwijzer is gepubliceerd.
guide-notice-offline = De werkwijzer is ingetrokken. Lezers kunnen hem niet meer openen.
guide-notice-verwijderd = De werkwijzer is verwijderd.
error-one-step = Schrijf minstens één stap.
error-step-text = Schrijf bij deze afbeelding wat je in deze stap doet.
error-too-many-steps = Een werkwijzer heeft hoogstens 20 stappen.
error-too-many-related = Kies hoogstens 6 verhalen.
error-related-link = Gebruik de link van een verhaal op deze site, zoals https://…/verhalen/naam-van-het-verhaal.

# Magazine
magazine-title-list = Magazine
magazine-intro = Ons magazine met interviews, columns en verhalen uit de praktijk. Lees elk nummer hier of download het als PDF.
magazine-none = Er is nog geen nummer verschenen.
magazine-back = Alle nummers
magazine-number = nummer
magazine-number-label = Nummer
magazine-date = Verschenen op
magazine-date-hint = De datum op de voorkant, zoals 2026-11-27.
magazine-foreword = Voorwoord
magazine-foreword-hint = Het woord vooraf. Je kunt Markdown gebruiken. Nodig om het nummer te publiceren.
magazine-contents = Inhoud
magazine-contents-hint = Kies per artikel een verhaal, de rubriek en de plaats in de inhoud (1, 2, 3 …). Een rij zonder verhaal telt niet mee. Meer artikelen nodig? Sla op: er komen lege rijen bij.
magazine-colophon = Colofon
magazine-colophon-hint = Wie het maakte, met wie en hoe je de redactie bereikt. Je kunt Markdown gebruiken.
magazine-by = door
magazine-download = Download het gedrukte nummer
magazine-has-pdf = ook als PDF
magazine-editor-title = Magazine beheren
magazine-new = Nieuw nummer
magazine-none-yet = Er zijn nog geen nummers. Maak het eerste.
magazine-add = Nummer toevoegen
magazine-articles-count = { $count ->
    [one] 1 artikel
   *[other] { $count } artikelen
}
magazine-name = Naam van het magazine
magazine-name-hint = Zoals het op de voorkant staat. Elk nummer van hetzelfde magazine heeft dezelfde naam.
magazine-theme = Thema van dit nummer
magazine-theme-hint = Eén zin, zoals: Leren van wat misging in de wijk.
magazine-pdf = Het gedrukte nummer (PDF)
magazine-pdf-hint = Een PDF van hoogstens 50 MB. Lezers kunnen hem downloaden.
magazine-has-pdf-now = Dit nummer heeft een PDF. Kies een nieuwe om hem te vervangen.
magazine-no-pdf = Haal de PDF weg
magazine-sections = Rubrieken
magazine-sections-hint = De rubrieken in de volgorde van de inhoud, zoals Interviews, Uit de praktijk, Column. Een leeg vak telt niet mee.
magazine-section = Rubriek
magazine-section-n = Naam van de rubriek
magazine-article-n = Artikel { $number }
magazine-story = Verhaal
magazine-story-none = Geen (lege rij)
magazine-order = Plaats in de inhoud
magazine-order-hint = Een getal. Lagere getallen staan eerder in de rubriek.
magazine-ready = Klaar voor dit nummer
magazine-ready-hint = Alleen voor een artikel dat in redactie is en af is. Bij het publiceren van het nummer gaat het mee online.
magazine-edit-text = De tekst van dit artikel bewerken
magazine-articles = Artikelen in dit nummer
magazine-no-articles = Dit nummer heeft nog geen artikelen. Schrijf een nieuw artikel of kies hieronder een verhaal.
magazine-new-article = Nieuw artikel schrijven
magazine-new-article-intro = Maak een artikel voor dit nummer, zoals een interview of column. Daarna schrijf je de tekst op de pagina van het artikel, net als bij elk verhaal.
magazine-writer = Schrijver
magazine-writer-hint = De naam boven het artikel. Laat leeg als er geen naam bij hoort.
magazine-write-article = Artikel maken
magazine-publish = Nummer publiceren
magazine-publish-intro = Publiceren zet het nummer online, met alle artikelen die klaar zijn. Dat kan pas als geen artikel meer in redactie is.
magazine-remove-intro = Verwijder het nummer en de PDF voorgoed. De artikelen blijven bestaan als verhaal. Wil je het nummer alleen even niet tonen? Trek het dan in.
magazine-remove = Nummer verwijderen
magazine-state-concept = Concept, gaat niet mee
magazine-state-in_redactie = In redactie
magazine-state-klaar = Klaar
magazine-state-gepubliceerd = Online
magazine-state-vervallen = Vervallen, gaat niet mee
magazine-notice-toegevoegd = Het nummer is toegevoegd als concept. Lezers zien het pas als je het publiceert.
magazine-notice-opgeslagen = De gegevens zijn opgeslagen.
magazine-notice-online = Het nummer is gepubliceerd, met de artikelen die klaar waren.
magazine-notice-offline = Het nummer is ingetrokken. De artikelen blijven online als verhaal.
magazine-notice-verwijderd = Het nummer is verwijderd.
label-magazine = Verschenen in
error-issue-number = Vul een heel getal in vanaf 1, zoals 3.
error-issue-number-taken = Dit magazine heeft al een nummer met dit getal.
error-too-many-sections = Een nummer heeft hoogstens 12 rubrieken.
error-too-many-articles = Een nummer heeft hoogstens 40 artikelen.
error-article-section = Kies een rubriek die een naam heeft.
error-article-order = Vul een getal in, zoals 1, of laat het vak leeg.
error-article-twice = Dit verhaal staat al in een andere rij.
error-article-story = Dit verhaal bestaat niet meer. Kies een ander.
error-article-other-issue = Dit verhaal staat al in een ander nummer.
error-article-unfinished = Dit artikel is nog niet af: vul op de pagina van het artikel de verplichte delen in.
error-article-not-in-review = Alleen een artikel dat in redactie is kan klaar zijn.
error-issue-in-review = Er is nog een artikel in redactie. Maak het af en zet het op klaar, of haal het uit dit nummer.
error-issue-empty = Er staat geen artikel in dat klaar of online is.
error-foreword-required = Schrijf eerst het voorwoord.
magazine-section-row = Rubriek { $number } (vul de naam in)
editor-article-of = Artikel in
editor-article-of-hint = Het gaat online als het nummer wordt gepubliceerd en het op klaar staat.

# Groups
nav-my-groups = Mijn groepen
group-mine-title = Mijn groepen
group-intro = In een groep leer je samen met je team of met vakgenoten uit andere organisaties. Wat in een groep gebeurt, ziet alleen de groep.
group-mine-none = Je zit nog niet in een groep. Maak er een, of vraag een uitnodiging.
group-members-count = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
group-members = Leden
group-role = Rol in de groep
group-your-role = Jouw rol
group-role-lid = Lid
group-role-begeleider = Begeleider
group-new = Nieuwe groep
group-new-intro = Jij wordt de begeleider. Daarna nodig je de anderen uit.
group-name = Naam van de groep
group-name-hint = Bijvoorbeeld: Wijkteam Noord, of HR-professionals regio Utrecht.
group-description = Waar de groep over gaat
group-description-hint = Een paar zinnen voor de leden. Alleen de groep ziet dit.
group-organisation = Organisatie
group-organisation-hint = Hoort de groep bij jouw organisatie? Kies hem hier. Een groep van mensen uit verschillende organisaties hoort nergens bij.
group-organisation-none = Geen: mensen uit verschillende organisaties
group-create = Groep maken
group-private = Alleen leden van deze groep zien deze pagina. De redactie en de beheerders van de site zien hem niet.
group-invite-title = Mensen uitnodigen
group-invite-intro = Iedereen krijgt een mail met een link die 14 dagen werkt, alleen voor dat adres. Wie nog geen account heeft, maakt er met de link een.
group-invite-emails = E-mailadressen
group-invite-emails-hint = Eén adres per regel, hoogstens 20 tegelijk.
group-change = Naam en beschrijving wijzigen
group-leave-title = Groep verlaten
group-leave-intro = Ben jij de enige begeleider? Maak dan eerst iemand anders begeleider.
group-leave = Groep verlaten
group-invitation-title = Uitnodiging voor een groep
group-invitation-text = Je bent uitgenodigd voor de groep { $group }.
group-invitation-accept = Doe mee
group-invitation-login = Er is al een account voor { $email }. Log in om mee te doen.
group-invitation-register = Maak je account
group-invitation-register-intro = Je account krijgt het adres { $email }. Kies je naam en een wachtwoord; daarna zit je meteen in de groep.
group-invitation-join = Account maken en meedoen
group-admin-title = Groepen
group-admin-intro = Je ziet alleen de naam van elke groep en hoeveel leden hij heeft: wat in een groep gebeurt, is van de groep. Verwijder een groep alleen na een klacht.
group-admin-none = Er zijn nog geen groepen.
group-admin-remove = Groep verwijderen
group-notice-aangemaakt = De groep is gemaakt. Nodig nu de anderen uit.
group-notice-opgeslagen = De gegevens zijn opgeslagen.
group-notice-uitgenodigd = De uitnodigingen zijn verstuurd.
group-notice-rol = De rol is aangepast.
group-notice-verwijderd = Het lid is uit de groep gehaald.
group-notice-welkom = Welkom in de groep.
group-notice-verlaten = Je hebt de groep verlaten.
group-notice-verwijderd-groep = De groep is verwijderd, met alles wat erin stond.
error-invite-address = Een van de adressen is geen e-mailadres. Kijk ze na: één adres per regel.
error-too-many-invites = Nodig hoogstens 20 mensen tegelijk uit.
error-last-facilitator = Een groep heeft altijd een begeleider. Maak eerst iemand anders begeleider.
error-account-exists = Er is al een account met dit adres. Log in om mee te doen.
group-meetings = Bijeenkomsten van de groep
group-meetings-none = Er is geen bijeenkomst gepland.
group-meetings-ics = Zet de bijeenkomsten in je agenda (.ics)
group-meeting-online = online meedoen
group-meeting-cancel = Afzeggen
group-meeting-new = Bijeenkomst plannen
group-meeting-title = Wat het is
group-meeting-title-hint = Bijvoorbeeld: Terugblik op het voorjaar.
group-meeting-place = Waar
group-meeting-place-hint = Het adres of de zaal. Online? Vul dan hieronder de link in.
group-meeting-link = Link om online mee te doen
group-meeting-link-hint = Een link die begint met https://.
group-meeting-agenda = Wat er op de agenda staat
group-meeting-agenda-hint = Je kunt Markdown gebruiken. Alleen de groep ziet dit.
group-meeting-add = Bijeenkomst plannen
group-notice-ingepland = De bijeenkomst staat gepland.
group-notice-afgezegd = De bijeenkomst is afgezegd.

## Terugblik (retrospective) of a group
retro-title-plural = Terugblikken
retro-intro = Kijk samen terug op een bijeenkomst, een project of een periode, met vier vragen: wat ging goed, wat kan beter, wat hebben we nodig en hoe helpen we elkaar. Iedereen schrijft eerst voor zich. De begeleider laat de kaarten daarna aan iedereen zien.
retro-none = De groep heeft nog geen terugblik gehouden.
retro-open = Terugblik openen
retro-field-title = Waar jullie op terugkijken
retro-field-title-hint = Bijvoorbeeld: De wijkavond van 12 november.
retro-field-subject = Het gaat over
retro-field-votes = Stemmen per lid
retro-field-votes-hint = Met stemmen kiest de groep welke kaarten jullie bespreken. Drie is meestal genoeg.
retro-open-button = Terugblik openen
retro-subject-bijeenkomst = Een bijeenkomst
retro-subject-project = Een project
retro-subject-periode = Een periode
retro-phase-schrijven = Kaarten schrijven
retro-phase-bespreken = Bespreken
retro-phase-afgerond = Afgerond
retro-about = Gaat over
retro-opened = Geopend op
retro-phase = Stand
retro-previous-title = Wat is er van de acties van de vorige keer geworden?
retro-previous-intro = Deze acties uit "{ $title }" staan nog open.
retro-owner-gone = geen eigenaar meer
retro-due = klaar op { $date }
retro-action-done = Afgerond
retro-action-reopen = Toch nog open
retro-action-is-done = Afgerond
retro-action-is-open = Open
retro-writing-intro = Schrijf je kaarten bij de vragen. Alleen jij ziet wat je schrijft, tot de begeleider alle kaarten laat zien. Je kunt een kaart met je naam nog terugnemen zolang de kaarten verborgen zijn.
retro-discussion-intro = Alle kaarten zijn zichtbaar. Stem op de kaarten die jullie willen bespreken. De kaarten met de meeste stemmen staan bovenaan.
retro-closed-intro = Deze terugblik is afgerond. Je kunt hem nog lezen en de acties afvinken.
retro-votes-left = { $count ->
    [one] Je hebt nog 1 stem.
   *[other] Je hebt nog { $count } stemmen.
}
retro-votes-of = { $count ->
    [one] Iedereen heeft 1 stem.
   *[other] Iedereen heeft { $count } stemmen.
}
retro-q-goed = Wat ging goed?
retro-q-beter = Wat kunnen we de volgende keer beter doen?
retro-q-nodig = Wat hebben we daarvoor nodig?
retro-q-benutten = Hoe kunnen we elkaar daarbij beter benutten?
retro-hidden-count = { $count ->
    [0] Nog geen kaarten.
    [one] 1 kaart geschreven. Kaarten van anderen blijven verborgen tot de begeleider ze laat zien.
   *[other] { $count } kaarten geschreven. Kaarten van anderen blijven verborgen tot de begeleider ze laat zien.
}
retro-anonymous = Anoniem
retro-votes = { $count ->
    [one] 1 stem
   *[other] { $count } stemmen
}
retro-my-votes = { $count ->
    [one] 1 van jou
   *[other] { $count } van jou
}
retro-stack-label = Kaarten op deze stapel
retro-unstack = Los leggen
retro-vote = Stem
retro-unvote = Stem terugnemen
retro-stack-onto = Leg de kaart "{ $card }" op
retro-stack = Op stapel leggen
retro-card-remove = Kaart weghalen
retro-card-take-back = Terugnemen
retro-card-text = Je kaart
retro-card-anonymous = Anoniem: zonder mijn naam
retro-card-anonymous-hint = Een anonieme kaart wordt zonder jouw naam en zonder tijd bewaard. Niemand kan zien dat hij van jou is, ook de begeleider en de beheerders niet. Daarom kun je een anonieme kaart achteraf niet meer veranderen of terugnemen.
retro-card-add = Kaart toevoegen
retro-actions = Acties
retro-actions-none = Er zijn nog geen acties afgesproken.
retro-action-remove = Actie weghalen
retro-action-new = Actie afspreken
retro-action-text = Wat er gebeurt
retro-action-owner = Wie het oppakt
retro-action-owner-choose = Kies een lid
retro-action-due = Klaar op
retro-action-due-hint = De eigenaar krijgt twee dagen van tevoren een herinnering per mail.
retro-action-add = Actie toevoegen
retro-reveal-title = Kaarten laten zien
retro-reveal-intro = Is iedereen klaar met schrijven? Dan laat je alle kaarten aan de groep zien. Daarna kan niemand nog kaarten schrijven.
retro-reveal = Alle kaarten laten zien
retro-close-title = Terugblik afronden
retro-close-intro = Zijn de acties afgesproken? Rond de terugblik dan af. Daarna kan niemand nog stemmen; de acties blijven staan.
retro-close = Terugblik afronden
retro-export-title = Bewaren en delen
retro-export-md = Download als Markdown-bestand
retro-export-print = Afdrukversie
retro-export-hidden = De kaarten zijn nog verborgen: hier staan alleen je eigen kaarten.
retro-export-no-cards = Geen kaarten.
retro-back = Terug naar de terugblik
retro-print-how = Kies Afdrukken in je browser (Ctrl+P) om deze pagina af te drukken of als pdf te bewaren.
retro-notice-geopend = De terugblik is geopend. Vraag de leden om hun kaarten te schrijven.
retro-notice-kaart = Je kaart is toegevoegd.
retro-notice-kaart-anoniem = Je anonieme kaart is toegevoegd. Hij staat niet bij je eigen kaarten: niemand kan zien dat hij van jou is.
retro-notice-kaart-weg = De kaart is weggehaald.
retro-notice-onthuld = Alle kaarten zijn nu zichtbaar.
retro-notice-gestapeld = De stapel is aangepast.
retro-notice-gestemd = Je stem is verwerkt.
retro-notice-actie = De actie is bijgewerkt.
retro-notice-actie-weg = De actie is weggehaald.
retro-notice-klaar = De terugblik is afgerond.
error-votes-range = Kies tussen 1 en 10 stemmen.
error-date-past = Kies vandaag of een dag die nog komt.
error-retro-cards-closed = De kaarten zijn al zichtbaar: er kunnen geen kaarten meer bij.
error-retro-full = Deze terugblik heeft het hoogste aantal kaarten bereikt.
error-retro-not-discussing = Dat kan alleen terwijl de groep de kaarten bespreekt.
error-retro-no-votes-left = Je hebt al je stemmen gebruikt. Neem eerst een stem terug.
retro-live-updated = De terugblik is bijgewerkt.
group-calendar-title = Bijeenkomsten in je agenda-app
group-calendar-intro = Met een persoonlijke agendalink houdt je agenda-app de bijeenkomsten van de groep zelf bij. Deel de link niet: wie hem heeft, ziet de bijeenkomsten. Als je de groep verlaat, werkt de link niet meer.
group-calendar-made = Dit is je persoonlijke agendalink. Zet hem in je agenda-app als abonnement. Je ziet hem alleen nu; maak je een nieuwe, dan werkt deze niet meer.
group-calendar-make = Agendalink maken
group-calendar-renew = Nieuwe agendalink maken (de oude werkt dan niet meer)

# Dilemma sessions
group-dilemmas = Dilemma's
group-dilemmas-intro = Bespreek samen een lastige situatie uit de praktijk. Iedereen kiest eerst zelf een kant, zonder te zien wat de anderen kozen.
group-dilemmas-link = Naar de dilemma's van de groep
dilemma-library-title = Dilemma's
dilemma-intro = Hier bewaart de groep haar dilemma's: de situatie, hoe de groep erover dacht, wat jullie besloten en wat dat opleverde.
dilemma-search = Zoek in de dilemma's
dilemma-none = De groep heeft nog geen dilemma's besproken.
dilemma-none-found = Geen dilemma gevonden met deze woorden.
dilemma-phase-kiezen = Leden kiezen
dilemma-phase-bespreken = In gesprek
dilemma-phase-besloten = Besloten
dilemma-names-met-namen = Met namen
dilemma-names-zonder-namen = Zonder namen
dilemma-names-hint-met-namen = Bij het tonen ziet iedereen wie welke kant koos. Je kunt je keuze veranderen tot de begeleider alles toont.
dilemma-names-hint-zonder-namen = Vooruit bewaart niet wie welke kant koos. Dat kan dus niemand zien, ook de begeleider niet. Een keuze kan daarom niet meer veranderen.
dilemma-open = Nieuw dilemma bespreken
dilemma-open-intro = Beschrijf een situatie uit de praktijk. Laat namen en details weg waaraan iemand te herkennen is.
dilemma-open-button = Dilemma openen
dilemma-field-title = Titel
dilemma-field-title-hint = Kort, bijvoorbeeld: Huisbezoek na vijf uur.
dilemma-field-situation = De situatie
dilemma-field-situation-hint = Wat gebeurde er, en waarom is het lastig? Zonder namen of herkenbare details.
dilemma-field-perspectives = De kanten van het dilemma
dilemma-field-perspectives-hint = Eén per regel, twee tot zes. Bijvoorbeeld: Menselijkheid, en op de volgende regel: Wet- en regelgeving.
dilemma-field-names = Hoe laten we de keuzes zien?
dilemma-field-names-hint = Dit kies je nu en het verandert daarna niet: leden weten zo vooraf hoe hun keuze getoond wordt.
dilemma-shown = Keuzes getoond
dilemma-situation = De situatie
dilemma-given = { $count } van de { $members } leden { $count ->
    [one] heeft
   *[other] hebben
} gekozen.
dilemma-your-position = Jouw keuze
dilemma-choose-named = Kies de kant die jij zou kiezen en zeg waarom. Niemand ziet je keuze voordat de begeleider alle keuzes tegelijk toont. Dan staat je naam erbij.
dilemma-choose-unnamed = Kies de kant die jij zou kiezen en zeg waarom. Niemand ziet je keuze voordat de begeleider alle keuzes tegelijk toont, en ook dan staat je naam er niet bij. Vooruit bewaart niet welke keuze van jou is, dus je kunt hem daarna niet meer veranderen.
dilemma-chosen-unnamed = Je hebt gekozen. Vooruit bewaart niet welke keuze van jou is; je ziet hem terug als de begeleider alle keuzes toont.
dilemma-field-perspective = Welke kant kies jij?
dilemma-field-reason = Waarom?
dilemma-field-reason-hint = Wat weegt voor jou het zwaarst? Noem geen namen van cliënten of collega's.
dilemma-choose = Keuze geven
dilemma-change = Keuze veranderen
dilemma-take-back = Keuze terugnemen
dilemma-perspectives = De kanten
dilemma-hidden = De keuzes blijven verborgen tot de begeleider ze allemaal tegelijk toont.
dilemma-count = { $count ->
    [one] 1 keuze
   *[other] { $count } keuzes
}
dilemma-side-empty = Niemand koos deze kant.
dilemma-reveal-title = Alle keuzes tonen
dilemma-reveal-intro-named = Iedereen ziet dan alle keuzes met namen. Daarna kan niemand meer kiezen.
dilemma-reveal-intro-unnamed = Iedereen ziet dan alle keuzes, zonder namen. Daarna kan niemand meer kiezen.
dilemma-reveal = Keuzes tonen
dilemma-outcome = Wat we zouden doen
dilemma-outcome-none = De groep heeft nog niet vastgelegd wat ze zou doen.
dilemma-outcome-record = Uitkomst vastleggen
dilemma-outcome-change = Uitkomst aanpassen
dilemma-field-outcome = Wat zouden we doen, en waarom?
dilemma-field-outcome-hint = Schrijf het op zoals de groep het zei.
dilemma-field-follow-up-on = Wanneer kijken we terug?
dilemma-field-follow-up-on-hint = Op die dag krijg jij een mail met de vraag wat de keuze opleverde.
dilemma-follow-up-on = We kijken terug op { $date }.
dilemma-follow-up = Wat het opleverde
dilemma-follow-up-none = Nog niet opgeschreven.
dilemma-field-follow-up = Wat heeft de keuze opgeleverd?
dilemma-field-follow-up-hint = Wat ging er goed, wat viel tegen, wat zou je nu anders doen?
dilemma-offer-title = Aanbieden aan de redactie
dilemma-offer-intro = Andere teams kunnen leren van dit dilemma. Je krijgt het verhaalformulier, al ingevuld als casus: de situatie, hoe de groep verdeeld was (alleen aantallen), de uitkomst en wat die opleverde. Namen en redenen van leden gaan niet mee. Je leest alles na, loopt de controle op herkenbaarheid door en geeft toestemming, net als bij elk verhaal.
dilemma-offer = Als casus aanbieden
dilemma-remove-title = Dilemma weghalen
dilemma-remove = Dilemma en alle keuzes weghalen
dilemma-live-updated = Het dilemma is bijgewerkt.
dilemma-notice-geopend = Het dilemma staat klaar. Leden kunnen nu kiezen.
dilemma-notice-gekozen = Je keuze is bewaard.
dilemma-notice-teruggenomen = Je keuze is teruggenomen.
dilemma-notice-getoond = Alle keuzes zijn nu zichtbaar.
dilemma-notice-uitkomst = De uitkomst is bewaard.
dilemma-notice-vervolg = Bewaard wat de keuze opleverde.
dilemma-notice-weg = Het dilemma is weggehaald.
error-dilemma-perspectives = Geef twee tot zes kanten, elk op een eigen regel.
error-dilemma-perspective-twice = Elke kant mag maar één keer voorkomen.
error-dilemma-closed = De keuzes zijn al getoond. Kiezen kan niet meer.
error-dilemma-chosen = Je hebt al gekozen. Zonder namen kan een keuze niet meer veranderen.
error-dilemma-not-decided = Leg eerst vast wat de groep zou doen.
error-date-ahead = Kies een dag na vandaag.

# Experiments
group-experiments = Experimenten
group-experiments-intro = Van topidee naar standaard: stel een verbetering voor, probeer haar een tijd uit en beslis dan samen of ze blijft.
group-experiments-link = Naar de ideeën en experimenten van de groep
experiment-board-title = Ideeën en experimenten
experiment-intro = Stel een idee voor of steun dat van een ander. Een idee wordt een experiment met een verwachting, een meting, een periode en iemand die het trekt. Na afloop beslist de groep: wordt het de nieuwe standaard, of stoppen we?
experiment-ideas = Ideeën
experiment-ideas-none = Nog geen ideeën. Heb jij er een?
experiment-supports = { $count ->
    [0] Nog niemand steunt dit idee
    [one] 1 lid steunt dit idee
   *[other] { $count } leden steunen dit idee
}
experiment-you-support = jij ook
experiment-propose = Idee voorstellen
experiment-propose-button = Idee voorstellen
experiment-field-title = Je idee in een paar woorden
experiment-field-title-hint = Bijvoorbeeld: Elke ochtend tien minuten afstemmen.
experiment-field-description = Wat is het idee, en welk probleem lost het op?
experiment-field-description-hint = Schrijf zonder namen van cliënten.
experiment-running = Experimenten die lopen
experiment-running-none = Er loopt nu geen experiment.
experiment-until = tot en met { $date }
experiment-standards = Onze standaarden
experiment-standards-none = Nog geen experiment is standaard geworden.
experiment-standard-since = standaard sinds { $date }
experiment-replaces = vervangt: { $what }
experiment-stopped = Gestopte experimenten
experiment-stopped-none = Geen gestopte experimenten.
experiment-stopped-on = gestopt op { $date }
experiment-phase-idee = Idee
experiment-phase-loopt = Experiment loopt
experiment-phase-standaard = Standaard
experiment-phase-gestopt = Gestopt
experiment-proposed = Voorgesteld door
experiment-owner = Trekker
experiment-period = Periode
experiment-idea = Het idee
experiment-support = Dit idee steunen
experiment-unsupport = Steun terugnemen
experiment-start-title = Er een experiment van maken
experiment-start-intro = Spreek af wat je verwacht, wat je meet, hoe lang je het probeert en wie het trekt. Op de laatste dag krijgt de trekker een mail om te evalueren.
experiment-field-hypothesis = Wat verwachten we?
experiment-field-hypothesis-hint = Bijvoorbeeld: Als we elke ochtend kort afstemmen, liggen minder zaken stil.
experiment-field-measure = Wat meten we, en hoe?
experiment-field-measure-hint = Bijvoorbeeld: elke vrijdag het aantal zaken dat langer dan twee weken stilligt.
experiment-field-starts = Eerste dag
experiment-field-ends = Laatste dag
experiment-field-ends-hint = Na vandaag. Die dag is het tijd om te evalueren.
experiment-start = Experiment starten
experiment-plan = Het plan
experiment-notes = Hoe gaat het?
experiment-notes-none = Nog geen notities.
experiment-field-note = Notitie
experiment-field-note-hint = Wat zie je gebeuren? Wat meet je? Wat valt op?
experiment-note-add = Notitie toevoegen
experiment-evaluate-title = Evalueren
experiment-evaluate-intro = Wat lieten de metingen zien? Bespreek het met de groep en leg de beslissing vast.
experiment-field-verdict = Wat beslist de groep?
experiment-verdict-adopt = Het wordt onze nieuwe standaard
experiment-verdict-stop = We stoppen ermee
experiment-field-evaluation = Wat hebben we gezien en geleerd?
experiment-field-evaluation-hint = Noem wat werkte en wat niet. Ook een experiment dat niet werkte, leert iets.
experiment-field-replaces = Wat vervangt de nieuwe standaard?
experiment-field-replaces-hint = Alleen bij een nieuwe standaard: de manier van werken die ermee ophoudt.
experiment-evaluate = Beslissing vastleggen
experiment-evaluation = De evaluatie
experiment-share-title = Deel wat jullie leerden
experiment-share-intro-standaard = Andere teams kunnen hier iets aan hebben. Je krijgt het verhaalformulier, al ingevuld als Koploper-verhaal met het idee, de verwachting, de metingen en de evaluatie. Je leest alles na, loopt de controle op herkenbaarheid door en geeft toestemming, net als bij elk verhaal.
experiment-share-intro-gestopt = Een experiment dat niet werkte is precies het verhaal waar anderen van leren. Je krijgt het verhaalformulier, al ingevuld als Falend Vooruit-verhaal met het idee, de verwachting, de metingen en de evaluatie. Je leest alles na, loopt de controle op herkenbaarheid door en geeft toestemming, net als bij elk verhaal.
experiment-share = Verhaal maken van dit experiment
experiment-remove-title = Weghalen
experiment-remove = Idee of experiment weghalen
experiment-notice-voorgesteld = Je idee staat op het bord. Andere leden kunnen het nu steunen.
experiment-notice-gesteund = Je steunt dit idee.
experiment-notice-steun-terug = Je steun is teruggenomen.
experiment-notice-gestart = Het experiment is gestart.
experiment-notice-notitie = Je notitie is toegevoegd.
experiment-notice-geevalueerd = De beslissing is vastgelegd.
experiment-notice-weg = Weggehaald.
error-experiment-not-idea = Dit is geen idee meer: steunen kan niet meer.
error-experiment-not-running = Dit experiment loopt niet (meer).
error-experiment-not-ended = Evalueer het experiment eerst.
error-experiment-verdict = Kies of het de nieuwe standaard wordt of dat jullie stoppen.
error-register-limit = Er zijn in het afgelopen uur te veel aanmeldingen geprobeerd, vanaf dit adres of voor dit e-mailadres. Probeer het over een uur opnieuw.

## Open data
nav-open-data = Open data
open-data-title = Open data
open-data-lead = De gepubliceerde verhalen van dit leernetwerk zijn open data. Je mag ze downloaden, gebruiken en delen, binnen de licentie hieronder.
open-data-catalogue-title = Open data van het leernetwerk
open-data-stories-title = Verhalen
open-data-stories-description = { $total ->
    [one] Het gepubliceerde verhaal, met lessen, thema's, sector, regio en datum van publicatie.
   *[other] Alle { $total } gepubliceerde verhalen, met lessen, thema's, sector, regio en datum van publicatie.
}
open-data-csv = Verhalen als CSV (voor een spreadsheet)
open-data-json = Verhalen als JSON (voor programma's)
open-data-catalogue = Beschrijving van de gegevens (DCAT-AP, JSON-LD, voor catalogi zoals data.overheid.nl)
open-data-licence-title = Licentie
open-data-licence-text = Het leernetwerk geeft de verhalen vrij onder
open-data-fields-title = Wat er in staat
open-data-fields-text = Eén regel per verhaal. Teksten staan in Markdown, zoals ze geschreven zijn. Lijsten (thema's, sectoren, lessen) zijn in de CSV gescheiden met een verticale streep. Een cel die met =, +, - of @ begint, krijgt in de CSV een apostrof ervoor, zodat een spreadsheet er geen formule van maakt.
open-data-never-title = Wat er nooit in staat
open-data-never-text = Alleen wat op de openbare pagina van een verhaal staat. Nooit een e-mailadres, nooit een naam of organisatie die de verteller niet wilde tonen, en nooit een verhaal dat nog niet gepubliceerd is.

## My data (AVG)
my-data-title = Mijn gegevens
my-data-lead = Dit is alles wat Vooruit over jou bewaart: je account en elke regel waar je naam of e-mailadres bij staat. Wachtwoorden en geheime codes staan er niet bij: die zijn versleuteld en ook voor ons niet te lezen.
my-data-download = Download alles als JSON-bestand
my-data-nothing = Hier bewaren we niets over jou.
nav-my-data = Mijn gegevens
my-data-users = Je account
my-data-sessions = Waar je bent ingelogd
my-data-organisation_members = Je organisaties
my-data-organisation_invitations = Uitnodigingen voor organisaties
my-data-stories = Je verhalen
my-data-story_messages = Berichten over je verhalen
my-data-registrations = Je aanmeldingen voor bijeenkomsten
my-data-newsletter_subscribers = Je nieuwsbrief-abonnement
my-data-newsletter_editions = Nieuwsbrieven die je maakte
my-data-learning_group_members = Je leergroepen
my-data-learning_group_invitations = Uitnodigingen voor leergroepen
my-data-learning_group_calendar_links = Je agenda-links van leergroepen
my-data-retrospectives = Terugblikken die je begon
my-data-retrospective_cards = Je kaartjes in terugblikken
my-data-retrospective_votes = Je stemmen in terugblikken
my-data-retrospective_voters = Je stemmen per terugblik
my-data-retrospective_actions = Acties op jouw naam
my-data-dilemmas = Dilemma's die je begon, koos of afsloot
my-data-dilemma_positions = Je keuzes bij dilemma's
my-data-experiments = Je experimenten
my-data-experiment_supports = Experimenten die je steunt
my-data-experiment_notes = Je notities bij experimenten
my-data-delete = Je account verwijderen

## Deleting an account (AVG)
delete-account-title = Je account verwijderen
delete-account-of = Account van { $name } verwijderen
delete-account-lead = Als je je account verwijdert, halen we alles weg wat we over jou bewaren. Dat kun je niet ongedaan maken.
delete-account-admin-lead = Doe dit alleen als { $email } erom gevraagd heeft. De persoon krijgt een mail dat het account weg is. Dat kun je niet ongedaan maken.
delete-account-download-first = Wil je eerst een kopie van je gegevens? Download ze dan hier.
delete-account-what-h = Wat er gebeurt
delete-account-what-account = Je account, je inlog en je abonnement op de nieuwsbrief verdwijnen.
delete-account-what-drafts = Verhalen die nog niet gepubliceerd zijn, en je berichten met de redactie, worden verwijderd.
delete-account-what-events = Je aanmeldingen voor komende bijeenkomsten worden geannuleerd. Je plek gaat naar wie op de wachtlijst staat.
delete-account-what-groups = In leergroepen blijven je kaartjes, notities en keuzes staan, maar zonder je naam. Je stemmen tellen niet meer mee.
delete-account-stories = Wat moet er met je gepubliceerde verhalen gebeuren?
delete-account-stories-hint = Andere mensen leren van je verhalen. Je kunt ze laten staan zonder je naam, of ze van de site halen.
delete-account-keep = Laten staan, zonder mijn naam en organisatie
delete-account-withdraw = Van de site halen en verwijderen
delete-account-password-hint = Vul je wachtwoord in. Zo weten we dat jij het bent.
delete-account-confirm = E-mailadres van het account
delete-account-confirm-hint = Typ het e-mailadres van het account over. Zo weet je zeker dat je het goede account verwijdert.
delete-account-submit = Account definitief verwijderen
account-deleted-title = Je account is verwijderd
account-deleted-text = Alles wat we over je bewaarden is weg. Je krijgt nog één mail ter bevestiging. Bedankt dat je meedeed.
admin-account-deleted = Het account is verwijderd. De persoon krijgt een mail ter bevestiging.
admin-delete = Verwijderen
error-choose-stories = Kies wat er met je gepubliceerde verhalen moet gebeuren.
error-password-wrong = Dit wachtwoord klopt niet.
error-confirm-email = Dit is niet het e-mailadres van dit account.
error-last-admin = Dit is het laatste beheerdersaccount. Maak eerst iemand anders beheerder.
error-delete-own-via-admin = Je eigen account verwijder je via Mijn gegevens.

## Privacy statement: the processing register
register-intro = Hieronder staat per onderdeel van de site welke gegevens we bewaren, waarom, op welke grond, wie ze ziet en hoe lang. Verantwoordelijk voor de gegevens is het leernetwerk dat deze site beheert.
register-toc = Op deze pagina
register-what = Welke gegevens
register-why = Waarvoor
register-basis = Grondslag
register-who = Wie ziet het
register-kept = Hoe lang
register-tables = Waar het staat (tabellen)
register-accounts-title = Je account
register-accounts-data = Je naam, e-mailadres en rol, en een versleutelde vorm van je wachtwoord die wij niet kunnen lezen. Op welke apparaten je bent ingelogd. Links om je adres te bevestigen of een nieuw wachtwoord te kiezen, alleen als versleutelde code.
register-accounts-why = Om je te laten inloggen en te laten doen wat bij je rol hoort.
register-accounts-basis = De afspraak met jou: je maakt zelf een account aan (AVG artikel 6, lid 1b).
register-accounts-who = Jij, en de beheerders van dit leernetwerk.
register-accounts-kept = Tot je je account verwijdert. Inloggen blijft { $n } dagen geldig. Een link om je adres te bevestigen werkt 48 uur, een link voor een nieuw wachtwoord 1 uur.
register-stories-title = Als je een verhaal deelt
register-stories-data = Je verhaal, je e-mailadres en, als je die invult, je naam en organisatie. De berichten tussen jou en de redactie, en eerdere versies van de tekst.
register-stories-why = Om je verhaal na redactie te publiceren, zodat anderen ervan leren, en om je te mailen over je verhaal.
register-stories-basis = Jouw toestemming: je geeft aan dat we het mogen publiceren (artikel 6, lid 1a). Je kunt die altijd intrekken.
register-stories-who = De redactie ziet alles. Bezoekers zien het gepubliceerde verhaal; je naam en organisatie alleen als je daarvoor kiest. Gepubliceerde verhalen staan ook in de open data, met alleen wat op de pagina staat.
register-stories-kept = Je e-mailadres halen we { $n } dagen na publicatie of afwijzing weg. Het verhaal blijft staan tot de redactie het archiveert of jij je account verwijdert. Verwijder je je account, dan kies je of je verhalen blijven staan zonder je naam, of verdwijnen.
register-registrations-title = Als je je aanmeldt voor een bijeenkomst
register-registrations-data = Je naam, e-mailadres en organisatie, een opmerking, je antwoorden op de vragen van de organisator, en of je er was.
register-registrations-why = Om je een plek te geven of op de wachtlijst te zetten, je te mailen over de bijeenkomst en bij te houden wie er was.
register-registrations-basis = De afspraak met jou: je meldt je zelf aan (artikel 6, lid 1b).
register-registrations-who = De redactie, die de bijeenkomsten organiseert.
register-registrations-kept = Tot { $n } dagen na de bijeenkomst. Daarna blijven alleen de aantallen.
register-newsletter-title = De nieuwsbrief
register-newsletter-data = Je e-mailadres, wanneer je je aanmeldde, bevestigde of afmeldde, en welke nieuwsbrieven naar je verstuurd zijn. Van redacteuren: wie een nieuwsbrief maakte.
register-newsletter-why = Om je de nieuwsbrief te sturen.
register-newsletter-basis = Jouw toestemming: je meldt je aan en bevestigt dat met een link (artikel 6, lid 1a).
register-newsletter-who = De redactie.
register-newsletter-kept = Tot { $n } dagen nadat je je afmeldt, met de link onder elke nieuwsbrief. Een aanmelding die je niet bevestigt, verwijderen we na { $m } uur.
register-organisations-title = Organisaties
register-organisations-data = Bij welke organisatie je hoort en met welke rol. Van een uitnodiging: het e-mailadres waar die heen ging, en wie uitnodigde.
register-organisations-why = Zodat de beheerder van een organisatie weet wie erbij hoort, en collega's samen kunnen werken.
register-organisations-basis = Gerechtvaardigd belang van het leernetwerk en je organisatie: weten wie namens wie meedoet (artikel 6, lid 1f).
register-organisations-who = De beheerders van je organisatie en van dit leernetwerk.
register-organisations-kept = Tot je de organisatie verlaat of je account verwijdert. Een uitnodiging verwijderen we { $n } dagen nadat die gebruikt is of verlopen.
register-groups-title = Leergroepen en teamwerk
register-groups-data = Van welke leergroepen je lid bent, en wat je inbrengt bij terugblikken, dilemma's en experimenten: kaartjes, stemmen, keuzes, notities en acties. Met je naam of zonder, zoals de groep dat afspreekt. Uitnodigingen, en je persoonlijke agendalink.
register-groups-why = Om in je team samen te leren van je eigen werk.
register-groups-basis = Gerechtvaardigd belang: samen leren in je team (artikel 6, lid 1f).
register-groups-who = De leden van de groep. Wat je zonder naam inbrengt, kan niemand aan jou koppelen, ook de beheerders niet.
register-groups-kept = Zolang de groep bestaat. Verwijder je je account, dan blijft wat je inbracht staan zonder je naam, en tellen je stemmen niet meer mee. Een uitnodiging verwijderen we { $n } dagen nadat die gebruikt is of verlopen.
register-mail-title = Mails die we versturen
register-mail-data = Het adres, het onderwerp, de tekst en de links van mails die nog verstuurd moeten worden.
register-mail-why = Om mails zeker te bezorgen, ook als de mailserver even niet werkt.
register-mail-basis = Hoort bij waar de mail over gaat: je account, je verhaal, je aanmelding of de nieuwsbrief.
register-mail-who = Niemand leest ze. De mailserver van het leernetwerk verstuurt ze.
register-mail-kept = { $n } dag nadat de mail verstuurd is.
register-security-title = Beveiliging
register-security-data = Mislukte pogingen om in te loggen en aanvragen voor een nieuw wachtwoord, geteld per e-mailadres en per IP-adres.
register-security-why = Om te voorkomen dat iemand wachtwoorden raadt of je mailbox volstuurt.
register-security-basis = Gerechtvaardigd belang: de beveiliging van je account (artikel 6, lid 1f).
register-security-who = Niemand. De site gebruikt het alleen om te tellen.
register-security-kept = { $n } uur.
register-podcast-title = De podcast
register-podcast-data = De naam en het e-mailadres die de redactie opgeeft als contact van de podcast.
register-podcast-why = Podcast-apps en -gidsen vragen om een contact.
register-podcast-basis = Gerechtvaardigd belang van het leernetwerk: de podcast vindbaar maken (artikel 6, lid 1f).
register-podcast-who = Iedereen: het staat in de podcastfeed.
register-podcast-kept = Tot de redactie het verandert.
register-helpers-h = Wie ons helpt
register-helpers = Het leernetwerk laat deze site draaien bij een hostingbedrijf, verstuurt mails via een mailserver en kan bestanden bewaren bij een opslagdienst. Met elk van hen sluit het een verwerkersovereenkomst. We verkopen geen gegevens en geven ze aan niemand anders.
register-rights = Je mag altijd zien wat we over je bewaren, het laten aanpassen en het laten verwijderen. Met een account doe je dat zelf:
register-rights-access = Bekijk en download alles wat we over je bewaren
register-rights-erase = Verwijder je account
register-rights-other = Heb je geen account, of wil je iets laten aanpassen? Mail dan de beheerder van dit leernetwerk. Ben je het niet eens met hoe we met je gegevens omgaan? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.
