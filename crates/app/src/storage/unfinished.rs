//! Unfinished multipart uploads on an S3 store. A file goes into S3 in
//! parts; a node that crashes halfway leaves the parts it sent, unseen by
//! listings but stored (and paid for) until the upload is aborted. The
//! sweeper lists the uploads under our prefix and aborts those older than
//! the age it is given. object_store signs the requests (presigned URLs),
//! so this works with every credential source it supports.

use std::sync::Arc;
use std::time::Duration;

use object_store::aws::AmazonS3;
use object_store::path::Path as Key;
use object_store::signer::{SignedUrlOptions, Signer};
use serde::Deserialize;

use crate::{AppError, AppResult};

/// What `GET /?uploads` answers (the parts we need).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ListMultipartUploadsResult {
    #[serde(default)]
    upload: Vec<Upload>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Upload {
    key: String,
    upload_id: String,
    /// RFC 3339.
    initiated: String,
}

/// The S3 store under the prefix store, for what object_store has no call
/// for.
pub(super) struct S3Uploads {
    pub store: Arc<AmazonS3>,
    /// Our keys start with this (`prefix/`, or empty).
    pub prefix: String,
}

/// How long a presigned request stays valid: it is used at once.
const VALID_FOR: Duration = Duration::from_secs(300);

fn failed(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("storage: unfinished uploads: {e}"))
}

impl S3Uploads {
    /// Aborts our uploads started more than `age` ago; returns how many.
    /// One page of the listing (1,000 uploads) a run: the sweeper runs
    /// every ten minutes.
    pub async fn sweep(&self, age: Duration, now_ms: i64) -> AppResult<usize> {
        let client = reqwest_s3::Client::new();
        let list = self
            .store
            .signed_url_opts(
                http::Method::GET,
                &Key::from(""),
                VALID_FOR,
                &SignedUrlOptions::new()
                    .with_query([("uploads", ""), ("prefix", self.prefix.as_str())]),
            )
            .await
            .map_err(failed)?;
        let response = client.get(list).send().await.map_err(failed)?;
        if !response.status().is_success() {
            return Err(failed(response.status()));
        }
        let body = response.text().await.map_err(failed)?;
        let listed: ListMultipartUploadsResult = quick_xml::de::from_str(&body).map_err(failed)?;
        let cutoff = now_ms - i64::try_from(age.as_millis()).unwrap_or(i64::MAX);
        let mut aborted = 0;
        for upload in listed.upload {
            let started = chrono::DateTime::parse_from_rfc3339(&upload.initiated)
                .map(|t| t.timestamp_millis())
                .unwrap_or(i64::MAX);
            if started >= cutoff || !upload.key.starts_with(&self.prefix) {
                continue;
            }
            let abort = self
                .store
                .signed_url_opts(
                    http::Method::DELETE,
                    &Key::from(upload.key.as_str()),
                    VALID_FOR,
                    &SignedUrlOptions::new().with_query([("uploadId", upload.upload_id.as_str())]),
                )
                .await
                .map_err(failed)?;
            let done = client.delete(abort).send().await.map_err(failed)?;
            if done.status().is_success() || done.status() == http::StatusCode::NOT_FOUND {
                aborted += 1;
            } else {
                tracing::warn!(key = %upload.key, status = %done.status(), "could not abort an unfinished upload");
            }
        }
        Ok(aborted)
    }
}
