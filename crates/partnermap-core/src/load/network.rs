//! What the network-file readers (Pajek, UCINET DL, GML) share: a coalition named after the
//! file, whose organizations are the file's vertices (type other, status existing, id derived
//! from the label, name = the label) and whose partnerships are its ties, each remembered with
//! the line it was written on. A two-mode network's readers mark each vertex's mode, and
//! loading then reads the second mode as terms (`two_mode`).

use super::origin::{Origin, Origins};
use super::Read;
use crate::diagnostic::Diagnostic;
use crate::fields;
use crate::model::{Attributes, Coalition, Organization, OrganizationType, Partnership};
use crate::vocabulary::{slug, Vocabulary};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The most vertices a header may declare beyond what the file itself could list: a header
/// may imply vertices it never lists (Pajek's `*Vertices 1000` followed by ties only), but not
/// billions of them, so memory stays bounded by the input's size.
pub(super) const UNLISTED_VERTICES: usize = 100_000;

/// Checks a declared vertex count against the size of the file: at most one vertex per byte of
/// input, or [`UNLISTED_VERTICES`], whichever is more. `None` when it is too many.
pub(super) fn vertex_count_fits(declared: u64, text_len: usize) -> Option<usize> {
    let limit = text_len.max(UNLISTED_VERTICES) as u64;
    (declared <= limit).then_some(declared as usize)
}

/// The hint for a declared vertex count that does not fit.
pub(super) fn too_many_vertices_hint(text_len: usize) -> String {
    format!(
        "the file has {text_len} bytes; partnermap reads at most one vertex per byte of input (or {UNLISTED_VERTICES}, whichever is more): correct the count"
    )
}

