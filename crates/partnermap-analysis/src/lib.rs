//! partnermap-analysis: coverage and gaps, brokers, network metrics and invite planning.
//! Pure functions over the core model; no I/O, no printing, no DOT.

pub mod coverage;
pub mod introductions;
pub mod invite;
