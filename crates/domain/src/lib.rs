//! Pure types and rules of Vooruit. Nothing here does IO, so every rule can be
//! tested on its own and shared by the store, the use cases and the web layer.

pub mod account;
pub mod content_type;
pub mod dilemma;
pub mod edition;
pub mod event;
pub mod experiment;
pub mod group;
pub mod guide;
pub mod lang;
pub mod magazine;
pub mod measurement;
pub mod newsletter;
pub mod organisation;
pub mod podcast;
pub mod publication;
pub mod retrospective;
pub mod slug;
pub mod state;
pub mod story;
pub mod synonym;
pub mod taxonomy;
pub mod validation;
pub mod video;

pub use state::{IllegalTransition, UnknownValue};
pub use validation::{FieldErrors, ValidationResult};
