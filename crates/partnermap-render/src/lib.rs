//! partnermap-render draws a coalition's partner network as Graphviz maps people can put on a
//! slide or a wall: organizations coloured by type, outlined by status, partnerships drawn by
//! kind and strength, with a key and a dated title on every map.
//!
//! It is the only crate that knows DOT. It owns choosing what each view shows, the visual
//! encoding, escaping, the legend and running Graphviz's `dot` program. It must not analyse:
//! centrality, brokers, coverage and paths arrive ready-made in [`Annotations`], computed by
//! the caller. It must not talk to a terminal either; failures are typed [`RenderError`]s.
//!
//! The same input always gives byte-identical DOT, so maps can be diffed and kept in git.
//!
//! ```
//! use partnermap_core::{Coalition, Landscape, Organization, OrganizationType, Partnership, PartnershipKind};
//! use partnermap_render::{to_dot, Annotations, MapOptions, View};
//! let mut coalition = Coalition::new("Demo");
//! coalition.organizations.push(Organization::new("a", "Job Center", OrganizationType::AmericanJobCenter));
//! coalition.organizations.push(Organization::new("b", "AbilityWorks", OrganizationType::EmploymentNetwork));
//! coalition.partnerships.push(Partnership {
//!     source: "a".into(), target: "b".into(), kind: PartnershipKind::CoEnrollment,
//!     strength: 3, directed: false, since: None, notes: None, weight: None,
//!     trust: None, value: None, frequency: None, relation: None, attributes: Default::default(),
//! });
//! let annotations = Annotations::default_for(&coalition);
//! let dot = to_dot(&Landscape::build(&coalition), &annotations, &MapOptions::new(View::Partnerships));
//! assert!(dot.contains(r#"o0 -> o1"#));
//! assert!(dot.contains(r#"label="Job Center""#));
//! ```

mod annotations;
mod build;
mod change;
mod drawing;
mod gaps;
mod image;
mod key;
mod options;
mod selection;
mod style;

pub use annotations::{Annotations, BrokerRank, Changes, Coverage, CoverageClass};
pub use gaps::{gap_picture, GapTerm};
pub use image::{render_image, RenderError};
pub use options::{Aspect, GroupBy, ImageFormat, Layout, MapFile, MapOptions, View, ViewName};
pub use style::{html_label_text, org_anchor, quote_label};

use graphviz_rust::printer::{DotPrinter, PrinterContext};
use partnermap_core::Landscape;

/// The map as DOT text. Needs no Graphviz; the chosen engine is recorded in the graph's
/// `layout` attribute, so `dot -Tsvg map.dot` draws it as partnermap would.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// use partnermap_render::{to_dot, Annotations, MapOptions, View};
/// let coalition = Coalition::new("Empty");
/// let landscape = Landscape::build(&coalition);
/// let dot = to_dot(&landscape, &Annotations::default_for(&coalition), &MapOptions::new(View::Landscape));
/// assert!(dot.starts_with("digraph partnermap {"));
/// assert!(graphviz_rust::parse(&dot).is_ok());
/// ```
pub fn to_dot(landscape: &Landscape, annotations: &Annotations, options: &MapOptions) -> String {
    let built = build::build(landscape, annotations, options);
    let mut text = built.graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The layout engine a map will use: the one in `options`, or the one suited to its size.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// use partnermap_render::{layout_for, Annotations, Layout, MapOptions, View};
/// let coalition = Coalition::new("Empty");
/// let landscape = Landscape::build(&coalition);
/// let annotations = Annotations::default_for(&coalition);
/// let mut options = MapOptions::new(View::Partnerships);
/// assert_eq!(layout_for(&landscape, &annotations, &options), Layout::Dot);
/// options.layout = Some(Layout::Neato);
/// assert_eq!(layout_for(&landscape, &annotations, &options), Layout::Neato);
/// ```
pub fn layout_for(
    landscape: &Landscape,
    annotations: &Annotations,
    options: &MapOptions,
) -> Layout {
    build::build(landscape, annotations, options).layout
}

/// The organizations a map shows, by index, in coalition order: what a page holding the map
/// can link to.
///
/// ```
/// use partnermap_core::{Coalition, Landscape, Organization, OrganizationType};
/// use partnermap_render::{organizations_shown, Annotations, MapOptions, View};
/// let mut coalition = Coalition::new("Demo");
/// coalition.organizations.push(Organization::new("a", "A", OrganizationType::Business));
/// let landscape = Landscape::build(&coalition);
/// let annotations = Annotations::default_for(&coalition);
/// assert_eq!(organizations_shown(&landscape, &annotations, &MapOptions::new(View::Partnerships)), [0]);
/// // The coverage view leaves out organizations that serve no population.
/// assert!(organizations_shown(&landscape, &annotations, &MapOptions::new(View::Coverage)).is_empty());
/// ```
pub fn organizations_shown(
    landscape: &Landscape,
    annotations: &Annotations,
    options: &MapOptions,
) -> Vec<usize> {
    selection::select(landscape, annotations, options).orgs
}
