//! A two-mode network (organizations × something: Davis's women × events, Galaskiewicz's CEOs ×
//! clubs) read as the landscape it describes: the first mode stays organizations, each vertex of
//! the second becomes a term of the kind asked for, added to the coalition's own vocabulary (or
//! the worksheet's term of that name) and made a priority, so coverage lists it; each tie is an
//! organization providing that term. The readers only mark each vertex's mode, so every
//! two-mode format is read the same way, here.

use super::origin::Origin;
use super::Read;
use crate::diagnostic::Diagnostic;
use crate::vocabulary::{slug, Term, TermKind, Vocabulary};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The hint for a two-mode network read without a kind for its second mode.
pub(super) const HINT: &str = "give --second-mode population, domain or asset: the first mode is then read as organizations, the second as priority terms of that kind";

/// Reads the second mode of a two-mode network as terms of `kind`; a two-mode network without
/// a kind is an error (beside the reader's own), a kind for a one-mode network a warning.
pub(super) fn read_second_mode(mut read: Read, kind: Option<TermKind>) -> Read {
    let file = read.origins.coalition.file.clone();
    let second = read.second_mode.take();
    match (&second, kind, read.coalition.is_some()) {
        (Some(second), None, _) => {
            let seconds = second.iter().filter(|&&s| s).count();
            let message = format!(
                "a two-mode network: {} vertices in the first mode, {seconds} in the second",
                second.len() - seconds
            );
            read.diagnostics
                .push(Diagnostic::error(&file, message).with_hint(HINT));
            read.coalition = None;
        }
        (None, Some(kind), true) => read.diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "not a two-mode network: no vertices are read as {}",
                kind.plural()
            ),
        )),
        _ => {}
    }
    let (Some(second), Some(coalition), Some(kind)) = (second, read.coalition.as_mut(), kind)
    else {
        return read;
    };
    let origins = &mut read.origins;
    let mut vocabulary = coalition.vocabulary();
    let mut claimed = HashSet::new();
    let mut term_of: HashMap<usize, String> = HashMap::new();
    let mut fields = BTreeSet::new();
    for (i, org) in coalition.organizations.iter().enumerate() {
        if !second[i] {
            continue;
        }
        fields.extend(org.attributes.keys().cloned());
        let origin = origins.organization(i);
        let known = vocabulary.find(kind, &org.name).map(|t| t.id.clone());
        let id = match known.filter(|id| claimed.insert(id.clone())) {
            Some(id) => id,
            None => {
                let term = new_term(&mut vocabulary, kind, &org.name);
                claimed.insert(term.id.clone());
                let extra = coalition.vocabulary.terms_mut(kind);
                let list = origins.vocabulary.entry(kind).or_default();
                place(list, extra.len(), origin.clone(), &file);
                extra.push(term.clone());
                term.id
            }
        };
        let priorities = coalition.priorities.terms_mut(kind);
        let list = origins.priorities.entry(kind).or_default();
        place(list, priorities.len(), origin, &file);
        priorities.push(id.clone());
        term_of.insert(i, id);
    }
    let index: HashMap<&str, usize> = (coalition.organizations.iter().enumerate())
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut provided: Vec<Vec<String>> = vec![Vec::new(); second.len()];
    let (mut weights, mut relations) = (0, BTreeSet::new());
    let (mut partnerships, mut partnership_origins) = (Vec::new(), Vec::new());
    for (p, tie) in std::mem::take(&mut coalition.partnerships)
        .into_iter()
        .enumerate()
    {
        let ends = [&tie.source, &tie.target].map(|id| index.get(id.as_str()).copied());
        let [Some(a), Some(b)] = ends else {
            // Validation reports the end that names no organization.
            partnerships.push(tie);
            partnership_origins.push(origins.partnership(p));
            continue;
        };
        if second[a] == second[b] {
            let names = [a, b].map(|i| &coalition.organizations[i].name);
            let mode = if second[a] { "second" } else { "first" };
            let at = origins.partnership(p);
            read.diagnostics.push(
                Diagnostic::error(&at.file, format!("the tie \"{}\" – \"{}\" joins two vertices of the {mode} mode", names[0], names[1]))
                    .at_line(at.line)
                    .with_hint("a two-mode network's ties join a vertex of each mode: remove the tie, or list the vertices in their own mode"),
            );
            continue;
        }
        let (org, term) = if second[a] {
            (b, &term_of[&a])
        } else {
            (a, &term_of[&b])
        };
        if !provided[org].contains(term) {
            provided[org].push(term.clone());
        }
        weights += usize::from(tie.weight.is_some());
        relations.extend(tie.relation);
    }
    let mut organizations = Vec::new();
    let mut organization_origins = Vec::new();
    let all = std::mem::take(&mut coalition.organizations);
    for (i, (mut org, terms)) in all.into_iter().zip(provided).enumerate() {
        if !second[i] {
            org.terms_mut(kind).extend(terms);
            organizations.push(org);
            organization_origins.push(origins.organization(i));
        }
    }
    coalition.organizations = organizations;
    coalition.partnerships = partnerships;
    origins.organizations = organization_origins;
    origins.partnerships = partnership_origins;
    let warn = |message: String| Diagnostic::warning(&file, message);
    let list = |words: BTreeSet<String>| words.into_iter().collect::<Vec<_>>().join(", ");
    if !fields.is_empty() {
        read.diagnostics.push(warn(format!(
            "the fields of the second mode's vertices are not kept ({}): a {kind} has only its label",
            list(fields)
        )));
    }
    if weights > 0 {
        read.diagnostics.push(warn(format!(
            "the ties' weights are not kept (the file gives {weights}): an organization provides a {kind} or does not"
        )));
    }
    if !relations.is_empty() {
        let quoted = relations.into_iter().map(|r| format!("\"{r}\"")).collect();
        read.diagnostics.push(warn(format!(
            "the ties of the relations {} are read as one: an organization provides a {kind} or does not",
            list(quoted)
        )));
    }
    read
}

/// A term of `kind` labelled `label`, added to `vocabulary`: numbered (`label (2)`, …) when the
/// label, or its id, is already another term's, so no two vertices become one term.
fn new_term(vocabulary: &mut Vocabulary, kind: TermKind, label: &str) -> Term {
    (1..)
        .map(|n: usize| {
            let label = match n {
                1 => label.to_string(),
                n => format!("{label} ({n})"),
            };
            let id = match slug(&label) {
                id if id.is_empty() => format!("{}-{n}", kind.noun()),
                id => id,
            };
            Term {
                id,
                label,
                aliases: Vec::new(),
            }
        })
        .find(|term| vocabulary.add(kind, term.clone()).is_ok())
        .expect("the vocabulary is finite, so some numbered label is free")
}

/// Puts `origin` at position `at` of a list of origins, which may be shorter (the file's start
/// stands for what it does not hold).
fn place(list: &mut Vec<Origin>, at: usize, origin: Origin, file: &str) {
    list.resize(at, Origin::file(file));
    list.push(origin);
}

#[cfg(test)]
mod tests;
