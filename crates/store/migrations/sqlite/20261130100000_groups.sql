-- Learning groups, their members with a role there, and invitations by
-- e-mail. A group may belong to an organisation (or span several: no
-- organisation). Everything in a group is for its members only.
CREATE TABLE learning_groups (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE learning_group_members (
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT learning_group_members_role CHECK (role IN ('lid', 'begeleider'))
);
CREATE INDEX learning_group_members_user ON learning_group_members(user_id);

-- The token in the mailed link is stored as a SHA-256 hash only.
CREATE TABLE learning_group_invitations (
    token_hash TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT
);
CREATE INDEX learning_group_invitations_group ON learning_group_invitations(group_id);
