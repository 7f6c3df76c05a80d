//! Measuring behaviour change: programmes with their values, KPIs,
//! behaviours and groups; rounds with who takes part; the one-time links
//! of respondents; answers held until they are moved, in shuffled
//! batches, into counts per score; and the KPI figures per round.
//!
//! What links an answer to a person is kept out on purpose: "this link
//! was used" is a mark made with the server secret, apart from the
//! invitee row with the address (no time); a held answer has a random id
//! and no time or token; the results are counts and loose texts with a
//! day and no group.

use sqlx::FromRow;
use vooruit_domain::measurement::{KpiDirection, RoundState};

use crate::{Conn, Result, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct ProgrammeRow {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub description: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub threshold: i64,
    pub created_at: i64,
}

const PROGRAMME: &str = "p.id, p.organisation_id, p.name, p.description, p.owner_id, \
    u.name AS owner_name, p.threshold, p.created_at \
    FROM measurement_programmes p LEFT JOIN users u ON u.id = p.owner_id";

/// A value, KPI, behaviour or group: the parts of a programme.
#[derive(Debug, Clone, FromRow)]
pub struct PartRow {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct KpiRow {
    pub id: String,
    pub name: String,
    pub unit: String,
    #[sqlx(try_from = "String")]
    pub direction: KpiDirection,
    pub source: String,
}

/// A behaviour serves a value or a KPI.
#[derive(Debug, Clone, FromRow)]
pub struct LinkRow {
    pub behaviour_id: String,
    pub value_id: Option<String>,
    pub kpi_id: Option<String>,
}

/// The parts a programme has; each is its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Value,
    Behaviour,
    Group,
    Kpi,
}

impl Part {
    fn table(self) -> &'static str {
        match self {
            Part::Value => "measurement_values",
            Part::Behaviour => "measurement_behaviours",
            Part::Group => "measurement_groups",
            Part::Kpi => "measurement_kpis",
        }
    }

    fn name_column(self) -> &'static str {
        match self {
            Part::Behaviour => "statement",
            _ => "name",
        }
    }
}

#[derive(Debug, Clone, FromRow)]
pub struct RoundRow {
    pub id: String,
    pub programme_id: String,
    pub number: i64,
    pub opens_on: String,
    pub closes_on: String,
    #[sqlx(try_from = "String")]
    pub state: RoundState,
    pub questions: String,
    pub created_at: i64,
}

const ROUND: &str = "r.id, r.programme_id, r.number, r.opens_on, r.closes_on, r.state, \
    r.questions, r.created_at FROM measurement_rounds r";

/// A group in a round: how many were invited and have answered.
#[derive(Debug, Clone, FromRow)]
pub struct ParticipationRow {
    pub group_id: String,
    pub group_name: String,
    pub invited: i64,
    pub answered: i64,
    pub public_token: Option<String>,
}

#[derive(Debug, Clone, FromRow)]
pub struct InviteeRow {
    pub id: String,
    pub round_id: String,
    pub group_id: String,
    pub email: Option<String>,
}

#[derive(Debug, Clone, FromRow)]
pub struct HeldRow {
    pub id: String,
    pub group_id: String,
    pub answer: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct CountRow {
    pub round_id: String,
    pub group_id: String,
    pub behaviour_id: String,
    pub score: i64,
    pub n: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct KpiValueRow {
    pub round_id: String,
    pub kpi_id: String,
    pub value: f64,
}

/// Measurement programmes: `conn.measurement()`.
pub struct Measurement<'c>(&'c mut Conn);

impl Conn {
    pub fn measurement(&mut self) -> Measurement<'_> {
        Measurement(self)
    }
}

