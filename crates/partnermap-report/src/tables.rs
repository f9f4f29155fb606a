//! The report's tables for spreadsheets and pipelines: one CSV per question, with stable
//! column names.

use crate::Analysis;
use partnermap_analysis::brokers::{Broker, NetworkMetrics, OrganizationFigures};
use partnermap_analysis::coverage::{Class, Coverage};
use partnermap_analysis::introductions::Introduction;
use partnermap_analysis::invite::Plan;
use partnermap_core::fields::{Column, ValueType};
use partnermap_core::vocabulary::TermKind;
use partnermap_core::{Landscape, Status};

fn write(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing CSV into memory cannot fail; only a real file could.
    // A header may carry data too (a snapshot's date in the trend's columns).
    writer
        .write_record(header.iter().map(|h| inert(h).into_owned()))
        .expect("writing to memory");
    for row in rows {
        for cell in &row {
            writer
                .write_field(inert(cell).as_bytes())
                .expect("writing to memory");
        }
        writer
            .write_record(None::<&[u8]>)
            .expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// A cell a spreadsheet will not run: text that starts like a formula (`=`, `+`, `-`, `@`, a
/// tab or a carriage return, as OWASP lists them) gets a leading apostrophe, so a name such as
/// `=HYPERLINK(…)` is shown, not evaluated. Numbers, negative ones included, stay numbers.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Every priority and every other term mentioned, with its class and providers by status:
/// `partnermap gaps --format csv` and the report's `gaps.csv`.
///
/// ```
/// use partnermap_analysis::coverage::coverage;
/// let csv = partnermap_report::tables::gaps(&coverage(&partnermap_core::Landscape::build(&partnermap_core::Coalition::new("Demo"))));
/// assert!(csv.starts_with(b"kind,id,label,priority,class,"));
/// ```
pub fn gaps(coverage: &Coverage) -> Vec<u8> {
    let rows = coverage
        .priorities
        .iter()
        .chain(&coverage.others)
        .map(|term| {
            let p = &term.providers;
            let all: Vec<&str> = Status::ALL
                .iter()
                .flat_map(|&s| p.with_status(s))
                .map(|o| o.name.as_str())
                .collect();
            vec![
                term.term.kind.noun().to_string(),
                term.term.id.clone(),
                term.term.label.clone(),
                if term.priority { "yes" } else { "no" }.to_string(),
                term.class.id().to_string(),
                p.member.len().to_string(),
                p.existing.len().to_string(),
                p.potential.len().to_string(),
                p.keep_informed.len().to_string(),
                all.join("; "),
            ]
        });
    write(
        &[
            "kind",
            "id",
            "label",
            "priority",
            "class",
            "members",
            "existing",
            "potential",
            "keep_informed",
            "providers",
        ],
        rows,
    )
}

/// The invite list in order, with who sends each invitation and why (worksheet Table 4):
/// `partnermap invite --format csv` and the report's `invite.csv`.
///
/// ```
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let plan = partnermap_analysis::invite::plan(&landscape, 5, true);
/// let csv = partnermap_report::tables::invite(&landscape, &plan);
/// assert!(csv.starts_with(b"rank,id,name,potential_coalition_member,sender_id,"));
/// ```
pub fn invite(landscape: &Landscape, plan: &Plan) -> Vec<u8> {
    let coalition = landscape.coalition();
    let rows = plan.picks.iter().enumerate().map(|(i, pick)| {
        let contact = landscape
            .organization(&pick.id)
            .and_then(|o| coalition.organizations[o].contact.clone())
            .unwrap_or_else(|| "(contact to find)".to_string());
        vec![
            (i + 1).to_string(),
            pick.id.clone(),
            pick.name.clone(),
            contact,
            pick.sender.id.clone().unwrap_or_default(),
            pick.sender.name.clone(),
            pick.sender.reason.id().to_string(),
            format!("{:.4}", pick.gain),
            pick.closes.join("; "),
            pick.strengthens.join("; "),
            pick.shared_with_convener.join("; "),
            pick.barriers.clone().unwrap_or_default(),
        ]
    });
    write(
        &[
            "rank",
            "id",
            "name",
            "potential_coalition_member",
            "sender_id",
            "sender",
            "sender_reason",
            "gain",
            "closes",
            "backs_up",
            "shared_with_convener",
            "barriers",
        ],
        rows,
    )
}

/// A metric for a spreadsheet: full precision, empty when undefined (NaN).
/// The per-organization figures of the metrics contract, as CSV columns.
const METRIC_COLUMNS: &[(&str, ValueType)] = &[
    ("degree", ValueType::Integer),
    ("weighted_degree", ValueType::Double),
    ("betweenness", ValueType::Double),
    ("closeness", ValueType::Double),
    ("eigenvector", ValueType::Double),
    ("constraint", ValueType::Double),
    ("effective_size", ValueType::Double),
    ("efficiency", ValueType::Double),
    ("hierarchy", ValueType::Double),
    ("clustering", ValueType::Double),
    ("core_number", ValueType::Integer),
    ("articulation_point", ValueType::Boolean),
    ("community", ValueType::Integer),
    ("coordinator", ValueType::Integer),
    ("itinerant", ValueType::Integer),
    ("representative", ValueType::Integer),
    ("gatekeeper", ValueType::Integer),
    ("liaison", ValueType::Integer),
    ("brokerage_total", ValueType::Integer),
];

fn metric_cells(m: &OrganizationFigures) -> impl Iterator<Item = String> {
    let b = m.brokerage;
    [
        m.measures.degree.to_string(),
        number(m.measures.weighted_degree),
        number(m.measures.betweenness),
        number(m.measures.closeness),
        number(m.measures.eigenvector),
        number(m.measures.constraint),
        number(m.measures.effective_size),
        number(m.measures.efficiency),
        number(m.measures.hierarchy),
        number(m.measures.clustering),
        m.measures.core_number.to_string(),
        m.measures.articulation_point.to_string(),
        m.measures.community.to_string(),
        b.coordinator.to_string(),
        b.itinerant.to_string(),
        b.representative.to_string(),
        b.gatekeeper.to_string(),
        b.liaison.to_string(),
        b.total.to_string(),
    ]
    .into_iter()
}

/// Every per-organization figure of the metrics contract (computed with the default options)
/// as a typed column, in the coalition's order of organizations: what
/// `partnermap convert --metrics` adds to the nodes.
pub fn metric_columns(coalition: &partnermap_core::Coalition) -> Vec<Column> {
    let landscape = Landscape::build(coalition);
    let metrics = partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
    let by_id: std::collections::HashMap<&str, Vec<String>> = metrics
        .organizations
        .iter()
        .map(|m| (m.id.as_str(), metric_cells(m).collect()))
        .collect();
    METRIC_COLUMNS
        .iter()
        .enumerate()
        .map(|(c, (name, kind))| Column {
            name: name.to_string(),
            kind: *kind,
            values: coalition
                .organizations
                .iter()
                .map(|o| {
                    let cell = by_id.get(o.id.as_str()).map(|cells| cells[c].clone());
                    cell.filter(|v| !v.is_empty())
                })
                .collect(),
        })
        .collect()
}

/// One row per organization with every figure of the metrics contract:
/// `partnermap metrics --format csv`.
///
/// ```
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let metrics = partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
/// let csv = partnermap_report::tables::metrics(&metrics);
/// assert!(csv.starts_with(b"id,name,type,status,degree,weighted_degree,betweenness,"));
/// ```
pub fn metrics(metrics: &NetworkMetrics) -> Vec<u8> {
    let rows = metrics.organizations.iter().map(|m| {
        [
            m.id.clone(),
            m.name.clone(),
            m.kind.id().to_string(),
            m.status.id().to_string(),
        ]
        .into_iter()
        .chain(metric_cells(m))
        .collect::<Vec<_>>()
    });
    let header: Vec<&str> = ["id", "name", "type", "status"]
        .into_iter()
        .chain(METRIC_COLUMNS.iter().map(|(name, _)| *name))
        .collect();
    write(&header, rows)
}

fn number(value: f64) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        String::new()
    }
}

