//! partnermap-analysis: coverage and gaps, brokers, network metrics and invite planning; pure
//! functions over the core model; no I/O.

pub mod coverage;
