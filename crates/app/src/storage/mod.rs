//! Where uploaded files live: an `object_store` (a directory under the data
//! dir, `files/`, or an S3-compatible store when `storage_url` is
//! `s3://bucket/prefix`), and a directory for uploads on their way in
//! (`<data-dir>/uploads/`, always local). An upload is written to a temporary file there first, so
//! its content can be checked (a PDF must open) before it is stored, and a
//! refused or broken upload leaves nothing in storage. Temporary files
//! remove themselves when dropped; what a crash leaves is swept.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::prefix::PrefixStore;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, WriteMultipart};
use tokio::io::AsyncReadExt;

use crate::{AppError, AppResult};

mod unfinished;

/// Pieces of this size go to storage one after the other: memory use per
/// upload stays at a few of these, whatever the file's size.
const PART: usize = 5 * 1024 * 1024;

pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// The directory of the local store, read directly (see `read`).
    local: Option<PathBuf>,
    uploads: PathBuf,
    /// On S3: what the sweeper needs to abort unfinished uploads.
    s3_uploads: Option<unfinished::S3Uploads>,
}

/// Pieces of a file read from the local store: a 1 MiB range (what PDF
/// viewers and download managers ask) is one read and one write (256 KiB
/// pieces served 0.91 of nginx, 1 MiB pieces 1.0; docs/PERFORMANCE.md),
/// and 64 downloads at once hold 64 MiB.
const READ_PIECE: usize = 1024 * 1024;

impl Storage {
    /// The store `url` names (`s3://bucket/prefix`, with the credentials,
    /// region and endpoint from the usual `AWS_*` variables), or without
    /// one the directory `files/` under `data_dir`.
    pub fn open(data_dir: &Path, url: Option<&str>) -> AppResult<Storage> {
        let uploads = data_dir.join("uploads");
        std::fs::create_dir_all(&uploads).map_err(|e| storage_error(&e))?;
        let (store, local, s3_uploads): (Arc<dyn ObjectStore>, _, _) = match url {
            Some(url) => {
                let (store, uploads) = s3(url)?;
                (store, None, Some(uploads))
            }
            None => {
                let files = data_dir.join("files");
                std::fs::create_dir_all(&files).map_err(|e| storage_error(&e))?;
                let store =
                    LocalFileSystem::new_with_prefix(&files).map_err(|e| storage_error(&e))?;
                (Arc::new(store), Some(files), None)
            }
        };
        Ok(Storage {
            store,
            local,
            uploads,
            s3_uploads,
        })
    }

    /// Where uploads (and other files made on the way in) wait; swept.
    pub fn uploads_dir(&self) -> &Path {
        &self.uploads
    }

    /// A new temporary file for an upload on its way in.
    pub async fn temp_file(&self) -> AppResult<TempUpload> {
        let path = self.uploads.join(format!(
            "upload-{}",
            hex::encode(rand::random::<[u8; 16]>())
        ));
        let file = tokio::fs::File::create(&path)
            .await
            .map_err(|e| storage_error(&e))?;
        Ok(TempUpload {
            path,
            file: Some(file),
        })
    }

    /// Copies a checked upload into storage under `key`, piece by piece.
    pub async fn put_file(&self, key: &str, from: &Path) -> AppResult<()> {
        let key = Key::from(key);
        let upload = self
            .store
            .put_multipart(&key)
            .await
            .map_err(|e| storage_error(&e))?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART);
        let mut file = tokio::fs::File::open(from)
            .await
            .map_err(|e| storage_error(&e))?;
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = match file.read(&mut buf).await {
                Ok(n) => n,
                Err(e) => {
                    let _ = writer.abort().await;
                    return Err(storage_error(&e));
                }
            };
            if n == 0 {
                break;
            }
            writer.write(&buf[..n]);
            if let Err(e) = writer.wait_for_capacity(2).await {
                return Err(storage_error(&e));
            }
        }
        writer.finish().await.map_err(|e| storage_error(&e))?;
        Ok(())
    }

    /// The size of a stored file.
    pub async fn size(&self, key: &str) -> AppResult<u64> {
        let meta = self
            .store
            .head(&Key::from(key))
            .await
            .map_err(|e| not_found_or(&e))?;
        Ok(meta.size)
    }

    /// A stored file, or the bytes `range` of it, as a stream: never whole
    /// in memory.
    pub async fn read(
        &self,
        key: &str,
        range: Option<Range<u64>>,
    ) -> AppResult<BoxStream<'static, std::io::Result<Bytes>>> {
        if let Some(path) = self.local_path(key) {
            return read_local(path, range).await;
        }
        let options = GetOptions {
            range: range.map(GetRange::Bounded),
            ..Default::default()
        };
        let got = self
            .store
            .get_opts(&Key::from(key), options)
            .await
            .map_err(|e| not_found_or(&e))?;
        Ok(got.into_stream().map_err(std::io::Error::other).boxed())
    }

    /// Where the local store keeps `key` (our keys are plain names with
    /// slashes; anything else is never read from disk).
    fn local_path(&self, key: &str) -> Option<PathBuf> {
        let plain = key.split('/').all(|part| {
            !part.is_empty()
                && part != ".."
                && part != "."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        });
        self.local
            .as_ref()
            .filter(|_| plain)
            .map(|dir| dir.join(key))
    }

    /// Removes a stored file; one that is already gone is fine.
    pub async fn delete(&self, key: &str) -> AppResult<()> {
        match self.store.delete(&Key::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(storage_error(&e)),
        }
    }

    /// On S3, aborts the multipart uploads under our prefix started more
    /// than `age` before `now_ms` (a crash in the middle of a copy leaves
    /// one); returns how many. Nothing to do on local storage.
    pub async fn sweep_unfinished(&self, age: Duration, now_ms: i64) -> AppResult<usize> {
        match &self.s3_uploads {
            Some(s3) => s3.sweep(age, now_ms).await,
            None => Ok(0),
        }
    }

    /// Removes temporary upload files older than `age` (left by a crash);
    /// returns how many.
    pub fn sweep_uploads(&self, age: Duration) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.uploads) else {
            return 0;
        };
        let cutoff = SystemTime::now() - age;
        let mut removed = 0;
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < cutoff);
            if old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// Stores a small file made in memory (a resized picture).
    pub async fn put_bytes(&self, key: &str, bytes: Vec<u8>) -> AppResult<()> {
        self.store
            .put(&Key::from(key), bytes.into())
            .await
            .map_err(|e| storage_error(&e))?;
        Ok(())
    }

    /// A small stored file, whole (a resized picture; never a PDF or media).
    pub async fn get_bytes(&self, key: &str) -> AppResult<Bytes> {
        let got = self
            .store
            .get(&Key::from(key))
            .await
            .map_err(|e| not_found_or(&e))?;
        got.bytes().await.map_err(|e| storage_error(&e))
    }
}

