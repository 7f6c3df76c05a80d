//! One page of a list, shared by every feature's lists.

use serde::Serialize;
use utoipa::ToSchema;

/// List items per page, unless a list says otherwise.
pub const PAGE_SIZE: i64 = 20;

/// One page of a list, with what is needed to draw the pager.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub pages: i64,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, total: i64, page: i64, per_page: i64) -> Page<T> {
        Page {
            items,
            total,
            page,
            per_page,
            pages: ((total + per_page - 1) / per_page).max(1),
        }
    }
}

/// The highest page number a list accepts.
pub const MAX_PAGE: i64 = 100_000;

/// The page number (from 1; nonsense becomes 1) and the row offset.
pub fn offset(page: i64, per_page: i64) -> (i64, i64) {
    let page = page.clamp(1, MAX_PAGE);
    (page, (page - 1) * per_page)
}
