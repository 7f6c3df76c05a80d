//! The texts of the mails, in the language the person used on the site.

use vooruit_domain::lang::Lang;

fn pick(lang: Lang, nl: String, en: String) -> String {
    if lang == Lang::En { en } else { nl }
}

const SIGN_NL: &str = "\n\nMet vriendelijke groet,\nDe redactie van Vooruit";
const SIGN_EN: &str = "\n\nKind regards,\nThe Vooruit editors";

pub fn story_received(lang: Lang, title: &str, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "We hebben je verhaal ontvangen".into(),
            "We received your story".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nBedankt voor het delen van je verhaal \"{title}\".\n\nEen redacteur leest het en neemt contact met je op als er vragen zijn. Je verhaal wordt pas gepubliceerd als de redactie het heeft bekeken.\n\nVia deze persoonlijke link volg je je verhaal en beantwoord je vragen van de redactie:\n{link}\n\nDeel deze link niet met anderen.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nThank you for sharing your story \"{title}\".\n\nAn editor will read it and contact you if there are questions. Your story is only published after the editors have looked at it.\n\nWith this personal link you can follow your story and answer the editors' questions:\n{link}\n\nDo not share this link with others.{SIGN_EN}"
            ),
        ),
    )
}

pub fn question(lang: Lang, title: &str, question: &str, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "De redactie heeft een vraag over je verhaal".into(),
            "The editors have a question about your story".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nDe redactie heeft een vraag over je verhaal \"{title}\":\n\n{question}\n\nJe kunt antwoorden via je persoonlijke link:\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nThe editors have a question about your story \"{title}\":\n\n{question}\n\nYou can answer with your personal link:\n{link}{SIGN_EN}"
            ),
        ),
    )
}

pub fn published(lang: Lang, title: &str, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "Je verhaal staat online".into(),
            "Your story is online".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nJe verhaal \"{title}\" is gepubliceerd. Bedankt dat je het deelt: zo kunnen anderen ervan leren.\n\nBekijk het hier:\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nYour story \"{title}\" has been published. Thank you for sharing it: now others can learn from it.\n\nSee it here:\n{link}{SIGN_EN}"
            ),
        ),
    )
}

pub fn rejected(lang: Lang, title: &str, reason: &str, link: &str) -> (String, String) {
    (
        pick(lang, "Over je verhaal".into(), "About your story".into()),
        pick(
            lang,
            format!(
                "Hallo,\n\nBedankt voor je verhaal \"{title}\". De redactie heeft besloten het niet te publiceren. De reden:\n\n{reason}\n\nMeer zien of reageren kan via je persoonlijke link:\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nThank you for your story \"{title}\". The editors decided not to publish it. The reason:\n\n{reason}\n\nYou can see more or respond with your personal link:\n{link}{SIGN_EN}"
            ),
        ),
    )
}

pub fn verify_email(lang: Lang, name: &str, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "Bevestig je e-mailadres".into(),
            "Confirm your e-mail address".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo {name},\n\nBevestig je e-mailadres om je account bij Vooruit te gebruiken. Klik op deze link (48 uur geldig):\n{link}\n\nHeb je geen account aangemaakt? Dan kun je deze mail negeren.{SIGN_NL}"
            ),
            format!(
                "Hello {name},\n\nPlease confirm your e-mail address to use your Vooruit account. Click this link (valid for 48 hours):\n{link}\n\nDid you not create an account? Then you can ignore this mail.{SIGN_EN}"
            ),
        ),
    )
}

pub fn already_registered(lang: Lang, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "Je hebt al een account".into(),
            "You already have an account".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nIemand probeerde een account aan te maken met dit e-mailadres, maar je hebt al een account. Wachtwoord vergeten? Kies een nieuw wachtwoord via:\n{link}\n\nWas jij dit niet? Dan hoef je niets te doen.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nSomeone tried to create an account with this e-mail address, but you already have one. Forgot your password? Choose a new one here:\n{link}\n\nWas this not you? Then you do not need to do anything.{SIGN_EN}"
            ),
        ),
    )
}

