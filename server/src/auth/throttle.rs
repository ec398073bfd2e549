//! Sign-in throttling: a few failures per account and per address, then a wait.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// Failed sign-ins remembered over a sliding window.
pub struct Throttle {
    window: u64,
    per_account: usize,
    per_address: usize,
    failures: Mutex<HashMap<String, VecDeque<u64>>>,
}

impl Default for Throttle {
    /// 5 failures per account and 20 per address in 15 minutes.
    fn default() -> Self {
        Throttle::new(15 * 60, 5, 20)
    }
}

impl Throttle {
    /// A throttle allowing `per_account` and `per_address` failures per `window` seconds.
    pub fn new(window: u64, per_account: usize, per_address: usize) -> Self {
        Throttle {
            window,
            per_account,
            per_address,
            failures: Mutex::default(),
        }
    }

    fn keys(account: &str, address: Option<&str>) -> [(String, bool); 2] {
        [
            (format!("account:{account}"), true),
            (format!("address:{}", address.unwrap_or("unknown")), false),
        ]
    }

    /// `Err(seconds to wait)` when the account or address has failed too often lately.
    pub fn check(&self, account: &str, address: Option<&str>, now: u64) -> Result<(), u64> {
        let mut failures = self
            .failures
            .lock()
            .expect("throttle lock is never poisoned");
        let mut wait = 0;
        for (key, is_account) in Self::keys(account, address) {
            let Some(times) = failures.get_mut(&key) else {
                continue;
            };
            while times.front().is_some_and(|&t| t + self.window <= now) {
                times.pop_front();
            }
            let limit = if is_account {
                self.per_account
            } else {
                self.per_address
            };
            if times.len() >= limit {
                let oldest = *times.front().expect("non-empty when over the limit");
                wait = wait.max(oldest + self.window - now);
            }
        }
        if wait == 0 { Ok(()) } else { Err(wait) }
    }

    /// Records a failed sign-in.
    pub fn fail(&self, account: &str, address: Option<&str>, now: u64) {
        let mut failures = self
            .failures
            .lock()
            .expect("throttle lock is never poisoned");
        for (key, _) in Self::keys(account, address) {
            failures.entry(key).or_default().push_back(now);
        }
        // Forget keys with nothing recent, so a flood of addresses cannot grow this forever.
        if failures.len() > 10_000 {
            failures.retain(|_, times| times.back().is_some_and(|&t| t + self.window > now));
        }
    }

    /// A successful sign-in clears the account's failures (not the address's).
    pub fn succeed(&self, account: &str) {
        self.failures
            .lock()
            .expect("throttle lock is never poisoned")
            .remove(&format!("account:{account}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_and_addresses_are_limited_separately() {
        let t = Throttle::new(100, 2, 3);
        t.fail("a", Some("1.1.1.1"), 0);
        assert_eq!(t.check("a", Some("1.1.1.1"), 1), Ok(()));
        t.fail("a", Some("1.1.1.1"), 10);
        assert_eq!(
            t.check("a", Some("2.2.2.2"), 20),
            Err(80),
            "the account is locked from anywhere"
        );
        assert_eq!(t.check("b", Some("1.1.1.1"), 20), Ok(()));
        t.fail("b", Some("1.1.1.1"), 20);
        assert_eq!(
            t.check("c", Some("1.1.1.1"), 30),
            Err(70),
            "the address is locked for every account"
        );
        assert_eq!(
            t.check("a", Some("2.2.2.2"), 100),
            Ok(()),
            "the window slides"
        );
        t.succeed("b");
        assert_eq!(t.check("b", Some("3.3.3.3"), 30), Ok(()));
    }
}