impl Measurement<'_> {
    pub async fn insert_programme(
        &mut self,
        organisation_id: &str,
        name: &str,
        description: &str,
        owner_id: &str,
        threshold: i64,
    ) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO measurement_programmes \
             (id, organisation_id, name, description, owner_id, threshold, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(organisation_id)
        .bind(name)
        .bind(description)
        .bind(owner_id)
        .bind(threshold)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    pub async fn programmes_of(&mut self, organisation_id: &str) -> Result<Vec<ProgrammeRow>> {
        Ok(sqlx::query_as::<_, ProgrammeRow>(&format!(
            "SELECT {PROGRAMME} WHERE p.organisation_id = $1 ORDER BY p.created_at DESC, p.id \
             LIMIT 200"
        ))
        .bind(organisation_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn programme(
        &mut self,
        organisation_id: &str,
        id: &str,
    ) -> Result<Option<ProgrammeRow>> {
        Ok(sqlx::query_as::<_, ProgrammeRow>(&format!(
            "SELECT {PROGRAMME} WHERE p.organisation_id = $1 AND p.id = $2"
        ))
        .bind(organisation_id)
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn programme_by_id(&mut self, id: &str) -> Result<Option<ProgrammeRow>> {
        Ok(
            sqlx::query_as::<_, ProgrammeRow>(&format!("SELECT {PROGRAMME} WHERE p.id = $1"))
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?,
        )
    }

    pub async fn update_programme(
        &mut self,
        id: &str,
        name: &str,
        description: &str,
        owner_id: &str,
        threshold: i64,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE measurement_programmes SET name = $1, description = $2, owner_id = $3, \
             threshold = $4 WHERE id = $5",
        )
        .bind(name)
        .bind(description)
        .bind(owner_id)
        .bind(threshold)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// The next position in a part's list.
    async fn next_position(&mut self, part: Part, programme_id: &str) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(&format!(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM {} WHERE programme_id = $1",
            part.table()
        ))
        .bind(programme_id)
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// A value, behaviour or group (a KPI has its own `add_kpi`).
    pub async fn add_part(&mut self, part: Part, programme_id: &str, name: &str) -> Result<String> {
        let id = new_id();
        let position = self.next_position(part, programme_id).await?;
        sqlx::query(&format!(
            "INSERT INTO {} (id, programme_id, {}, position) VALUES ($1, $2, $3, $4)",
            part.table(),
            part.name_column()
        ))
        .bind(&id)
        .bind(programme_id)
        .bind(name)
        .bind(position)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    pub async fn add_kpi(
        &mut self,
        programme_id: &str,
        name: &str,
        unit: &str,
        direction: KpiDirection,
        source: &str,
    ) -> Result<String> {
        let id = new_id();
        let position = self.next_position(Part::Kpi, programme_id).await?;
        sqlx::query(
            "INSERT INTO measurement_kpis (id, programme_id, name, unit, direction, source, position) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(programme_id)
        .bind(name)
        .bind(unit)
        .bind(direction.as_str())
        .bind(source)
        .bind(position)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    /// Values, behaviours or groups, in their order.
    pub async fn parts(&mut self, part: Part, programme_id: &str) -> Result<Vec<PartRow>> {
        Ok(sqlx::query_as::<_, PartRow>(&format!(
            "SELECT id, {} AS name FROM {} WHERE programme_id = $1 ORDER BY position, id",
            part.name_column(),
            part.table()
        ))
        .bind(programme_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn kpis(&mut self, programme_id: &str) -> Result<Vec<KpiRow>> {
        Ok(sqlx::query_as::<_, KpiRow>(
            "SELECT id, name, unit, direction, source FROM measurement_kpis \
             WHERE programme_id = $1 ORDER BY position, id",
        )
        .bind(programme_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Removes a part of this programme; false when there is no such part.
    pub async fn remove_part(&mut self, part: Part, programme_id: &str, id: &str) -> Result<bool> {
        let done = sqlx::query(&format!(
            "DELETE FROM {} WHERE programme_id = $1 AND id = $2",
            part.table()
        ))
        .bind(programme_id)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn link(
        &mut self,
        behaviour_id: &str,
        value_id: Option<&str>,
        kpi_id: Option<&str>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO measurement_behaviour_links (behaviour_id, value_id, kpi_id) \
             VALUES ($1, $2, $3)",
        )
        .bind(behaviour_id)
        .bind(value_id)
        .bind(kpi_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    pub async fn links(&mut self, programme_id: &str) -> Result<Vec<LinkRow>> {
        Ok(sqlx::query_as::<_, LinkRow>(
            "SELECT l.behaviour_id, l.value_id, l.kpi_id FROM measurement_behaviour_links l \
             JOIN measurement_behaviours b ON b.id = l.behaviour_id WHERE b.programme_id = $1",
        )
        .bind(programme_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn insert_round(
        &mut self,
        programme_id: &str,
        opens_on: &str,
        closes_on: &str,
        questions: &str,
    ) -> Result<i64> {
        let number = sqlx::query_scalar::<_, i64>(
            "SELECT COALESCE(MAX(number) + 1, 0) FROM measurement_rounds WHERE programme_id = $1",
        )
        .bind(programme_id)
        .fetch_one(&mut *self.0)
        .await?;
        sqlx::query(
            "INSERT INTO measurement_rounds \
             (id, programme_id, number, opens_on, closes_on, state, questions, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(programme_id)
        .bind(number)
        .bind(opens_on)
        .bind(closes_on)
        .bind(RoundState::Concept.as_str())
        .bind(questions)
        .bind(self.0.now())
        .execute(&mut *self.0)
        .await?;
        Ok(number)
    }

    pub async fn rounds(&mut self, programme_id: &str) -> Result<Vec<RoundRow>> {
        Ok(sqlx::query_as::<_, RoundRow>(&format!(
            "SELECT {ROUND} WHERE r.programme_id = $1 ORDER BY r.number"
        ))
        .bind(programme_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn round(&mut self, programme_id: &str, number: i64) -> Result<Option<RoundRow>> {
        Ok(sqlx::query_as::<_, RoundRow>(&format!(
            "SELECT {ROUND} WHERE r.programme_id = $1 AND r.number = $2"
        ))
        .bind(programme_id)
        .bind(number)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn round_by_id(&mut self, id: &str) -> Result<Option<RoundRow>> {
        Ok(
            sqlx::query_as::<_, RoundRow>(&format!("SELECT {ROUND} WHERE r.id = $1"))
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?,
        )
    }

    /// Moves a round on; false when it was no longer in `from` (another
    /// request or node moved it first).
    pub async fn set_state(&mut self, id: &str, from: RoundState, to: RoundState) -> Result<bool> {
        let done =
            sqlx::query("UPDATE measurement_rounds SET state = $1 WHERE id = $2 AND state = $3")
                .bind(to.as_str())
                .bind(id)
                .bind(from.as_str())
                .execute(&mut *self.0)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Concept rounds whose first day has come, and open rounds whose
    /// last day has passed: what housekeeping opens and closes.
    pub async fn rounds_due(&mut self, today: &str) -> Result<Vec<RoundRow>> {
        Ok(sqlx::query_as::<_, RoundRow>(&format!(
            "SELECT {ROUND} WHERE (r.state = $1 AND r.opens_on <= $2) \
             OR (r.state = $3 AND r.closes_on < $2) ORDER BY r.opens_on LIMIT 100"
        ))
        .bind(RoundState::Concept.as_str())
        .bind(today)
        .bind(RoundState::Open.as_str())
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn participation(&mut self, round_id: &str) -> Result<Vec<ParticipationRow>> {
        Ok(sqlx::query_as::<_, ParticipationRow>(
            "SELECT p.group_id, g.name AS group_name, p.invited, p.answered, p.public_token \
             FROM measurement_participation p JOIN measurement_groups g ON g.id = p.group_id \
             WHERE p.round_id = $1 ORDER BY g.position, g.id",
        )
        .bind(round_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn take_part(&mut self, round_id: &str, group_id: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO measurement_participation (round_id, group_id) VALUES ($1, $2) \
             ON CONFLICT (round_id, group_id) DO NOTHING",
        )
        .bind(round_id)
        .bind(group_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Invites an address for a group; None when it was already invited
    /// in this round.
    pub async fn add_invitee(
        &mut self,
        round_id: &str,
        group_id: &str,
        email: &str,
    ) -> Result<Option<String>> {
        self.take_part(round_id, group_id).await?;
        let id = new_id();
        let added = sqlx::query(
            "INSERT INTO measurement_invitees (id, round_id, group_id, email) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (round_id, email) DO NOTHING",
        )
        .bind(&id)
        .bind(round_id)
        .bind(group_id)
        .bind(email)
        .execute(&mut *self.0)
        .await?;
        if added.rows_affected() == 0 {
            return Ok(None);
        }
        sqlx::query(
            "UPDATE measurement_participation SET invited = invited + 1 \
             WHERE round_id = $1 AND group_id = $2",
        )
        .bind(round_id)
        .bind(group_id)
        .execute(&mut *self.0)
        .await?;
        Ok(Some(id))
    }

    /// The round's invitees.
    pub async fn invitees(&mut self, round_id: &str) -> Result<Vec<InviteeRow>> {
        Ok(sqlx::query_as::<_, InviteeRow>(
            "SELECT id, round_id, group_id, email FROM measurement_invitees \
             WHERE round_id = $1 ORDER BY id",
        )
        .bind(round_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn invitee(&mut self, id: &str) -> Result<Option<InviteeRow>> {
        Ok(sqlx::query_as::<_, InviteeRow>(
            "SELECT id, round_id, group_id, email FROM measurement_invitees WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Marks a link used (`mark` is made from it with the server secret);
    /// false when it already was: each link works once.
    pub async fn mark_used(&mut self, round_id: &str, mark: &str) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO measurement_used (round_id, mark) VALUES ($1, $2) \
             ON CONFLICT (round_id, mark) DO NOTHING",
        )
        .bind(round_id)
        .bind(mark)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn is_used(&mut self, round_id: &str, mark: &str) -> Result<bool> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM measurement_used WHERE round_id = $1 AND mark = $2",
        )
        .bind(round_id)
        .bind(mark)
        .fetch_one(&mut *self.0)
        .await?
            > 0)
    }

    /// The marks of the links used in a round.
    pub async fn used_marks(&mut self, round_id: &str) -> Result<Vec<String>> {
        Ok(
            sqlx::query_scalar::<_, String>(
                "SELECT mark FROM measurement_used WHERE round_id = $1",
            )
            .bind(round_id)
            .fetch_all(&mut *self.0)
            .await?,
        )
    }

    /// Holds the round for the rest of the transaction: true when it is
    /// still open (or, with `or_concept`, still being prepared). An
    /// answer or an invitation takes this lock, and so does closing (by
    /// changing the state): an answer either lands before the round
    /// closes and is counted with it, or is refused.
    pub async fn lock_round(&mut self, id: &str, or_concept: bool) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE measurement_rounds SET state = state \
             WHERE id = $1 AND (state = $2 OR (state = $3 AND $4 = 1))",
        )
        .bind(id)
        .bind(RoundState::Open.as_str())
        .bind(RoundState::Concept.as_str())
        .bind(i64::from(or_concept))
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// When a round closes: the addresses go, and with them every link
    /// and every mark.
    pub async fn forget_invitees(&mut self, round_id: &str) -> Result<u64> {
        let done = sqlx::query("DELETE FROM measurement_invitees WHERE round_id = $1")
            .bind(round_id)
            .execute(&mut *self.0)
            .await?;
        sqlx::query("DELETE FROM measurement_used WHERE round_id = $1")
            .bind(round_id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected())
    }

    pub async fn set_public_token(
        &mut self,
        round_id: &str,
        group_id: &str,
        token: Option<&str>,
    ) -> Result<()> {
        self.take_part(round_id, group_id).await?;
        sqlx::query(
            "UPDATE measurement_participation SET public_token = $1 \
             WHERE round_id = $2 AND group_id = $3",
        )
        .bind(token)
        .bind(round_id)
        .bind(group_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// The round and group of a public link.
    pub async fn by_public_token(&mut self, token: &str) -> Result<Option<(String, String)>> {
        Ok(sqlx::query_as::<_, (String, String)>(
            "SELECT round_id, group_id FROM measurement_participation WHERE public_token = $1",
        )
        .bind(token)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Keeps an answer until it is moved into the results, and counts it
    /// for the group's response rate.
    pub async fn hold(&mut self, round_id: &str, group_id: &str, answer: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO measurement_holding (id, round_id, group_id, answer) VALUES ($1, $2, $3, $4)",
        )
        .bind(new_id())
        .bind(round_id)
        .bind(group_id)
        .bind(answer)
        .execute(&mut *self.0)
        .await?;
        sqlx::query(
            "UPDATE measurement_participation SET answered = answered + 1 \
             WHERE round_id = $1 AND group_id = $2",
        )
        .bind(round_id)
        .bind(group_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Rounds with at least their programme's threshold of answers
    /// waiting, ready to move as one batch; and closed rounds with any
    /// (an answer whose transaction began before the round closed).
    pub async fn rounds_holding(&mut self) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT h.round_id FROM measurement_holding h \
             JOIN measurement_rounds r ON r.id = h.round_id \
             JOIN measurement_programmes p ON p.id = r.programme_id \
             GROUP BY h.round_id, p.threshold, r.state \
             HAVING COUNT(*) >= p.threshold OR r.state = $1",
        )
        .bind(RoundState::Gesloten.as_str())
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The answers waiting in a round (in random id order).
    pub async fn held(&mut self, round_id: &str) -> Result<Vec<HeldRow>> {
        Ok(sqlx::query_as::<_, HeldRow>(
            "SELECT id, group_id, answer FROM measurement_holding WHERE round_id = $1",
        )
        .bind(round_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Deletes these held answers (once they are counted), by id: an
    /// answer that arrived meanwhile stays held. Returns how many were
    /// deleted: fewer than asked means another node moved some first.
    pub async fn release(&mut self, ids: &[String]) -> Result<u64> {
        let mut deleted = 0;
        for chunk in ids.chunks(500) {
            let sql = format!(
                "DELETE FROM measurement_holding WHERE id IN ({})",
                crate::db::in_list(chunk.len())
            );
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id);
            }
            deleted += q.execute(&mut *self.0).await?.rows_affected();
        }
        Ok(deleted)
    }

    /// How many answers wait in a round.
    pub async fn held_count(&mut self, round_id: &str) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM measurement_holding WHERE round_id = $1",
        )
        .bind(round_id)
        .fetch_one(&mut *self.0)
        .await?)
    }

    pub async fn add_count(
        &mut self,
        round_id: &str,
        group_id: &str,
        behaviour_id: &str,
        score: i64,
        n: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO measurement_counts (round_id, group_id, behaviour_id, score, n) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (round_id, group_id, behaviour_id, score) \
             DO UPDATE SET n = measurement_counts.n + excluded.n",
        )
        .bind(round_id)
        .bind(group_id)
        .bind(behaviour_id)
        .bind(score)
        .bind(n)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// The counts of these rounds.
    pub async fn counts(&mut self, programme_id: &str) -> Result<Vec<CountRow>> {
        Ok(sqlx::query_as::<_, CountRow>(
            "SELECT c.round_id, c.group_id, c.behaviour_id, c.score, c.n FROM measurement_counts c \
             JOIN measurement_rounds r ON r.id = c.round_id WHERE r.programme_id = $1",
        )
        .bind(programme_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn add_text(
        &mut self,
        round_id: &str,
        behaviour_id: Option<&str>,
        question: Option<i64>,
        body: &str,
        day: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO measurement_texts (id, round_id, behaviour_id, question, body, day) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(round_id)
        .bind(behaviour_id)
        .bind(question)
        .bind(body)
        .bind(day)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Examples of one behaviour (or answers to one open question) in a
    /// round: at most `limit`, in the order of their random ids (a fair
    /// sample, never by arrival). One index seek each, however many there
    /// are.
    pub async fn texts(
        &mut self,
        round_id: &str,
        behaviour_id: Option<&str>,
        question: Option<i64>,
        limit: i64,
    ) -> Result<Vec<String>> {
        let q = match behaviour_id {
            Some(b) => sqlx::query_scalar::<_, String>(
                "SELECT body FROM measurement_texts \
                 WHERE round_id = $1 AND behaviour_id = $2 ORDER BY id LIMIT $3",
            )
            .bind(round_id)
            .bind(b),
            None => sqlx::query_scalar::<_, String>(
                "SELECT body FROM measurement_texts \
                 WHERE round_id = $1 AND behaviour_id IS NULL AND question = $2 \
                 ORDER BY id LIMIT $3",
            )
            .bind(round_id)
            .bind(question.unwrap_or(0)),
        };
        Ok(q.bind(limit).fetch_all(&mut *self.0).await?)
    }

    /// How many examples each behaviour has in a round.
    pub async fn example_counts(&mut self, round_id: &str) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as::<_, (String, i64)>(
            "SELECT behaviour_id, COUNT(*) FROM measurement_texts \
             WHERE round_id = $1 AND behaviour_id IS NOT NULL GROUP BY behaviour_id",
        )
        .bind(round_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Sets (or with None clears) a KPI's figure for a round.
    pub async fn set_kpi_value(
        &mut self,
        round_id: &str,
        kpi_id: &str,
        value: Option<f64>,
    ) -> Result<()> {
        match value {
            Some(v) => {
                sqlx::query(
                    "INSERT INTO measurement_kpi_values (round_id, kpi_id, value) VALUES ($1, $2, $3) \
                     ON CONFLICT (round_id, kpi_id) DO UPDATE SET value = excluded.value",
                )
                .bind(round_id)
                .bind(kpi_id)
                .bind(v)
                .execute(&mut *self.0)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM measurement_kpi_values WHERE round_id = $1 AND kpi_id = $2",
                )
                .bind(round_id)
                .bind(kpi_id)
                .execute(&mut *self.0)
                .await?;
            }
        }
        Ok(())
    }

    pub async fn kpi_values(&mut self, programme_id: &str) -> Result<Vec<KpiValueRow>> {
        Ok(sqlx::query_as::<_, KpiValueRow>(
            "SELECT v.round_id, v.kpi_id, v.value FROM measurement_kpi_values v \
             JOIN measurement_rounds r ON r.id = v.round_id WHERE r.programme_id = $1",
        )
        .bind(programme_id)
        .fetch_all(&mut *self.0)
        .await?)
    }
}
