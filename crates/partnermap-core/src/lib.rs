//! partnermap-core owns the model of a coalition's partner network and everything needed to
//! get one into memory: the worksheet vocabulary with aliases, loading and validating the input
//! formats (project folder, canonical JSON, bare edge list), writing them back, and the graph of
//! organizations, populations, domains and assets.
//!
//! It must not analyse (that is `partnermap-analysis`), draw (`partnermap-render`) or talk to a
//! terminal (`partnermap-cli`). Errors are typed; loading reports every problem at once.
//!
//! ```
//! use partnermap_core::load::from_json_str;
//! let json = r#"{"name": "Demo", "organizations": [
//!     {"id": "a", "name": "A", "type": "american-job-center", "populations": ["PWD"]},
//!     {"id": "b", "name": "B", "type": "employment-network"}],
//!   "partnerships": [{"source": "a", "target": "b", "kind": "co-enrollment", "strength": 3}]}"#;
//! let loaded = from_json_str("demo.json", json).unwrap();
//! assert_eq!(loaded.coalition.organizations[0].populations, ["people-with-disabilities"]);
//! ```

pub mod diagnostic;
pub mod fields;
pub mod graph;
pub mod load;
pub mod lookup;
pub mod model;
pub mod progress;
pub mod vocabulary;
pub mod worksheet;
pub mod write;

pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use graph::Landscape;
pub use load::{load, load_as, load_paths, Loaded, Reading};
pub use lookup::LookupError;
pub use model::{Coalition, Organization, OrganizationType, Partnership, PartnershipKind, Status};
pub use vocabulary::{TermKind, Vocabulary};
