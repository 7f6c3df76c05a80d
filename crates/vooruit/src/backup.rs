//! `vooruit backup` and `vooruit restore`: one tar file with what a node
//! cannot rebuild. On SQLite that is the database (a consistent copy taken
//! while the server keeps writing) and the uploaded files; on PostgreSQL
//! the uploaded files, with the database itself backed up by `pg_dump`
//! (README, "Backup and restore"). The search index and the rendered pages
//! are not in it: a node rebuilds both from the database when it starts.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use vooruit_store::{Db, DbKind};

/// The first entry of every backup: what it holds.
const MANIFEST: &str = "vooruit-backup.json";
/// The SQLite database inside the archive.
const DATABASE: &str = "vooruit.db";
/// Uploaded files, as under the data dir.
const FILES: &str = "files";
/// The server secret, when it lives in the data dir: without it the links
/// in mails already sent would stop working on the restored node.
const SECRET: &str = vooruit_app::secret::SECRET_FILE;

#[derive(Serialize, Deserialize, Debug)]
struct Manifest {
    format: u32,
    /// "sqlite" (the database is in the archive) or "postgres" (it is not).
    database: String,
    /// The newest migration of the database backed up.
    schema_version: i64,
    /// Milliseconds since 1970 when the copy of the database began.
    taken_at_ms: i64,
    files: u64,
}

/// What a backup or restore did, for the operator.
pub struct Summary {
    pub database: bool,
    pub files: u64,
}

/// Writes the backup to `to` (which must not exist). The archive appears
/// under its name only when complete, so a crash never leaves something
/// that looks like a backup and is not.
pub async fn create(
    db: &Db,
    data_dir: &Path,
    files_dir: Option<PathBuf>,
    to: &Path,
) -> anyhow::Result<Summary> {
    if to.exists() {
        bail!("{} already exists; choose a new name", to.display());
    }
    let partial = with_suffix(to, ".partial");
    let db_copy = with_suffix(to, ".db.partial");
    for leftover in [&partial, &db_copy] {
        let _ = std::fs::remove_file(leftover);
    }
    let taken_at_ms = db.clock().now_ms();
    let schema_version = db.schema_version().await?;
    let sqlite = db.kind() == DbKind::Sqlite;
    if sqlite {
        db.copy_into(&db_copy)
            .await
            .context("copying the database")?;
    }
    let to = to.to_path_buf();
    let secret = Some(data_dir.join(SECRET)).filter(|p| p.is_file());
    tokio::task::spawn_blocking(move || {
        let summary = write_archive(
            &partial,
            secret.as_deref(),
            sqlite.then_some(db_copy.as_path()),
            files_dir.as_deref(),
            Manifest {
                format: 1,
                database: if sqlite { "sqlite" } else { "postgres" }.into(),
                schema_version,
                taken_at_ms,
                files: 0,
            },
        );
        let _ = std::fs::remove_file(&db_copy);
        match summary {
            Ok(s) => {
                std::fs::rename(&partial, &to).context("naming the backup")?;
                sync_dir(&to);
                Ok(s)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                Err(e)
            }
        }
    })
    .await?
}

