//! What the report says: the analyses turned into sections of plain text, in the worksheet's
//! order and words.

use crate::command::{
    chain, header, in_network_names, join, matrix_table, more, name, term_row, ROWS, TERM_HEADER,
};
use crate::document::{Block, Cell, Document, Item, MapBlock, Section, Table};
use crate::maps::GAPS;
use crate::{Analysis, Map};
use partnermap_analysis::coverage::{Class, TermCoverage};
use partnermap_core::vocabulary::{TermKind, Vocabulary};
use partnermap_core::{Landscape, Organization, Status};

mod worksheet_tables;
pub(crate) use worksheet_tables::invite_plan;
use worksheet_tables::{benefits, existing_partners, potential_partners};

/// The sentence shown when Graphviz did not draw the maps, so a reader knows how to get them.
pub const NO_GRAPHVIZ_NOTE: &str = "The maps were not drawn because Graphviz is not installed (or PARTNERMAP_NO_GRAPHVIZ is set). Their Graphviz sources are the .dot files in the maps folder; install Graphviz (apt-get install graphviz, or brew install graphviz) and run the report again to get the images.";

pub(crate) fn document(landscape: &Landscape, analysis: &Analysis, maps: &[Map]) -> Document {
    let coalition = landscape.coalition();
    let mut subtitle = Vec::new();
    if let Some(convener) = convener(landscape) {
        subtitle.push(format!("Convened by {}.", convener.name));
    }
    if let Some(date) = &coalition.as_of {
        subtitle.push(format!("Data as of {date}."));
    }
    Document {
        title: format!("{}: partner network report", coalition.name),
        subtitle,
        sections: [priorities(landscape, analysis, maps)]
            .into_iter()
            .chain(
                analysis
                    .history
                    .as_ref()
                    .map(|h| crate::history::section(&coalition.name, h)),
            )
            .chain([
                coverage(analysis),
                existing_partners(landscape, maps),
                potential_partners(landscape, analysis, maps),
                benefits(landscape, analysis),
                invite_plan(&analysis.plan, &analysis.letters),
                brokers(landscape, analysis),
                metrics(analysis),
                maps_section(maps),
            ])
            .collect(),
    }
}

fn convener<'a>(landscape: &Landscape<'a>) -> Option<&'a Organization> {
    let coalition = landscape.coalition();
    let id = coalition.convener.as_deref()?;
    landscape
        .organization(id)
        .map(|i| &coalition.organizations[i])
}

