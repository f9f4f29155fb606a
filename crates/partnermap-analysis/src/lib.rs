//! Analyses over a coalition's partner network: organizations are nodes, partnerships are edges.
//!
//! [`metrics`] holds the pure network metrics (centralities, structural holes, brokerage,
//! communities); it takes its own compact [`metrics::Network`] so it can be used and tested alone.
pub mod metrics;
