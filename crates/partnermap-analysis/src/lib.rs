//! partnermap-analysis: coverage and gaps, brokers, network metrics and invite planning.
//! Pure functions over the core model; no I/O, no printing, no DOT.
//!
//! [`metrics`] holds the pure network metrics (centralities, structural holes, brokerage,
//! communities) over its own compact [`metrics::Network`], so it can be used and tested alone;
//! the other modules work on the coalition model.

pub mod brokers;
pub mod coverage;
pub mod diff;
pub mod introductions;
pub mod invite;
pub mod metrics;
pub mod quality;
pub mod trend;
