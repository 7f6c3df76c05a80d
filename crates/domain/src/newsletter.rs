//! Newsletter subscribers: where a subscription stands and how it moves.

use crate::state::IllegalTransition;

crate::string_enum!(
    /// Where a subscription stands.
    pub enum SubscriberStatus {
        /// Signed up; the confirmation link has not been followed yet.
        Pending = "onbevestigd",
        /// Confirmed: gets the newsletter.
        Confirmed = "bevestigd",
        /// Unsubscribed: gets nothing.
        Unsubscribed = "afgemeld",
    }
);

impl SubscriberStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "subscriber",
            from: self.as_str(),
            action,
        }
    }

    /// Signing up (again): a new confirmation link. A confirmed subscriber
    /// stays as they are.
    pub fn sign_up(self) -> Result<SubscriberStatus, IllegalTransition> {
        match self {
            SubscriberStatus::Pending | SubscriberStatus::Unsubscribed => {
                Ok(SubscriberStatus::Pending)
            }
            SubscriberStatus::Confirmed => Err(self.illegal("sign_up")),
        }
    }

    /// Following the confirmation link.
    pub fn confirm(self) -> Result<SubscriberStatus, IllegalTransition> {
        match self {
            SubscriberStatus::Pending => Ok(SubscriberStatus::Confirmed),
            other => Err(other.illegal("confirm")),
        }
    }

    /// Leaving, from any other state.
    pub fn unsubscribe(self) -> Result<SubscriberStatus, IllegalTransition> {
        match self {
            SubscriberStatus::Unsubscribed => Err(self.illegal("unsubscribe")),
            _ => Ok(SubscriberStatus::Unsubscribed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SubscriberStatus as S;

    #[test]
    fn subscriptions_move_as_double_opt_in_says() {
        assert_eq!(S::Pending.confirm(), Ok(S::Confirmed));
        assert!(S::Confirmed.confirm().is_err());
        assert!(
            S::Unsubscribed.confirm().is_err(),
            "an old link cannot revive it"
        );
        assert_eq!(S::Unsubscribed.sign_up(), Ok(S::Pending));
        assert!(S::Confirmed.sign_up().is_err());
        assert_eq!(S::Confirmed.unsubscribe(), Ok(S::Unsubscribed));
        assert_eq!(S::Pending.unsubscribe(), Ok(S::Unsubscribed));
        assert!(S::Unsubscribed.unsubscribe().is_err());
    }
}