pub fn registered(
    lang: Lang,
    title: &str,
    status: vooruit_domain::event::RegistrationStatus,
    cancel: &str,
) -> (String, String) {
    let waiting = status == vooruit_domain::event::RegistrationStatus::Wachtlijst;
    (
        pick(
            lang,
            if waiting {
                format!("Je staat op de wachtlijst: {title}")
            } else {
                format!("Je bent aangemeld: {title}")
            },
            if waiting {
                format!("You are on the waiting list: {title}")
            } else {
                format!("You are registered: {title}")
            },
        ),
        pick(
            lang,
            if waiting {
                format!(
                    "Hallo,\n\n\"{title}\" is vol. Je staat op de wachtlijst. Komt er een plek vrij, dan krijg je die automatisch en sturen we je een e-mail.\n\nAfmelden kan via:\n{cancel}{SIGN_NL}"
                )
            } else {
                format!(
                    "Hallo,\n\nJe bent aangemeld voor \"{title}\". In de bijlage vind je de afspraak voor je agenda.\n\nKun je toch niet? Meld je dan af, zodat iemand anders je plek krijgt:\n{cancel}{SIGN_NL}"
                )
            },
            if waiting {
                format!(
                    "Hello,\n\n\"{title}\" is full. You are on the waiting list. If a place comes free, you get it automatically and we send you an e-mail.\n\nTo cancel:\n{cancel}{SIGN_EN}"
                )
            } else {
                format!(
                    "Hello,\n\nYou are registered for \"{title}\". The attachment has the appointment for your calendar.\n\nCan you not come after all? Please cancel, so someone else gets your place:\n{cancel}{SIGN_EN}"
                )
            },
        ),
    )
}

pub fn event_cancelled(lang: Lang, title: &str) -> (String, String) {
    (
        pick(
            lang,
            format!("Gaat niet door: {title}"),
            format!("Cancelled: {title}"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nHelaas gaat \"{title}\" niet door. Je aanmelding vervalt; je hoeft niets te doen. Staat de afspraak in je agenda, dan kun je die verwijderen.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nUnfortunately \"{title}\" is cancelled. Your registration ends; you do not need to do anything. If the appointment is in your calendar, you can remove it.{SIGN_EN}"
            ),
        ),
    )
}

pub fn moved_up(lang: Lang, title: &str, cancel: &str) -> (String, String) {
    (
        pick(
            lang,
            format!("Er is een plek voor je: {title}"),
            format!("There is a place for you: {title}"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nEr kwam een plek vrij bij \"{title}\". Die plek is nu van jou: je bent aangemeld.\n\nKun je toch niet? Meld je dan af:\n{cancel}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nA place came free for \"{title}\". That place is now yours: you are registered.\n\nCan you not come after all? Please cancel:\n{cancel}{SIGN_EN}"
            ),
        ),
    )
}

pub fn newsletter_confirm(lang: Lang, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "Bevestig je aanmelding voor de nieuwsbrief".into(),
            "Confirm your newsletter subscription".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nWil je de nieuwsbrief van Vooruit ontvangen? Bevestig dat via deze link (48 uur geldig):\n{link}\n\nHeb je je niet aangemeld? Dan hoef je niets te doen. Je krijgt dan geen nieuwsbrief.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nDo you want to receive the Vooruit newsletter? Confirm with this link (valid for 48 hours):\n{link}\n\nDid you not sign up? Then you do not need to do anything. You will not get the newsletter.{SIGN_EN}"
            ),
        ),
    )
}

pub fn password_reset(lang: Lang, link: &str) -> (String, String) {
    (
        pick(
            lang,
            "Nieuw wachtwoord kiezen".into(),
            "Choose a new password".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nJe hebt gevraagd om een nieuw wachtwoord. Kies het via deze link (1 uur geldig):\n{link}\n\nHeb je dit niet gevraagd? Dan kun je deze mail negeren; je wachtwoord blijft hetzelfde.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nYou asked for a new password. Choose it with this link (valid for 1 hour):\n{link}\n\nDid you not ask for this? Then you can ignore this mail; your password stays the same.{SIGN_EN}"
            ),
        ),
    )
}