fn write_archive(
    path: &Path,
    secret: Option<&Path>,
    database: Option<&Path>,
    files_dir: Option<&Path>,
    mut manifest: Manifest,
) -> anyhow::Result<Summary> {
    let files = files_dir.map(count_files).transpose()?.unwrap_or(0);
    manifest.files = files;
    let out = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut tar = tar::Builder::new(out);
    tar.mode(tar::HeaderMode::Complete);
    let json = serde_json::to_vec_pretty(&manifest)?;
    let mut header = tar::Header::new_gnu();
    header.set_size(json.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    tar.append_data(&mut header, MANIFEST, json.as_slice())?;
    if let Some(secret) = secret {
        tar.append_path_with_name(secret, SECRET)
            .context("adding the secret")?;
    }
    if let Some(db) = database {
        tar.append_path_with_name(db, DATABASE)
            .context("adding the database")?;
    }
    if let Some(dir) = files_dir.filter(|d| d.is_dir()) {
        tar.append_dir_all(FILES, dir)
            .context("adding the uploaded files")?;
    }
    let mut out = tar.into_inner()?;
    out.flush()?;
    out.sync_all()?;
    Ok(Summary {
        database: database.is_some(),
        files,
    })
}

/// Unpacks a backup into an empty data dir: the database to `sqlite_path`
/// (None on PostgreSQL, whose database comes back with `pg_restore`) and
/// the uploaded files to `files/` in the data dir (unless `local_files` is
/// false: they live in S3).
pub fn restore(
    from: &Path,
    data_dir: &Path,
    sqlite_path: Option<&Path>,
    local_files: bool,
) -> anyhow::Result<Summary> {
    if let Some(db) = sqlite_path
        && db.exists()
    {
        bail!(
            "{} already exists: restore goes into an empty data dir",
            db.display()
        );
    }
    for busy in [data_dir.join("search"), data_dir.join(FILES)] {
        if std::fs::read_dir(&busy).is_ok_and(|mut d| d.next().is_some()) {
            bail!(
                "{} is not empty: restore goes into an empty data dir",
                busy.display()
            );
        }
    }
    let mut archive =
        tar::Archive::new(File::open(from).with_context(|| format!("opening {}", from.display()))?);
    let mut entries = archive.entries()?;
    let manifest: Manifest = {
        let mut first = entries.next().transpose()?.context("the backup is empty")?;
        if first.path()?.as_ref() != Path::new(MANIFEST) {
            bail!("{} is not a Vooruit backup", from.display());
        }
        let mut json = String::new();
        first.read_to_string(&mut json)?;
        serde_json::from_str(&json).context("reading the backup's manifest")?
    };
    if manifest.format != 1 {
        bail!(
            "backup format {} is newer than this release",
            manifest.format
        );
    }
    match (manifest.database.as_str(), sqlite_path) {
        ("sqlite", None) => {
            bail!("this backup holds a SQLite database, but the data dir is set up for PostgreSQL")
        }
        ("postgres", Some(_)) => bail!(
            "this backup was taken on PostgreSQL and holds no database: restore that with pg_restore, and set VOORUIT_DATABASE_URL"
        ),
        _ => {}
    }
    let mut database = false;
    let mut files = 0;
    for entry in entries {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        if path == Path::new(DATABASE) {
            let target = sqlite_path.context("a database in a backup without one")?;
            let partial = with_suffix(target, ".partial");
            entry.unpack(&partial)?;
            File::open(&partial)?.sync_all()?;
            std::fs::rename(&partial, target)?;
            database = true;
        } else if path == Path::new(SECRET) {
            entry.unpack(data_dir.join(SECRET))?;
        } else if path.starts_with(FILES) && local_files {
            // `unpack_in` refuses paths that would leave the data dir.
            if entry.unpack_in(data_dir)? && entry.header().entry_type().is_file() {
                files += 1;
            }
        }
    }
    if manifest.database == "sqlite" && !database {
        bail!("the backup has no database in it");
    }
    sync_dir(data_dir);
    Ok(Summary { database, files })
}

fn count_files(dir: &Path) -> anyhow::Result<u64> {
    let mut n = 0;
    if !dir.is_dir() {
        return Ok(0);
    }
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        let kind = item.file_type()?;
        if kind.is_dir() {
            n += count_files(&item.path())?;
        } else if kind.is_file() {
            n += 1;
        }
    }
    Ok(n)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Makes a rename in `path`'s directory survive a power cut.
fn sync_dir(path: &Path) {
    let dir = if path.is_dir() {
        Some(path)
    } else {
        path.parent()
    };
    if let Some(dir) = dir.filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
}