/// One row per organization: what it provides, what it alone holds up, what it would add,
/// the warm introductions it can make and its place on the invite list.
pub(crate) fn organizations(landscape: &Landscape, analysis: &Analysis) -> Vec<u8> {
    let coalition = landscape.coalition();
    let coverage = &analysis.network.gaps.coverage;
    let dependencies = analysis.network.gaps.resilience_by_id();
    let rows = coalition
        .organizations
        .iter()
        .zip(&analysis.network.metrics.organizations)
        .map(|(o, m)| {
            let provides = |classes: &[Class]| {
                coverage
                    .priorities
                    .iter()
                    .filter(|t| classes.contains(&t.class))
                    .filter(|t| o.terms(t.term.kind).contains(&t.term.id))
                    .map(|t| t.term.label.as_str())
                    .collect::<Vec<_>>()
            };
            let all_priorities: usize = TermKind::ALL
                .iter()
                .map(|&k| {
                    o.terms(k)
                        .iter()
                        .filter(|t| coalition.priorities.terms(k).contains(t))
                        .count()
                })
                .sum();
            let dependency = dependencies.get(o.id.as_str());
            let alone: Vec<String> = dependency
                .map(|d| d.terms.iter().map(|t| t.term.label.clone()).collect())
                .unwrap_or_default();
            let cells_alone = dependency.map_or(0, |d| d.cells.len());
            let would_close = if o.status.is_in_network() {
                Vec::new()
            } else {
                provides(&[Class::Uncovered, Class::Reachable])
            };
            let rank = analysis
                .plan
                .picks
                .iter()
                .position(|p| p.id == o.id)
                .map(|r| (r + 1).to_string())
                .unwrap_or_default();
            let introductions = analysis
                .network
                .introductions_made
                .get(&o.id)
                .copied()
                .unwrap_or(0);
            vec![
                o.id.clone(),
                o.name.clone(),
                o.kind.id().to_string(),
                o.status.id().to_string(),
                all_priorities.to_string(),
                alone.len().to_string(),
                alone.join("; "),
                cells_alone.to_string(),
                would_close.join("; "),
                introductions.to_string(),
                rank,
            ]
            .into_iter()
            .chain(metric_cells(m))
            .collect::<Vec<_>>()
        });
    write(
        &[
            "id",
            "name",
            "type",
            "status",
            "priorities_provided",
            "priorities_alone",
            "alone_covers",
            "cells_alone",
            "would_close",
            "introductions",
            "invite_rank",
        ]
        .into_iter()
        .chain(METRIC_COLUMNS.iter().map(|(name, _)| *name))
        .collect::<Vec<_>>(),
        rows,
    )
}

