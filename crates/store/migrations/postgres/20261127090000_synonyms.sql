-- Synonyms that editors manage at /redactie/synoniemen: groups of words and
-- phrases that mean the same to a reader. Searches use them as they are
-- now (no reindex); every node reads them again when `synonyms_version`
-- changes, which every change to a group does in its own transaction.
-- Seeded with groups that most Dutch care and welfare networks need;
-- editors change or remove them like any other.

CREATE TABLE synonym_groups (
    id TEXT PRIMARY KEY,
    -- The words and phrases, one per line, as the editor wrote them.
    members TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE synonyms_version (
    one_row BIGINT PRIMARY KEY CHECK (one_row = 1),
    version BIGINT NOT NULL
);

INSERT INTO synonyms_version (one_row, version) VALUES (1, 1);

INSERT INTO synonym_groups (id, members, created_at, updated_at) VALUES
    ('starter-ggz', 'ggz
geestelijke gezondheidszorg', 0, 0),
    ('starter-wmo', 'wmo
wet maatschappelijke ondersteuning', 0, 0),
    ('starter-wlz', 'wlz
wet langdurige zorg', 0, 0),
    ('starter-pgb', 'pgb
persoonsgebonden budget', 0, 0),
    ('starter-jeugdhulp', 'jeugdhulp
jeugdzorg', 0, 0),
    ('starter-zzp', 'zzp''er
zzp
zelfstandige zonder personeel', 0, 0),
    ('starter-zij-instromer', 'zij-instromer
zijinstromer', 0, 0),
    ('starter-flex', 'flexkracht
flexwerker
invalkracht
oproepkracht', 0, 0),
    ('starter-onboarding', 'inwerken
onboarding', 0, 0),
    ('starter-intervisie', 'intervisie
collegiale consultatie', 0, 0),
    ('starter-ehealth', 'e-health
ehealth
digitale zorg', 0, 0);
