//! Tables 1 to 4 of the worksheet: the existing partners, the potential partners, how each
//! benefits the coalition, and whom to invite.

use super::labels;
use crate::command::{header, join, more, ROWS};
use crate::document::{Block, Cell, Link, Section, Table};
use crate::letters::Letter;
use crate::{Analysis, Map, LETTERS_FOLDER};
use partnermap_analysis::coverage::{Class, TermCoverage};
use partnermap_analysis::invite::Plan;
use partnermap_core::vocabulary::{TermKind, Vocabulary};
use partnermap_core::{Landscape, Organization, Status};
use partnermap_render::org_anchor;

fn organization_row(vocabulary: &Vocabulary, o: &Organization) -> Vec<Cell> {
    vec![
        o.name.as_str().into(),
        o.kind.label().into(),
        o.status.label().into(),
        labels(vocabulary, TermKind::Population, &o.populations).into(),
        labels(vocabulary, TermKind::Domain, &o.domains).into(),
        labels(vocabulary, TermKind::Asset, &o.assets).into(),
    ]
}

/// The priority terms an organization outside the network would bring that the network lacks
/// (uncovered or reachable) or has only once (thin).
fn would_add(analysis: &Analysis, o: &Organization) -> (String, String) {
    let provides = |t: &&TermCoverage| o.terms(t.term.kind).contains(&t.term.id);
    let pick = |classes: &[Class]| {
        join(
            analysis
                .network
                .gaps
                .coverage
                .priorities
                .iter()
                .filter(|t| classes.contains(&t.class))
                .filter(provides)
                .map(|t| t.term.label.as_str()),
        )
    };
    (
        pick(&[Class::Uncovered, Class::Reachable]),
        pick(&[Class::Thin]),
    )
}

/// Table 1 (the network: members and existing partners) or Table 2 (everyone outside it): one
/// row per organization, the worksheet's six columns and then the table's own (`extra_header`,
/// filled by `extra`).
///
/// Each row is the organization's anchor (`org-…`), which the drawn maps' nodes link to, and
/// ends with links to its node on each drawn map that shows it.
fn organization_table(
    landscape: &Landscape,
    maps: &[Map],
    in_network: bool,
    extra_header: &[&str],
    extra: impl Fn(&Organization) -> Vec<Cell>,
) -> Section {
    let coalition = landscape.coalition();
    let vocabulary = coalition.vocabulary();
    let drawn: Vec<&Map> = maps.iter().filter(|m| m.svg.is_some()).collect();
    let listed: Vec<(usize, &Organization)> = coalition
        .organizations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.status.is_in_network() == in_network)
        .collect();
    // A table for people: the first rows, and every organization a drawn map shows, so each
    // node's link finds its row.
    let on_a_map = |i: usize| drawn.iter().any(|m| m.organizations.contains(&i));
    let shown: Vec<(usize, &Organization)> = listed
        .iter()
        .enumerate()
        .filter(|&(n, &(i, _))| n < ROWS || on_a_map(i))
        .map(|(_, &row)| row)
        .collect();
    let rows: Vec<Vec<Cell>> = shown
        .iter()
        .map(|&(i, o)| {
            let anchor = org_anchor(&o.id);
            let mut row = organization_row(&vocabulary, o);
            row[0].anchor = Some(anchor.clone());
            row.extend(extra(o));
            if !drawn.is_empty() {
                let links: Vec<Link> = drawn
                    .iter()
                    .filter(|m| m.organizations.contains(&i))
                    .map(|m| Link {
                        text: m.name.to_string(),
                        target: format!("#{}-{anchor}", m.name),
                    })
                    .collect();
                row.push(Cell {
                    text: join(links.iter().map(|l| l.text.as_str())),
                    links,
                    ..Cell::default()
                });
            }
            row
        })
        .collect();
    let (id, title, empty) = if in_network {
        (
            "table-1",
            "Table 1. Existing partners",
            "No members or existing partners are recorded.",
        )
    } else {
        (
            "table-2",
            "Table 2. Potential partners",
            "No potential partners are recorded.",
        )
    };
    let mut head = header(&[
        "Organization",
        "Type",
        "Status",
        "Populations served",
        "Areas of work",
        "Assets",
    ]);
    head.extend(header(extra_header));
    if !drawn.is_empty() {
        head.push("On the maps".to_string());
    }
    let mut blocks = vec![if rows.is_empty() {
        Block::Paragraph(empty.to_string())
    } else {
        Block::Table(Table { header: head, rows })
    }];
    blocks.extend(more(listed.len(), shown.len(), "organizations.csv"));
    Section {
        id,
        title: title.to_string(),
        blocks,
    }
}

pub(super) fn existing_partners(landscape: &Landscape, maps: &[Map]) -> Section {
    organization_table(landscape, maps, true, &["Contact"], |o| {
        vec![o.contact.clone().unwrap_or_default().into()]
    })
}

