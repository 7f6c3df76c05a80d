use vooruit_domain::FieldErrors;
use vooruit_domain::IllegalTransition;
use vooruit_store::StoreError;

/// The one error type of the use cases. Every variant but `Internal` carries
/// what the user needs to know; the web layer renders it as an HTML page or an
/// RFC 9457 problem document, with the message translated.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("login required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    /// The request is fine but the current state refuses it; the key names
    /// the translated message.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("too many attempts")]
    TooManyRequests,
    /// The address exists, but not for this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Logged in full, shown to the user only as "something went wrong".
    #[error("internal: {0}")]
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// A validation error on a single field.
    pub fn field(field: &str, key: &'static str) -> AppError {
        let mut e = FieldErrors::new();
        e.add(field, key);
        AppError::Validation(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<IllegalTransition> for AppError {
    fn from(_: IllegalTransition) -> Self {
        AppError::Conflict("error-illegal-transition")
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Validation(e)
    }
}