/// A distinct id for `name`, derived from it (`-2`, `-3`, … on a clash).
pub(super) fn distinct_id(name: &str, taken: &mut HashSet<String>) -> String {
    let base = match slug(name) {
        s if s.is_empty() => "organization".to_string(),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A tie as a reader found it: organization indices and what the file says about it.
#[derive(Debug, Clone, Default)]
pub(super) struct Tie {
    pub(super) source: usize,
    pub(super) target: usize,
    pub(super) directed: bool,
    pub(super) weight: Option<f64>,
    pub(super) relation: Option<String>,
    pub(super) attributes: Attributes,
    pub(super) line: Option<usize>,
}

impl Tie {
    /// The tie between `ends`, written on `line`, if each part of it was read: a part that was
    /// not has been reported already, and leaves the tie out.
    pub(super) fn read(
        ends: [Option<usize>; 2],
        directed: Option<bool>,
        weight: Result<Option<f64>, ()>,
        line: usize,
    ) -> Option<Tie> {
        let ([Some(source), Some(target)], Some(directed), Ok(weight)) = (ends, directed, weight)
        else {
            return None;
        };
        Some(Tie {
            source,
            target,
            directed,
            weight,
            line: Some(line),
            ..Tie::default()
        })
    }
}

/// A coalition being built from a network file.
pub(super) struct Network {
    pub(super) file: String,
    pub(super) coalition: Coalition,
    pub(super) origins: Origins,
    pub(super) diagnostics: Vec<Diagnostic>,
    taken: HashSet<String>,
    /// The coalition's vocabulary, for mapping fields onto terms.
    pub(super) vocabulary: Vocabulary,
    /// In a two-mode network, the mode of each organization (`true`: the second), by index.
    modes: HashMap<usize, bool>,
}

impl Network {
    /// An empty network named after the file's stem.
    pub(super) fn new(path: &Path) -> Network {
        let file = path.display().to_string();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("network")
            .to_string();
        Network {
            origins: Origins {
                coalition: Origin::file(&file),
                ..Origins::default()
            },
            coalition: Coalition::new(&name),
            diagnostics: Vec::new(),
            taken: HashSet::new(),
            vocabulary: Vocabulary::builtin(),
            modes: HashMap::new(),
            file,
        }
    }

    /// Sets the coalition's own fields (name, convener, priorities, …) from the graph's
    /// attributes, as [`fields::coalition_fields`] names them; the rest are not kept.
    pub(super) fn set_coalition_fields(&mut self, mut attributes: Attributes) {
        fields::take_coalition_fields(&mut self.coalition, &mut attributes);
        self.vocabulary = self.coalition.vocabulary();
    }

    /// Adds an organization named `label` whose node has `attributes`: its `id` (when given and
    /// not taken), type, status, terms and other fields are read from them
    /// ([`fields::take_organization_fields`]), and the rest kept as its extra fields.
    pub(super) fn add_node(
        &mut self,
        label: &str,
        mut attributes: Attributes,
        line: Option<usize>,
    ) -> usize {
        let given = attributes
            .get("id")
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty() && !self.taken.contains(id));
        let org = match given {
            Some(id) => {
                attributes.remove("id");
                self.taken.insert(id.clone());
                self.coalition.organizations.push(Organization::new(
                    &id,
                    label,
                    OrganizationType::Other,
                ));
                self.origins
                    .organizations
                    .push(Origin::line(&self.file, line));
                self.coalition.organizations.len() - 1
            }
            None => self.add_organization(label, line),
        };
        fields::take_organization_fields(
            &mut self.coalition.organizations[org],
            attributes,
            &self.vocabulary,
        );
        org
    }

    /// Adds an organization named `label` (written on `line`) and returns its index.
    pub(super) fn add_organization(&mut self, label: &str, line: Option<usize>) -> usize {
        let id = distinct_id(label, &mut self.taken);
        self.coalition
            .organizations
            .push(Organization::new(&id, label, OrganizationType::Other));
        self.origins
            .organizations
            .push(Origin::line(&self.file, line));
        self.coalition.organizations.len() - 1
    }

    /// Adds a tie between two organizations; a tie of an organization with itself is left out
    /// with a warning (network files often have loops; a partnership joins two organizations).
    pub(super) fn add_tie(&mut self, tie: Tie) {
        let organizations = &self.coalition.organizations;
        if tie.source == tie.target {
            self.diagnostics.push(
                Diagnostic::warning(
                    &self.file,
                    format!(
                        "a tie of \"{}\" with itself is left out",
                        organizations[tie.source].name
                    ),
                )
                .at_line(tie.line)
                .with_hint("a partnership joins two different organizations"),
            );
            return;
        }
        let mut partnership =
            Partnership::new(&organizations[tie.source].id, &organizations[tie.target].id);
        partnership.directed = tie.directed;
        partnership.weight = tie.weight;
        partnership.relation = tie.relation;
        fields::take_partnership_fields(&mut partnership, tie.attributes);
        self.coalition.partnerships.push(partnership);
        self.origins
            .partnerships
            .push(Origin::line(&self.file, tie.line));
    }

    /// Marks an organization as a vertex of the first or the second mode of a two-mode network;
    /// the first mark counts (the networks of a Pajek project share their vertices).
    pub(super) fn set_mode(&mut self, org: usize, second: bool) {
        self.modes.entry(org).or_insert(second);
    }

    /// Reports an error in `field` on `line`, with `hint`.
    pub(super) fn error(&mut self, line: usize, field: &str, message: String, hint: &str) {
        self.diagnostics.push(
            Diagnostic::error(&self.file, message)
                .at_line(Some(line))
                .in_field(field)
                .with_hint(hint),
        );
    }

    /// The weight written on `line` (or none), parsed; one that is not a positive number is
    /// reported, and its tie is then left out.
    pub(super) fn weight(&mut self, text: Option<&str>, line: usize) -> Result<Option<f64>, ()> {
        let Some(text) = text else {
            return Ok(None);
        };
        parse_weight(text.trim())
            .map(Some)
            .map_err(|message| self.error(line, "weight", message, WEIGHT_HINT))
    }

    /// The read: the coalition (if no error was found on the way, it goes on to validation).
    pub(super) fn finish(self) -> Read {
        let modes = &self.modes;
        let count = self.coalition.organizations.len();
        Read {
            second_mode: (!modes.is_empty())
                .then(|| (0..count).map(|i| modes.get(&i) == Some(&true)).collect()),
            coalition: Some(self.coalition),
            origins: self.origins,
            diagnostics: self.diagnostics,
        }
    }
}

/// A weight as written in a network file: a positive finite number, or the error's message.
pub(super) fn parse_weight(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => Err(format!("weight \"{text}\" is not a positive number")),
    }
}

/// The hint for a weight that is not a positive number.
pub(super) const WEIGHT_HINT: &str =
    "partnermap reads positive weights only: remove the tie or make its weight positive";