pub fn event_changed(lang: Lang, title: &str, cancel: &str) -> (String, String) {
    (
        pick(
            lang,
            format!("Gewijzigd: {title}"),
            format!("Changed: {title}"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nDe tijd of plaats van \"{title}\" is veranderd. In de bijlage vind je de nieuwe afspraak voor je agenda. Je aanmelding blijft gewoon staan.\n\nKun je nu niet meer? Meld je dan af:\n{cancel}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nThe time or place of \"{title}\" has changed. The attachment has the new appointment for your calendar. Your registration stays as it is.\n\nCan you no longer come? Please cancel:\n{cancel}{SIGN_EN}"
            ),
        ),
    )
}

pub fn group_invitation(lang: Lang, group: &str, inviter: &str, link: &str) -> (String, String) {
    (
        pick(
            lang,
            format!("Uitnodiging: doe mee met de groep {group} op Vooruit"),
            format!("Invitation: join the group {group} on Vooruit"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\n{inviter} nodigt je uit voor de groep {group} op Vooruit. In de groep leer je samen: wat de groep deelt, ziet alleen de groep.\n\nDoe je mee? Gebruik deze link (14 dagen geldig). Heb je nog geen account, dan maak je er met deze link een:\n{link}\n\nWil je niet? Dan hoef je niets te doen.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\n{inviter} invites you to the group {group} on Vooruit. In the group you learn together: what the group shares, only the group sees.\n\nWould you like to join? Use this link (valid for 14 days). No account yet? This link lets you make one:\n{link}\n\nNot interested? Then you do not need to do anything.{SIGN_EN}"
            ),
        ),
    )
}

pub fn organisation_invitation(
    lang: Lang,
    organisation: &str,
    inviter: &str,
    link: &str,
) -> (String, String) {
    (
        pick(
            lang,
            format!("Uitnodiging: word lid van {organisation} op Vooruit"),
            format!("Invitation: join {organisation} on Vooruit"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\n{inviter} nodigt je uit om lid te worden van {organisation} op Vooruit. Als lid zie je wie er nog meer bij horen en doe je mee met wat de organisatie samen doet.\n\nWil je dat? Gebruik deze link (14 dagen geldig). Je logt in met dit e-mailadres, of maakt eerst een account aan:\n{link}\n\nWil je niet? Dan hoef je niets te doen.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\n{inviter} invites you to join {organisation} on Vooruit. As a member you see who else belongs to it and take part in what the organisation does together.\n\nWould you like that? Use this link (valid for 14 days). You log in with this e-mail address, or create an account first:\n{link}\n\nNot interested? Then you do not need to do anything.{SIGN_EN}"
            ),
        ),
    )
}

/// Two days before an action of a terugblik is due, to its owner.
pub fn action_reminder(
    lang: Lang,
    group: &str,
    action: &str,
    due: &str,
    link: &str,
) -> (String, String) {
    (
        pick(
            lang,
            format!("Herinnering: actie voor {due} ({group})"),
            format!("Reminder: action due {due} ({group})"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nIn de terugblik van {group} heb je deze actie op je genomen:\n\n{action}\n\nDe afgesproken datum is {due}. Is het klaar? Zet het dan op afgerond. Lukt het niet? Vertel het de groep, dan kijken jullie samen wat nodig is.\n\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nIn the retrospective of {group} you took on this action:\n\n{action}\n\nThe agreed date is {due}. Is it done? Then mark it as done. Is it not working out? Tell the group, so you can see together what is needed.\n\n{link}{SIGN_EN}"
            ),
        ),
    )
}

/// To the facilitator who recorded a dilemma's outcome, on the follow-up
/// date: what did the choice lead to?
pub fn dilemma_follow_up(
    lang: Lang,
    group: &str,
    dilemma: &str,
    outcome: &str,
    link: &str,
) -> (String, String) {
    (
        pick(
            lang,
            format!("Wat heeft de keuze opgeleverd? ({group})"),
            format!("What did the choice lead to? ({group})"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nVandaag is de dag om terug te kijken op het dilemma \"{dilemma}\" van {group}. De groep koos toen dit:\n\n{outcome}\n\nWat heeft die keuze opgeleverd? Schrijf het op bij het dilemma, dan kan de groep (en later misschien het hele netwerk) ervan leren.\n\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nToday is the day to look back on the dilemma \"{dilemma}\" of {group}. The group chose this:\n\n{outcome}\n\nWhat did that choice lead to? Write it down with the dilemma, so the group (and later perhaps the whole network) can learn from it.\n\n{link}{SIGN_EN}"
            ),
        ),
    )
}

