//! The facilitator workspace under `/manage`: sign-in, consultations, the survey builder,
//! responses, charts, accounts and the audit log. The server enforces every permission;
//! these pages only hide what it would refuse.

pub mod audit;
pub mod builder;
pub mod charts;
pub mod consultation;
pub mod dashboard;
pub mod events;
pub mod responses;
pub mod safeguarding;
pub mod said_did;
pub mod session;
pub mod summary;
pub mod themes;
pub mod translate;
pub mod users;
