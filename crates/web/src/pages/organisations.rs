//! Organisations: the administrators' list, an organisation's own page.

use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
}
