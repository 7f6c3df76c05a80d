-- The taxonomy: themes, sectors and regions, with their labels in both
-- languages, as data that administrators manage at /beheer/taxonomie. The
-- slug is stable (it is stored on stories, events, editions and
-- subscriptions, and is in URLs); labels, order and whether a value is
-- still offered may change. A retired value (retired_at set) stays on old
-- content but is no longer offered for new content.
-- Seeded with the values that were built into the binary until now.

CREATE TABLE taxonomy_terms (
    vocabulary TEXT NOT NULL CHECK (vocabulary IN ('thema', 'sector', 'regio')),
    slug TEXT NOT NULL,
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL,
    intro_nl TEXT NOT NULL,
    intro_en TEXT NOT NULL,
    position BIGINT NOT NULL,
    retired_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (vocabulary, slug)
);

INSERT INTO taxonomy_terms (vocabulary, slug, label_nl, label_en, intro_nl, intro_en,
    position, created_at, updated_at) VALUES
    ('thema', 'werven', 'Werven', 'Recruiting', 'Nieuwe collega''s vinden: campagnes, open dagen, zij-instromers en wat daarbij misging of werkte.', 'Finding new colleagues: campaigns, open days, career changers and what went wrong or worked.', 1, 0, 0),
    ('thema', 'binden', 'Binden', 'Retaining', 'Mensen houden: inwerken, begeleiden en zorgen dat nieuwe collega''s blijven.', 'Keeping people: onboarding, support and making sure new colleagues stay.', 2, 0, 0),
    ('thema', 'boeien', 'Boeien', 'Engaging', 'Werk dat uitdaagt en voldoening geeft: ruimte, groei en afwisseling.', 'Work that is challenging and satisfying: freedom, growth and variety.', 3, 0, 0),
    ('thema', 'vakmanschap', 'Vakmanschap', 'Craftsmanship', 'Goed zijn in je vak en het blijven: leren, reflecteren en kwaliteit.', 'Being good at your job and staying good: learning, reflecting and quality.', 4, 0, 0),
    ('thema', 'lerend-werken', 'Lerend werken', 'Learning at work', 'Leren op de werkplek: intervisie, actieleren en samen terugkijken.', 'Learning in the workplace: peer review, action learning and looking back together.', 5, 0, 0),
    ('thema', 'innovatie', 'Innovatie', 'Innovation', 'Nieuwe dingen proberen: experimenten, pilots en wat ze opleverden.', 'Trying new things: experiments, pilots and what they achieved.', 6, 0, 0),
    ('thema', 'leiderschap', 'Leiderschap', 'Leadership', 'Leidinggeven aan verandering: ruimte geven, luisteren en keuzes maken.', 'Leading change: giving people room, listening and making choices.', 7, 0, 0),
    ('thema', 'samenwerking', 'Samenwerking', 'Cooperation', 'Samenwerken tussen teams, organisaties, gemeenten en werkgevers.', 'Working together between teams, organisations, local councils and employers.', 8, 0, 0),
    ('thema', 'technologie', 'Technologie', 'Technology', 'Apps, robots en andere hulpmiddelen: wat hielp en wat niet.', 'Apps, robots and other tools: what helped and what did not.', 9, 0, 0),
    ('thema', 'werkdruk', 'Werkdruk', 'Workload', 'Minder werkdruk: roosters, taken verdelen en administratie verminderen.', 'Less pressure at work: rosters, sharing tasks and reducing paperwork.', 10, 0, 0),
    ('sector', 'ouderenzorg', 'Ouderenzorg', 'Elderly care', '', '', 1, 0, 0),
    ('sector', 'gehandicaptenzorg', 'Gehandicaptenzorg', 'Disability care', '', '', 2, 0, 0),
    ('sector', 'jeugdzorg', 'Jeugdzorg', 'Youth care', '', '', 3, 0, 0),
    ('sector', 'ggz', 'GGZ', 'Mental health care', '', '', 4, 0, 0),
    ('sector', 'ziekenhuiszorg', 'Ziekenhuiszorg', 'Hospital care', '', '', 5, 0, 0),
    ('sector', 'wijkverpleging', 'Wijkverpleging', 'District nursing', '', '', 6, 0, 0),
    ('sector', 'sociaal-werk', 'Sociaal werk', 'Social work', '', '', 7, 0, 0),
    ('sector', 'kinderopvang', 'Kinderopvang', 'Childcare', '', '', 8, 0, 0),
    ('sector', 'gemeente', 'Gemeente', 'Local council', '', '', 9, 0, 0),
    ('sector', 'werk-en-inkomen', 'Werk en inkomen', 'Work and income', '', '', 10, 0, 0),
    ('regio', 'groningen', 'Groningen', 'Groningen', '', '', 1, 0, 0),
    ('regio', 'friesland', 'Friesland', 'Friesland', '', '', 2, 0, 0),
    ('regio', 'drenthe', 'Drenthe', 'Drenthe', '', '', 3, 0, 0),
    ('regio', 'overijssel', 'Overijssel', 'Overijssel', '', '', 4, 0, 0),
    ('regio', 'flevoland', 'Flevoland', 'Flevoland', '', '', 5, 0, 0),
    ('regio', 'gelderland', 'Gelderland', 'Gelderland', '', '', 6, 0, 0),
    ('regio', 'utrecht', 'Utrecht', 'Utrecht', '', '', 7, 0, 0),
    ('regio', 'noord-holland', 'Noord-Holland', 'Noord-Holland', '', '', 8, 0, 0),
    ('regio', 'zuid-holland', 'Zuid-Holland', 'Zuid-Holland', '', '', 9, 0, 0),
    ('regio', 'zeeland', 'Zeeland', 'Zeeland', '', '', 10, 0, 0),
    ('regio', 'noord-brabant', 'Noord-Brabant', 'Noord-Brabant', '', '', 11, 0, 0),
    ('regio', 'limburg', 'Limburg', 'Limburg', '', '', 12, 0, 0),
    ('regio', 'landelijk', 'Landelijk', 'National', '', '', 13, 0, 0);