/// The brokers ranking: `partnermap brokers --format csv`.
///
/// ```
/// assert!(partnermap_report::tables::brokers(&[]).starts_with(b"rank,id,name,betweenness,"));
/// ```
pub fn brokers(list: &[Broker]) -> Vec<u8> {
    let rows = list.iter().enumerate().map(|(i, b)| {
        vec![
            (i + 1).to_string(),
            b.id.clone(),
            b.name.clone(),
            b.betweenness.to_string(),
            if b.constraint.is_finite() {
                b.constraint.to_string()
            } else {
                String::new()
            },
            b.articulation_point.to_string(),
            b.partners_of_other_types.to_string(),
            b.communities_reached.to_string(),
            b.reasons.join("; "),
        ]
    });
    write(
        &[
            "rank",
            "id",
            "name",
            "betweenness",
            "constraint",
            "articulation_point",
            "partners_of_other_types",
            "communities_reached",
            "reasons",
        ],
        rows,
    )
}

/// Warm introductions to the providers of one term: `partnermap paths --format csv`.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let csv = partnermap_report::tables::paths(&Landscape::build(&coalition), &[]);
/// assert!(csv.starts_with(b"target_id,target,introducer_id,"));
/// ```
pub fn paths(landscape: &Landscape, found: &[Introduction]) -> Vec<u8> {
    let rows = found.iter().map(|f| {
        vec![
            f.target_id.clone(),
            crate::command::name(landscape, &f.target_id).to_string(),
            f.introducer.clone().unwrap_or_default(),
            f.length.map(|l| l.to_string()).unwrap_or_default(),
            f.weakest_tie.map(|w| w.to_string()).unwrap_or_default(),
            f.total_strength.map(|w| w.to_string()).unwrap_or_default(),
            f.path.join(" > "),
        ]
    });
    write(
        &[
            "target_id",
            "target",
            "introducer_id",
            "steps",
            "weakest_tie",
            "total_strength",
            "chain",
        ],
        rows,
    )
}

/// One row per letter for a mail merge: `letters.csv` beside the letters.
///
/// ```
/// let csv = partnermap_report::tables::letters(&[]);
/// assert_eq!(csv, b"organization,contact,sender,subject,file\n");
/// ```
pub fn letters(letters: &[crate::letters::Letter]) -> Vec<u8> {
    write(
        &["organization", "contact", "sender", "subject", "file"],
        letters.iter().map(|l| {
            vec![
                l.invitee.name.clone(),
                l.invitee.contact.clone().unwrap_or_default(),
                l.sender.name.clone(),
                l.subject.clone(),
                format!("{}.docx", l.file),
            ]
        }),
    )
}