pub(super) fn potential_partners(
    landscape: &Landscape,
    analysis: &Analysis,
    maps: &[Map],
) -> Section {
    organization_table(
        landscape,
        maps,
        false,
        &["Would close", "Would back up"],
        |o| {
            let (closes, backs_up) = would_add(analysis, o);
            vec![closes.into(), backs_up.into()]
        },
    )
}

pub(super) fn benefits(landscape: &Landscape, analysis: &Analysis) -> Section {
    let coalition = landscape.coalition();
    let text = |o: &Option<String>| Cell::from(o.clone().unwrap_or_default());
    let alone_by_id = analysis.network.gaps.resilience_by_id();
    let rows = coalition
        .organizations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.status != Status::KeepInformed)
        .collect::<Vec<_>>();
    let total = rows.len();
    let rows =
        rows.into_iter()
            .take(ROWS)
            .map(|(i, o)| {
                let alone =
                    alone_by_id
                        .get(o.id.as_str())
                        .map(|d| {
                            join(d.terms.iter().map(|t| t.term.label.clone()).chain(
                                d.cells.iter().map(|c| {
                                    format!("{} × {}", c.population.label, c.domain.label)
                                }),
                            ))
                        })
                        .unwrap_or_default();
                vec![
                    o.name.as_str().into(),
                    text(&o.aligned_initiatives),
                    text(&o.motivations),
                    text(&o.roles),
                    text(&o.barriers),
                    alone.into(),
                    analysis.network.broker_role(i).into(),
                ]
            })
            .collect();
    Section {
        id: "table-3",
        title: "Table 3. How each partner benefits the coalition".to_string(),
        blocks: vec![
            Block::Paragraph("The first four columns are what the coalition recorded; the last two are computed. \"Alone covers\" lists the priorities and population × domain cells that only this organization provides, which the coalition would lose if it stepped back.".to_string()),
            Block::Table(Table {
                header: header(&[
                    "Organization",
                    "Aligned initiatives",
                    "Motivations for joining",
                    "Roles it would play",
                    "Barriers, or how it is a good partner",
                    "Alone covers",
                    "Broker role",
                ]),
                rows,
            }),
        ]
        .into_iter()
        .chain(more(total, ROWS, "organizations.csv"))
        .collect(),
    }
}

/// Table 4: the invite list in order, who sends each invitation and why, what each closes; the
/// report's section and the heart of `partnermap invite`. Each invitee links to its letter
/// when `letters` has one.
pub(crate) fn invite_plan(plan: &Plan, letters: &[Letter]) -> Section {
    let mut blocks = vec![Block::Paragraph(format!(
        "Up to {} of the {} organizations outside the coalition, chosen to close the most gaps: an uncovered priority counts fully, a second provider for a thin one counts half. {}",
        plan.k,
        plan.candidates,
        if plan.exact.is_some() {
            "The list is the best possible one (exact search)."
        } else {
            "The list is chosen greedily; by construction it is at least 63% as good as the best possible one."
        }
    ))];
    if plan.picks.is_empty() {
        blocks.push(Block::Paragraph(
            "No potential partner would close a gap.".to_string(),
        ));
    } else {
        blocks.push(Block::Table(Table {
            header: header(&[
                "Invite, in order",
                "Invitation sent by",
                "Why this sender",
                "Closes",
                "Backs up",
                "Barriers, or how it is a good partner",
            ]),
            rows: plan
                .picks
                .iter()
                .enumerate()
                .map(|(i, pick)| {
                    let letter = letters.iter().find(|l| l.invitee.id == pick.id);
                    vec![
                        {
                            let text = format!("{}. {}", i + 1, pick.name);
                            let links = letter.map(|l| Link {
                                text: text.clone(),
                                target: format!("{LETTERS_FOLDER}/{}.md", l.file),
                            });
                            Cell {
                                links: links.into_iter().collect(),
                                ..text.into()
                            }
                        },
                        pick.sender.name.as_str().into(),
                        pick.sender.reason.describe().into(),
                        join(&pick.closes).into(),
                        join(&pick.strengthens).into(),
                        pick.barriers.clone().unwrap_or_default().into(),
                    ]
                })
                .collect(),
        }));
    }
    let still: Vec<&str> = plan.still_uncovered().map(|n| n.need.label()).collect();
    if !still.is_empty() {
        blocks.push(Block::Note(format!(
            "Still uncovered after these invitations: {}. No organization on the map provides them; look for new ones.",
            join(still)
        )));
    }
    if !plan.keep_informed.is_empty() {
        let shown = plan.keep_informed.len().min(ROWS);
        let mut names = join(plan.keep_informed[..shown].iter().map(|k| k.name.as_str()));
        if plan.keep_informed.len() > shown {
            names += &format!(
                " and {} more (all of them in `partnermap invite --format json`)",
                plan.keep_informed.len() - shown
            );
        }
        blocks.push(Block::Paragraph(format!(
            "Keep informed rather than invite now (they already know a partner but would add little): {names}."
        )));
    }
    Section {
        id: "table-4",
        title: "Table 4. Invite plan".to_string(),
        blocks,
    }
}
