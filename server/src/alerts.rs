//! Telling safeguarding leads at once when an answer or note is held for them.
//!
//! Every lead on a consultation is emailed within a minute of something being held there
//! (or every lead, when its team names none, so nothing goes unseen). The email carries
//! none of the answer's words: only that something needs review, where, and a link.
//!
//! What needs telling is worked out from what is held, each round, against a record of
//! which lead was told about which item: a crash, a restart or a mail server that is down
//! loses nothing, and nothing here ever makes a participant wait. Without mail settings
//! the workspace's count is the only alert.

use crate::storage::{Held, StorageError, Store};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tellus_core::account::Role;
use thiserror::Error;
use tokio::sync::Notify;

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Security {
    /// Plain SMTP (a relay on the same machine or network).
    None,
    /// Upgrade with STARTTLS (usually port 587).
    Starttls,
    /// TLS from the start (usually port 465).
    Tls,
}

/// Where and how to send email.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub from: String,
    /// From `TELLUS_SMTP_USERNAME` and `TELLUS_SMTP_PASSWORD`.
    pub credentials: Option<(String, String)>,
    /// Time between rounds when nothing wakes the service, and so between retries.
    pub retry: Duration,
}

/// Why alerts could not be set up or sent.
#[derive(Debug, Error)]
pub enum AlertError {
    #[error("the sender address {0:?} is not an email address")]
    Sender(String),
    #[error("could not reach the mail server: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("could not write the email: {0}")]
    Message(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The alert service's handle: wake it when something is held.
pub struct Alerts {
    wake: Notify,
    mail: Option<Mailer>,
    /// The address people use to reach Tellus, for links in emails.
    public_url: String,
    /// Time between rounds when nothing wakes it (and so between retries).
    every: Duration,
}

struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Alerts {
    /// Alerts by the workspace's count only: no email.
    pub fn badge_only() -> Arc<Alerts> {
        Arc::new(Alerts {
            wake: Notify::new(),
            mail: None,
            public_url: String::new(),
            every: Duration::from_secs(30),
        })
    }

    /// Alerts by email too, through the server `settings` describe.
    pub fn by_email(settings: &MailSettings, public_url: &str) -> Result<Arc<Alerts>, AlertError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|_| AlertError::Sender(settings.from.clone()))?;
        let builder = match settings.security {
            Security::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            Security::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)?
            }
            Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(Duration::from_secs(10)));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Arc::new(Alerts {
            wake: Notify::new(),
            mail: Some(Mailer {
                transport: builder.build(),
                from,
            }),
            public_url: public_url.trim_end_matches('/').to_string(),
            every: settings.retry,
        }))
    }

    /// Whether leads are emailed.
    pub fn emails(&self) -> bool {
        self.mail.is_some()
    }

    /// Something was held: look now rather than at the next round.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Runs for as long as the server does: a round now, then on every wake and at least
    /// every `every`.
    pub async fn run(self: Arc<Self>, store: Store) {
        if self.mail.is_none() {
            return;
        }
        loop {
            if let Err(e) = self.round(&store).await {
                tracing::warn!(error = %e, retry_in_seconds = self.every.as_secs(), "could not email safeguarding leads yet; will try again");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.every) => {}
            }
        }
    }

    /// Emails each lead about what they have not been told of, one email per
    /// consultation; marks it told only once the mail server has accepted the email.
    pub async fn round(&self, store: &Store) -> Result<usize, AlertError> {
        let Some(mailer) = &self.mail else {
            return Ok(0);
        };
        let held = store.held_items()?;
        store.forget_alerts_except(&held)?;
        let leads: Vec<String> = store
            .users()?
            .into_iter()
            .filter(|u| u.role == Role::SafeguardingLead)
            .map(|u| u.email)
            .collect();
        let consultations = store.consultations()?;
        // (lead, consultation id) -> items to tell them about
        let mut due: BTreeMap<(String, String), Vec<&Held>> = BTreeMap::new();
        for item in &held {
            let Some(c) = consultations.iter().find(|c| c.id == item.consultation_id) else {
                continue;
            };
            let on_team: Vec<&String> = leads.iter().filter(|l| c.team.contains(l)).collect();
            let recipients = if on_team.is_empty() {
                leads.iter().collect()
            } else {
                on_team
            };
            for lead in recipients {
                if !store.alerted(lead, &item.key)? {
                    due.entry((lead.clone(), c.id.clone()))
                        .or_default()
                        .push(item);
                }
            }
        }
        let mut sent = 0;
        let mut failure = None;
        for ((lead, consultation_id), items) in due {
            let title = consultations
                .iter()
                .find(|c| c.id == consultation_id)
                .map(|c| c.title.as_str())
                .unwrap_or_default();
            let message = self.message(mailer, &lead, title, items.len())?;
            match mailer.transport.send(message).await {
                Ok(_) => {
                    let keys: Vec<String> = items.iter().map(|i| i.key.clone()).collect();
                    store.mark_alerted(&lead, &keys)?;
                    sent += 1;
                }
                Err(e) => failure = Some(e),
            }
        }
        match failure {
            Some(e) => Err(e.into()),
            None => Ok(sent),
        }
    }

    /// The email: how many are waiting and where, never what they say.
    fn message(
        &self,
        mailer: &Mailer,
        lead: &str,
        consultation: &str,
        count: usize,
    ) -> Result<Message, AlertError> {
        let to: Mailbox = lead
            .parse()
            .map_err(|_| AlertError::Message(format!("{lead} is not an email address")))?;
        let what = match count {
            1 => "an answer needs".to_string(),
            n => format!("{n} answers or notes need"),
        };
        let mut opening = what.clone();
        opening[..1].make_ascii_uppercase();
        let body = format!(
            "{opening} a safeguarding review in \u{201c}{consultation}\u{201d}.\n\n\
             Review it in Tellus: {}/manage/safeguarding\n\n\
             For the participant's privacy this email does not say what was written. \
             You are receiving it because you are a safeguarding lead for this consultation.\n",
            self.public_url
        );
        Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject(format!("Tellus: {what} a safeguarding review"))
            .body(body)
            .map_err(|e| AlertError::Message(e.to_string()))
    }
}
