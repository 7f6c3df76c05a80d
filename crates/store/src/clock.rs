//! The one clock every use case reads time from. In production it is the
//! system clock. In test mode (`VOORUIT_MODE=test`) a test can move it
//! forward, so "three months later" is a call, not a sleep.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Milliseconds added to the system time; only a test clock has one.
    offset: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock; it cannot be moved.
    pub fn system() -> Clock {
        Clock { offset: None }
    }

    /// A clock that tests can move forward (test mode only).
    pub fn movable() -> Clock {
        Clock {
            offset: Some(Arc::new(AtomicI64::new(0))),
        }
    }

    pub fn is_movable(&self) -> bool {
        self.offset.is_some()
    }

    /// Milliseconds since the unix epoch, UTC: the one time format in the
    /// database.
    pub fn now_ms(&self) -> i64 {
        let offset = self
            .offset
            .as_ref()
            .map_or(0, |o| o.load(Ordering::Relaxed));
        chrono::Utc::now().timestamp_millis() + offset
    }

    /// Moves a test clock forward (never back: time that went backwards
    /// would make expired things valid again). Returns the new time, or
    /// None for the system clock.
    pub fn advance(&self, ms: i64) -> Option<i64> {
        let offset = self.offset.as_ref()?;
        offset.fetch_add(ms.max(0), Ordering::Relaxed);
        Some(self.now_ms())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_movable_clock_moves_and_never_backwards() {
        let system = Clock::system();
        assert_eq!(system.advance(1000), None);
        let clock = Clock::movable();
        let before = clock.now_ms();
        let day = 24 * 3600 * 1000;
        let after = clock.advance(90 * day).expect("movable");
        assert!(after - before >= 90 * day, "{before} {after}");
        let again = clock.advance(-10 * day).expect("movable");
        assert!(again >= after, "moved backwards");
    }
}