/// A file of the local store, or a range of it, in `READ_PIECE` pieces.
///
/// Read with `pread` on the task's own thread, not on tokio's blocking
/// pool: a piece of a file in the page cache is a copy of a few dozen
/// microseconds, and under 64 downloads at once the pool grew to dozens of
/// threads whose allocators each kept freed pieces (1.6 GB for a 100 MB
/// file, against a flat few MiB this way).
async fn read_local(
    path: PathBuf,
    range: Option<Range<u64>>,
) -> AppResult<BoxStream<'static, std::io::Result<Bytes>>> {
    use std::os::unix::fs::FileExt;
    let file = std::fs::File::open(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => AppError::NotFound,
        _ => storage_error(&e),
    })?;
    let size = file.metadata().map_err(|e| storage_error(&e))?.len();
    let range = range.unwrap_or(0..size);
    let end = range.end.min(size);
    let stream =
        futures_util::stream::try_unfold((file, range.start), move |(file, at)| async move {
            if at >= end {
                return Ok(None);
            }
            let want = usize::try_from(end - at)
                .unwrap_or(usize::MAX)
                .min(READ_PIECE);
            let mut buf = vec![0u8; want];
            let n = file.read_at(&mut buf, at)?;
            if n == 0 {
                return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
            }
            buf.truncate(n);
            Ok(Some((Bytes::from(buf), (file, at + n as u64))))
        });
    Ok(stream.boxed())
}

/// An S3-compatible store from `s3://bucket/prefix`.
fn s3(url: &str) -> AppResult<(Arc<dyn ObjectStore>, unfinished::S3Uploads)> {
    init_tls();
    let rest = url
        .strip_prefix("s3://")
        .ok_or_else(|| AppError::Internal(format!("storage: {url} is not s3://bucket/prefix")))?;
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    let store = AmazonS3Builder::from_env()
        .with_bucket_name(bucket)
        .build()
        .map_err(|e| storage_error(&e))?;
    let store = Arc::new(store);
    let prefix = prefix.trim_matches('/');
    let uploads = unfinished::S3Uploads {
        store: Arc::clone(&store),
        prefix: if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        },
    };
    let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
        store
    } else {
        Arc::new(PrefixStore::new(Arc::clone(&store), prefix))
    };
    Ok((store, uploads))
}

/// rustls needs one crypto provider for the process: ring (already used by
/// the database and mail connections). Installing it twice is harmless.
pub fn init_tls() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// An upload on its way in: removed when dropped, so every way out of a
/// request (a refusal, an error, a broken connection) cleans up.
pub struct TempUpload {
    path: PathBuf,
    file: Option<tokio::fs::File>,
}

impl TempUpload {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends a piece of the upload.
    pub async fn write(&mut self, bytes: &[u8]) -> AppResult<()> {
        use tokio::io::AsyncWriteExt;
        let file = self.file.as_mut().ok_or_else(closed)?;
        file.write_all(bytes).await.map_err(|e| storage_error(&e))
    }

    /// Flushes the whole upload to disk; after this it can be read.
    pub async fn finish(&mut self) -> AppResult<()> {
        let file = self.file.take().ok_or_else(closed)?;
        file.sync_all().await.map_err(|e| storage_error(&e))
    }
}

impl Drop for TempUpload {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn closed() -> AppError {
    AppError::Internal("upload already finished".into())
}

fn storage_error(e: &dyn std::fmt::Display) -> AppError {
    AppError::Internal(format!("storage: {e}"))
}

fn not_found_or(e: &object_store::Error) -> AppError {
    match e {
        object_store::Error::NotFound { .. } => AppError::NotFound,
        _ => storage_error(e),
    }
}
