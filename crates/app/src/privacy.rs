//! The AVG (GDPR) rights of a member. Access: everything stored about
//! them, table by table (`store::personal_data`), as JSON and as a page.
//! (Deleting an account comes with issue 21's next part.)

pub use vooruit_store::personal_data::TableData;

use crate::accounts::User;
use crate::{App, AppResult};

impl App {
    /// What is stored about the signed-in member: their account and every
    /// row that names them by id or by e-mail address.
    pub async fn personal_data(&self, user: &User) -> AppResult<Vec<TableData>> {
        let mut conn = self.read().await?;
        Ok(conn.personal_data(&user.id, &user.email).await?)
    }
}