/// `partnermap diff --format csv`: one row per change, `section,subject,field,before,after`.
pub fn diff(diff: &partnermap_analysis::diff::Diff) -> Vec<u8> {
    let opt = |x: Option<String>| x.unwrap_or_default();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for o in &diff.organizations {
        let status = |s: &Option<partnermap_analysis::diff::Side>| {
            opt(s.as_ref().map(|s| s.status.id().to_string()))
        };
        let id =
            |s: &Option<partnermap_analysis::diff::Side>| opt(s.as_ref().map(|s| s.id.clone()));
        rows.push(vec![
            "organization".into(),
            o.name().to_string(),
            "status".into(),
            status(&o.before),
            status(&o.after),
        ]);
        if o.id_changed {
            rows.push(vec![
                "organization".into(),
                o.name().to_string(),
                "id".into(),
                id(&o.before),
                id(&o.after),
            ]);
        }
    }
    for p in &diff.partnerships {
        let subject = format!("{} – {}", p.between.0, p.between.1);
        let num = |x: Option<f64>| opt(x.map(|x| x.to_string()));
        rows.push(vec![
            "partnership".into(),
            subject.clone(),
            "strength".into(),
            opt(p.strength.before.map(|s| s.to_string())),
            opt(p.strength.after.map(|s| s.to_string())),
        ]);
        if p.trust.before != p.trust.after {
            rows.push(vec![
                "partnership".into(),
                subject.clone(),
                "trust".into(),
                num(p.trust.before),
                num(p.trust.after),
            ]);
        }
        if p.value.before != p.value.after {
            rows.push(vec![
                "partnership".into(),
                subject,
                "value".into(),
                num(p.value.before),
                num(p.value.after),
            ]);
        }
    }
    for p in &diff.priorities {
        let class =
            |c: Option<partnermap_analysis::coverage::Class>| opt(c.map(|c| c.id().to_string()));
        rows.push(vec![
            "priority".into(),
            p.term.label.clone(),
            "coverage".into(),
            class(p.class.before),
            class(p.class.after),
        ]);
    }
    for b in &diff.brokers {
        rows.push(vec![
            "broker".into(),
            b.name.clone(),
            "betweenness".into(),
            b.betweenness.before.to_string(),
            b.betweenness.after.to_string(),
        ]);
    }
    for (key, c) in &diff.figures {
        let num = |x: Option<f64>| opt(x.map(|x| x.to_string()));
        rows.push(vec![
            "network".into(),
            (*key).to_string(),
            "value".into(),
            num(c.before),
            num(c.after),
        ]);
    }
    write(&["section", "subject", "field", "before", "after"], rows)
}

/// `partnermap trend --format csv`: `section,subject,field`, then one column per snapshot
/// (its date, or `snapshot N`): every network figure, and each priority's coverage class and
/// providers in the network; empty where undefined or not a priority.
pub fn trend(trend: &partnermap_analysis::trend::Trend) -> Vec<u8> {
    let opt = |x: Option<String>| x.unwrap_or_default();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for s in &trend.figures {
        let mut row = vec!["network".into(), s.key.to_string(), "value".into()];
        row.extend(s.values.iter().map(|v| opt(v.map(|v| v.to_string()))));
        rows.push(row);
    }
    for p in &trend.priorities {
        let mut coverage = vec!["priority".into(), p.term.label.clone(), "coverage".into()];
        coverage.extend(p.classes.iter().map(|c| opt(c.map(|c| c.id().to_string()))));
        let mut providers = vec!["priority".into(), p.term.label.clone(), "providers".into()];
        providers.extend(p.providers.iter().map(|n| opt(n.map(|n| n.to_string()))));
        rows.extend([coverage, providers]);
    }
    let columns = crate::command::trend_columns(trend);
    let header: Vec<&str> = ["section", "subject", "field"]
        .into_iter()
        .chain(columns.iter().map(String::as_str))
        .collect();
    write(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_shown_not_run_and_numbers_stay_numbers() {
        let csv = write(
            &["name", "value"],
            [
                vec!["=HYPERLINK(\"http://x\")".to_string(), "-0.5".to_string()],
                vec!["@SUM(A1)".to_string(), "+3".to_string()],
                vec!["\tcmd".to_string(), "-".to_string()],
                vec!["Casa de la Comunidad".to_string(), "1e-3".to_string()],
            ],
        );
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "name,value\n\"'=HYPERLINK(\"\"http://x\"\")\",-0.5\n'@SUM(A1),+3\n'\tcmd,'-\nCasa de la Comunidad,1e-3\n"
        );
    }
}