/// To an experiment's owner on the last day of its period: time to
/// evaluate, adopt or stop.
pub fn experiment_evaluate(
    lang: Lang,
    group: &str,
    experiment: &str,
    link: &str,
) -> (String, String) {
    (
        pick(
            lang,
            format!("Tijd om te evalueren: {experiment} ({group})"),
            format!("Time to evaluate: {experiment} ({group})"),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nDe periode van het experiment \"{experiment}\" van {group} is voorbij. Wat lieten de metingen zien? Bespreek het met de groep en leg vast of het de nieuwe standaard wordt of dat jullie stoppen. Ook een experiment dat niet werkte is de moeite waard: deel dan wat jullie leerden.\n\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nThe period of the experiment \"{experiment}\" of {group} is over. What did the measurements show? Discuss it with the group and record whether it becomes the new standard or whether you stop. An experiment that did not work is worth it too: then share what you learned.\n\n{link}{SIGN_EN}"
            ),
        ),
    )
}

pub fn account_deleted(lang: Lang, stories_kept: bool) -> (String, String) {
    let (nl, en) = if stories_kept {
        (
            "Je gepubliceerde verhalen blijven op de site staan, zonder je naam en zonder je organisatie.",
            "Your published stories stay on the site, without your name and without your organisation.",
        )
    } else {
        (
            "Je verhalen zijn van de site gehaald en verwijderd.",
            "Your stories have been taken off the site and deleted.",
        )
    };
    (
        pick(
            lang,
            "Je account is verwijderd".into(),
            "Your account has been deleted".into(),
        ),
        pick(
            lang,
            format!(
                "Hallo,\n\nJe account bij Vooruit is verwijderd, met alles wat we over je bewaarden. {nl} Je aanmeldingen voor komende bijeenkomsten zijn geannuleerd en je krijgt de nieuwsbrief niet meer.\n\nDit is de laatste mail die je van ons krijgt. Wil je later weer meedoen? Dan maak je een nieuw account.{SIGN_NL}"
            ),
            format!(
                "Hello,\n\nYour Vooruit account has been deleted, with everything we kept about you. {en} Your registrations for coming meetings have been cancelled and you will no longer get the newsletter.\n\nThis is the last mail you get from us. Want to join again later? Then create a new account.{SIGN_EN}"
            ),
        ),
    )
}

/// A respondent's one-time link to a measurement round. `until` is the
/// last day, as people read it. `reminder`: they have not answered yet.
pub fn measurement_invitation(
    lang: Lang,
    organisation: &str,
    programme: &str,
    until: &str,
    link: &str,
    reminder: bool,
) -> (String, String) {
    let (subject_nl, subject_en) = if reminder {
        (
            format!("Herinnering: jouw mening over {programme}"),
            format!("Reminder: your view on {programme}"),
        )
    } else {
        (
            format!("Jouw mening over {programme}"),
            format!("Your view on {programme}"),
        )
    };
    (
        pick(lang, subject_nl, subject_en),
        pick(
            lang,
            format!(
                "Hallo,\n\n{organisation} wil weten hoe vaak je bepaald gedrag ziet in je team. Het gaat om {programme}. Invullen kost ongeveer vijf minuten.\n\nJe antwoord is anoniem. We bewaren niet wie wat antwoordde: alleen dat deze link gebruikt is. Niemand ziet uitkomsten van een groep met te weinig antwoorden.\n\nDe link werkt één keer, tot en met {until}. Stuur hem niet door.\n\n{link}{SIGN_NL}"
            ),
            format!(
                "Hello,\n\n{organisation} would like to know how often you see certain behaviour in your team. It is about {programme}. Answering takes about five minutes.\n\nYour answer is anonymous. We do not keep who answered what: only that this link was used. Nobody sees results of a group with too few answers.\n\nThe link works once, up to and including {until}. Please do not forward it.\n\n{link}{SIGN_EN}"
            ),
        ),
    )
}