fn labels(vocabulary: &Vocabulary, kind: TermKind, ids: &[String]) -> String {
    join(ids.iter().map(|id| vocabulary.label(kind, id).to_string()))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn priorities(landscape: &Landscape, analysis: &Analysis, maps: &[Map]) -> Section {
    let coalition = landscape.coalition();
    let status = |s: Status| {
        coalition
            .organizations
            .iter()
            .filter(|o| o.status == s)
            .count()
    };
    let mut blocks = vec![Block::Paragraph(format!(
        "The map holds {}: {} of the coalition, {}, {} and {} to keep informed, linked by {}.",
        count(
            coalition.organizations.len(),
            "organization",
            "organizations"
        ),
        count(status(Status::Member), "member", "members"),
        count(
            status(Status::Existing),
            "existing partner",
            "existing partners"
        ),
        count(
            status(Status::Potential),
            "potential partner",
            "potential partners"
        ),
        count(
            status(Status::KeepInformed),
            "organization",
            "organizations"
        ),
        count(coalition.partnerships.len(), "partnership", "partnerships"),
    ))];
    blocks.push(Block::Heading("At a glance".to_string()));
    blocks.push(Block::List(at_a_glance(analysis)));
    blocks.extend(
        maps.iter()
            .filter(|m| m.name == GAPS && m.svg.is_some())
            .map(map_block),
    );
    blocks.push(Block::Heading("Priorities (worksheet Part 1)".to_string()));
    let vocabulary = coalition.vocabulary();
    let columns: Vec<Vec<&str>> = TermKind::ALL
        .iter()
        .map(|&kind| {
            coalition
                .priorities
                .terms(kind)
                .iter()
                .map(|id| vocabulary.label(kind, id))
                .collect()
        })
        .collect();
    let depth = columns.iter().map(Vec::len).max().unwrap_or(0);
    blocks.push(Block::Table(Table {
        header: header(&[
            "Populations facing the greatest barriers",
            "Areas of greatest concern",
            "Assets the coalition needs",
        ]),
        rows: (0..depth)
            .map(|row| {
                columns
                    .iter()
                    .map(|column| Cell::from(column.get(row).copied().unwrap_or_default()))
                    .collect()
            })
            .collect(),
    }));
    Section {
        id: "coalition",
        title: "The coalition and its priorities".to_string(),
        blocks,
    }
}

/// The findings a convener needs first, each pointing to the section with the detail.
fn at_a_glance(analysis: &Analysis) -> Vec<Item> {
    let coverage = &analysis.network.gaps.coverage;
    let labels = |class| join(coverage.priorities_in(class).map(|t| t.term.label.as_str()));
    let mut items = Vec::new();
    for (class, lead) in [
        (Class::Uncovered, "Nobody reaches"),
        (Class::Reachable, "Only a potential partner reaches"),
        (Class::Thin, "Only one partner reaches"),
    ] {
        let found = labels(class);
        if !found.is_empty() {
            items.push(Item::led(lead, found));
        }
    }
    if items.is_empty() {
        items.push(Item::plain(
            "Every priority is covered by two or more members or partners.",
        ));
    }
    if !analysis.plan.picks.is_empty() {
        items.push(Item::led(
            "Invite first",
            join(
                analysis
                    .plan
                    .picks
                    .iter()
                    .map(|p| format!("{} (sent by {})", p.name, p.sender.name)),
            ),
        ));
    }
    let brokers: Vec<&str> = analysis
        .network
        .brokers
        .iter()
        .take(3)
        .map(|b| b.name.as_str())
        .collect();
    if !brokers.is_empty() {
        items.push(Item::led("Main brokers", join(brokers)));
    }
    let network = &analysis.network.metrics.network;
    items.push(Item::led(
        "Network",
        format!(
            "{:.0}% of possible partnerships exist; {}",
            100.0 * network.density,
            if network.components == 1 {
                "everyone is connected through some chain of partnerships".to_string()
            } else {
                format!(
                    "{} separate groups with no partnership between them",
                    network.components
                )
            }
        ),
    ));
    items
}

fn coverage(analysis: &Analysis) -> Section {
    let coverage = &analysis.network.gaps.coverage;
    let mut blocks = vec![Block::Paragraph(
        "The network is the coalition's members and existing partners. Uncovered: nobody in the network or among the potential partners provides it. Reachable: only a potential partner does, so inviting one closes the gap. Thin: exactly one member or partner does, a single point of failure. Covered: two or more do.".to_string(),
    )];
    let gaps: Vec<&TermCoverage> = [Class::Uncovered, Class::Reachable, Class::Thin]
        .into_iter()
        .flat_map(|c| coverage.priorities_in(c))
        .collect();
    blocks.push(Block::Heading("Gaps first".to_string()));
    if gaps.is_empty() {
        blocks.push(Block::Paragraph(
            "Every priority is covered by two or more members or partners.".to_string(),
        ));
    } else {
        blocks.push(Block::Table(Table {
            header: header(&TERM_HEADER),
            rows: gaps.into_iter().map(term_row).collect(),
        }));
    }
    let covered: Vec<Item> = coverage
        .priorities_in(Class::Covered)
        .map(|t| {
            Item::led(
                t.term.label.clone(),
                format!(
                    "{} ({})",
                    count(t.providers.in_network(), "provider", "providers"),
                    in_network_names(&t.providers)
                ),
            )
        })
        .collect();
    if !covered.is_empty() {
        blocks.push(Block::Heading("Covered".to_string()));
        blocks.push(Block::List(covered));
    }
    let matrix = &coverage.matrix;
    if !matrix.cells.is_empty() {
        blocks.push(Block::Heading("Population × domain".to_string()));
        blocks.push(Block::Paragraph(
            "Each cell counts the members and partners that serve the population in that domain; the colour is its class.".to_string(),
        ));
        blocks.push(Block::Table(matrix_table(matrix)));
    }
    Section {
        id: "coverage",
        title: "Coverage: who the network reaches and who it misses".to_string(),
        blocks,
    }
}

fn brokers(landscape: &Landscape, analysis: &Analysis) -> Section {
    let mut blocks = vec![Block::Paragraph(
        "Brokers are the organizations that connect otherwise separate parts of the network, and the members and partners who can introduce the coalition to organizations it does not yet work with. A warm introduction goes from the convener through partners who already know each other to an organization that serves an underserved group.".to_string(),
    )];
    let brokers = analysis.network.broker_reasons(landscape, TOP_BROKERS);
    blocks.push(Block::Heading("Brokers".to_string()));
    if brokers.is_empty() {
        blocks.push(Block::Paragraph(
            "No member or partner stands between the coalition and an organization it needs."
                .to_string(),
        ));
    } else {
        blocks.push(Block::List(
            brokers
                .into_iter()
                .map(|(name, reasons)| Item {
                    lead: Some(name),
                    text: String::new(),
                    details: reasons,
                })
                .collect(),
        ));
    }
    for wanted in analysis
        .network
        .warm_introductions
        .iter()
        .filter(|d| d.term.kind == TermKind::Population)
    {
        blocks.push(Block::Heading(format!(
            "Warm introductions: {} ({})",
            wanted.term.label, wanted.class
        )));
        let reachable: Vec<Item> = wanted
            .chains
            .iter()
            .filter(|c| !c.path.is_empty())
            .map(|c| {
                Item::led(
                    name(landscape, &c.target_id).to_string(),
                    format!(
                        "{} ({}, weakest tie {} of 3)",
                        chain(landscape, &c.path),
                        count(c.length.unwrap_or(0), "step", "steps"),
                        c.weakest_tie.unwrap_or(0)
                    ),
                )
            })
            .collect();
        let cold: Vec<&str> = wanted
            .chains
            .iter()
            .filter(|c| c.path.is_empty())
            .map(|c| name(landscape, &c.target_id))
            .collect();
        if wanted.chains.is_empty() {
            blocks.push(Block::Note(
                "No organization on the map serves this population: the coalition needs to find one.".to_string(),
            ));
        }
        if !reachable.is_empty() {
            blocks.push(Block::List(reachable));
        }
        if !cold.is_empty() {
            blocks.push(Block::Paragraph(format!(
                "No partner knows {}: the convener will need to reach out directly.",
                cold.join(" or ")
            )));
        }
    }
    Section {
        id: "brokers",
        title: "Brokers and warm introductions".to_string(),
        blocks,
    }
}

/// How many of the most central brokers the report lists; metrics.json has every organization.
pub(crate) const TOP_BROKERS: usize = 10;

/// A figure for people: undefined values (an isolated organization's constraint) as a dash.
fn figure(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "—".to_string()
    }
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn metrics(analysis: &Analysis) -> Section {
    let metrics = &analysis.network.metrics;
    let mut blocks = vec![
        Block::Paragraph("Organizations are the points of the network and partnerships the links between them, each partnership counted once whatever its strength.".to_string()),
        Block::Heading("The network as a whole".to_string()),
        Block::List(
            metrics
                .network
                .explained()
                .into_iter()
                .map(|f| Item::led(format!("{} {}", sentence_case(&f.key.replace('_', " ")), f.value), f.meaning))
                .collect(),
        ),
    ];
    let total = metrics.organizations.len();
    let mut organizations: Vec<_> = metrics.organizations.iter().collect();
    organizations.sort_by(|a, b| {
        b.measures
            .betweenness
            .total_cmp(&a.measures.betweenness)
            .then(b.measures.degree.cmp(&a.measures.degree))
            .then(a.name.cmp(&b.name))
    });
    blocks.push(Block::Heading("Each organization".to_string()));
    blocks.push(Block::Paragraph("Partners: how many organizations it works with. Betweenness: the share of shortest chains between other organizations that pass through it. Closeness: how near it is to everyone else (1 is next to all). Constraint: how much its partners also work with each other (low means it bridges groups that would otherwise be apart). Cluster: the group of organizations it works with most. Most central first.".to_string()));
    blocks.push(Block::Table(Table {
        header: header(&[
            "Organization",
            "Status",
            "Partners",
            "Betweenness",
            "Closeness",
            "Constraint",
            "Cluster",
            "Cut point",
        ]),
        rows: organizations
            .into_iter()
            .take(ROWS)
            .map(|f| {
                vec![
                    f.name.as_str().into(),
                    f.status.label().into(),
                    f.measures.degree.to_string().into(),
                    figure(f.measures.betweenness, 3).into(),
                    figure(f.measures.closeness, 3).into(),
                    figure(f.measures.constraint, 3).into(),
                    (f.measures.community + 1).to_string().into(),
                    if f.measures.articulation_point {
                        "yes"
                    } else {
                        ""
                    }
                    .into(),
                ]
            })
            .collect(),
    }));
    blocks.extend(more(total, ROWS, "metrics.json and organizations.csv"));
    Section {
        id: "metrics",
        title: "Network metrics".to_string(),
        blocks,
    }
}

fn map_block(map: &Map) -> Block {
    Block::Map(MapBlock {
        name: map.name,
        title: map.title.clone(),
        svg: map.svg.clone(),
    })
}

fn maps_section(maps: &[Map]) -> Section {
    let mut blocks = Vec::new();
    if maps.iter().any(|m| m.svg.is_none()) {
        blocks.push(Block::Note(NO_GRAPHVIZ_NOTE.to_string()));
    }
    blocks.extend(maps.iter().filter(|m| m.name != GAPS).map(map_block));
    Section {
        id: "maps",
        title: "Maps".to_string(),
        blocks,
    }
}
