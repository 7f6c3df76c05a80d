-- Typed states: every state and kind is one Dutch word, the same in the
-- code (a domain enum), the API and here, where a CHECK constraint refuses
-- any other value. Values that were English become Dutch:
--   users.role: member, editor, admin -> lid, redacteur, beheerder
--   account_tokens.purpose: verify, reset -> bevestigen, herstellen
--   story_messages.author: teller, editor -> verteller, redactie
--   newsletter_subscribers.status: pending, confirmed, unsubscribed
--     -> onbevestigd, bevestigd, afgemeld

UPDATE users SET role = CASE role WHEN 'member' THEN 'lid' WHEN 'editor' THEN 'redacteur' WHEN 'admin' THEN 'beheerder' ELSE role END;
UPDATE account_tokens SET purpose = CASE purpose WHEN 'verify' THEN 'bevestigen' WHEN 'reset' THEN 'herstellen' ELSE purpose END;
UPDATE story_messages SET author = CASE author WHEN 'teller' THEN 'verteller' WHEN 'editor' THEN 'redactie' ELSE author END;
UPDATE newsletter_subscribers SET status = CASE status WHEN 'pending' THEN 'onbevestigd' WHEN 'confirmed' THEN 'bevestigd' WHEN 'unsubscribed' THEN 'afgemeld' ELSE status END;
ALTER TABLE users ADD CONSTRAINT users_role CHECK (role IN ('lid', 'redacteur', 'beheerder'));
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose CHECK (purpose IN ('bevestigen', 'herstellen'));
ALTER TABLE stories ADD CONSTRAINT stories_status CHECK (status IN ('concept', 'ingediend', 'in_redactie', 'vraag_aan_verteller', 'gepubliceerd', 'gearchiveerd', 'afgewezen'));
ALTER TABLE stories ADD CONSTRAINT stories_kind CHECK (kind IN ('falend-vooruit', 'koploper', 'interview', 'case', 'column'));
ALTER TABLE stories ADD CONSTRAINT stories_lang CHECK (lang IN ('nl', 'en'));
ALTER TABLE story_messages ADD CONSTRAINT story_messages_author CHECK (author IN ('verteller', 'redactie'));
ALTER TABLE events ADD CONSTRAINT events_kind CHECK (kind IN ('training', 'bijeenkomst', 'inspiratielab', 'congres', 'webinar'));
ALTER TABLE events ADD CONSTRAINT events_status CHECK (status IN ('gepland', 'geannuleerd'));
ALTER TABLE registrations ADD CONSTRAINT registrations_status CHECK (status IN ('bevestigd', 'wachtlijst', 'afgemeld'));
ALTER TABLE registrations ADD CONSTRAINT registrations_lang CHECK (lang IN ('nl', 'en'));
ALTER TABLE newsletter_subscribers ADD CONSTRAINT newsletter_subscribers_status CHECK (status IN ('onbevestigd', 'bevestigd', 'afgemeld'));
ALTER TABLE newsletter_subscribers ADD CONSTRAINT newsletter_subscribers_lang CHECK (lang IN ('nl', 'en'));
ALTER TABLE newsletter_editions ADD CONSTRAINT newsletter_editions_status CHECK (status IN ('concept', 'verzenden', 'verzonden'));
ALTER TABLE newsletter_deliveries ADD CONSTRAINT newsletter_deliveries_status CHECK (status IN ('wacht', 'bezig', 'verstuurd', 'overgeslagen', 'mislukt'));
