//! Pajek's `.net` (vertices, `*Edges` and `*Arcs`, one section pair per relation) and `.clu`
//! partitions (organization type; community when the caller passes one), and UCINET's DL
//! (`format = edgelist1` with `labels:`). docs/formats/pajek.md and ucinet-dl.md say what goes
//! where.

use crate::fields::Column;
use crate::model::{Coalition, OrganizationType};
use std::collections::HashMap;
use std::fmt::Write as _;

/// A label as Pajek and UCINET read it: in double quotes, which it therefore cannot hold
/// (they become `'`), on one line.
fn quoted(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    format!("\"{text}\"")
}

/// A partnership's value in a network file: its weight, else its strength.
fn value(weight: f64) -> String {
    weight.to_string()
}

/// Each organization's number in Pajek and UCINET, which count vertices from 1, by id.
fn numbers(coalition: &Coalition) -> HashMap<&str, usize> {
    let ids = coalition.organizations.iter().map(|o| o.id.as_str());
    ids.zip(1..).collect()
}

/// The `.net` text.
pub fn pajek_net(coalition: &Coalition) -> String {
    let index = numbers(coalition);
    let mut out = format!("% {}\n", coalition.name.replace(['\n', '\r'], " "));
    let _ = writeln!(out, "*Vertices {}", coalition.organizations.len());
    for (i, org) in coalition.organizations.iter().enumerate() {
        let _ = writeln!(out, "{} {}", i + 1, quoted(&org.name));
    }
    // One relation after another, in order of first appearance; ties without one first.
    let mut relations: Vec<Option<&str>> = Vec::new();
    for p in &coalition.partnerships {
        if !relations.contains(&p.relation.as_deref()) {
            relations.push(p.relation.as_deref());
        }
    }
    let named = relations.iter().any(Option::is_some);
    for (k, relation) in relations.iter().enumerate() {
        for directed in [false, true] {
            let ties: Vec<String> = coalition
                .partnerships
                .iter()
                .filter(|p| p.relation.as_deref() == *relation && p.directed == directed)
                .filter_map(|p| {
                    let (a, b) = (index.get(p.source.as_str())?, index.get(p.target.as_str())?);
                    Some(format!("{a} {b} {}", value(p.weight())))
                })
                .collect();
            if ties.is_empty() {
                continue;
            }
            out += if directed { "*Arcs" } else { "*Edges" };
            if named {
                let _ = write!(out, " :{} {}", k + 1, quoted(relation.unwrap_or("none")));
            }
            out.push('\n');
            for tie in ties {
                out += &tie;
                out.push('\n');
            }
        }
    }
    out
}

/// A `.clu` partition: one whole number per organization, with what each number means in
/// comment lines first.
fn partition(legend: &[String], values: &[usize]) -> String {
    let mut out = String::new();
    for (i, meaning) in legend.iter().enumerate() {
        let _ = writeln!(out, "% {} {}", i + 1, meaning.replace(['\n', '\r'], " "));
    }
    let _ = writeln!(out, "*Vertices {}", values.len());
    for v in values {
        let _ = writeln!(out, "{v}");
    }
    out
}

/// The `.clu` of organization types: 1 for the first type in the worksheet's list, and so on.
pub fn pajek_types(coalition: &Coalition) -> String {
    let legend: Vec<String> = OrganizationType::ALL
        .iter()
        .map(|t| t.label().to_string())
        .collect();
    let values: Vec<usize> = coalition
        .organizations
        .iter()
        .map(|o| o.kind.position() + 1)
        .collect();
    partition(&legend, &values)
}

/// The `.clu` of a whole-number column (communities numbered from 0 become 1, 2, …); `None`
/// when some organization has no whole-number value in it.
pub fn pajek_partition(column: &Column) -> Option<String> {
    let values: Option<Vec<usize>> = column
        .values
        .iter()
        .map(|v| v.as_deref()?.parse::<usize>().ok().map(|v| v + 1))
        .collect();
    Some(partition(&[], &values?))
}

/// UCINET DL, `format = edgelist1` with the labels: one line per tie and direction (an
/// undirected partnership is written both ways, so its matrix is symmetric), the weight (else
/// the strength) as the value.
pub fn ucinet_dl(coalition: &Coalition) -> String {
    let index = numbers(coalition);
    let mut out = format!(
        "dl n={} format=edgelist1\nlabels:\n",
        coalition.organizations.len()
    );
    let labels: Vec<String> = coalition
        .organizations
        .iter()
        .map(|o| quoted(&o.name))
        .collect();
    out += &labels.join(",");
    out += "\ndata:\n";
    for p in &coalition.partnerships {
        let (Some(a), Some(b)) = (index.get(p.source.as_str()), index.get(p.target.as_str()))
        else {
            continue;
        };
        let _ = writeln!(out, "{a} {b} {}", value(p.weight()));
        if !p.directed {
            let _ = writeln!(out, "{b} {a} {}", value(p.weight()));
        }
    }
    out
}
