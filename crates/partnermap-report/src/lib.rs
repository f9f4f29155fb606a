//! partnermap-report builds the coalition's report: one self-contained HTML page to read,
//! print or send, the same content as Markdown, and the tables behind it (metrics JSON,
//! organizations, gaps and invite CSV) with the maps' Graphviz sources.
//!
//! It owns what the report says and how the files are laid out. It calls the analyses of
//! partnermap-analysis and the maps of partnermap-render; it never talks to a terminal: it names
//! the stage it is in through `partnermap_core::progress`, and showing that, like exit codes,
//! stays with the CLI. Output is deterministic: the same data gives
//! byte-identical files, and the only date in them is the data's `as_of`.
//!
//! ```
//! use partnermap_core::{Coalition, Organization, OrganizationType};
//! use partnermap_report::{analyse, files, Options};
//! let mut coalition = Coalition::new("Demo");
//! coalition.organizations.push(Organization::new("a", "<b>Job Center</b>", OrganizationType::AmericanJobCenter));
//! let landscape = partnermap_core::Landscape::build(&coalition);
//! let analysis = analyse(&landscape, &Options::default());
//! let files = files(&landscape, &analysis, &[]);
//! let html = &files.iter().find(|f| f.path == "report.html").unwrap().bytes;
//! let html = String::from_utf8_lossy(html);
//! assert!(html.contains("&lt;b&gt;Job Center&lt;/b&gt;"));
//! assert!(!html.contains("<b>Job Center"));
//! ```

pub mod chart;
pub mod command;
mod content;
pub mod document;
pub mod escape;
pub mod history;
mod html;
pub mod letters;
pub mod maps;
pub mod markdown;
pub mod output;
pub mod progress;
pub mod tables;
pub mod text;

pub use content::NO_GRAPHVIZ_NOTE;
pub use output::{check_not_input, write_report, OutputError};

use partnermap_analysis::brokers::{brokers, network_metrics, Broker, NetworkMetrics};
use partnermap_analysis::coverage::{gaps, Class, Gaps, Scenario, TermRef};
use partnermap_analysis::introductions::{introductions, Introduction};
use partnermap_analysis::invite::{plan, Plan};
use partnermap_core::progress::step;
use partnermap_core::Landscape;
use std::collections::BTreeMap;

/// Choices that change the report's content.
///
/// ```
/// assert_eq!(partnermap_report::Options::default().k, 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The most organizations on the invite list (Table 4).
    pub k: usize,
    /// Also write an outreach letter to each organization on the invite list into `letters/`,
    /// linked from Table 4.
    pub letters: bool,
}

impl Default for Options {
    /// Five invitations, the worksheet's short list, and no letters.
    fn default() -> Options {
        Options {
            k: 5,
            letters: false,
        }
    }
}

/// A priority the network lacks (uncovered or reachable) and the warm-introduction chains to
/// the organizations outside the coalition that provide it.
#[derive(Debug, Clone, PartialEq)]
pub struct WarmIntroductions {
    /// The priority.
    pub term: TermRef,
    /// Its coverage class today.
    pub class: Class,
    /// Chains from the convener, best first; an empty `path` means nobody can introduce.
    pub chains: Vec<Introduction>,
}

/// Everything the report shows, computed once: the network analysis and the invite plan.
///
/// It dereferences to its [`NetworkAnalysis`], so `analysis.network.gaps` or
/// `analysis.network.broker_role(i)` read the network part directly, and an `&Analysis` goes wherever
/// an `&NetworkAnalysis` is asked for.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Coverage, warm introductions, network metrics and brokers.
    pub network: NetworkAnalysis,
    /// The invite plan.
    pub plan: Plan,
    /// The outreach letters, when they were asked for.
    pub letters: Vec<letters::Letter>,
    /// What changed since earlier snapshots (`--since`), when given: set it with
    /// [`history::history`] before writing the report.
    pub history: Option<history::History>,
}

/// What the report and the maps both need, without the invite plan and its exact search:
/// coverage classes, warm-introduction chains, network metrics and brokers.
#[derive(Debug, Clone)]
pub struct NetworkAnalysis {
    /// Coverage, overlap and resilience.
    pub gaps: Gaps,
    /// Warm introductions for every uncovered or reachable priority, in priority order.
    pub warm_introductions: Vec<WarmIntroductions>,
    /// Network metrics of the partnership network (the metrics.json contract).
    pub metrics: NetworkMetrics,
    /// Organizations that bridge otherwise separate groups, most central first.
    pub brokers: Vec<Broker>,
    /// For each organization that makes a warm introduction: how many organizations the
    /// coalition needs it can make a warm introduction to.
    pub introductions_made: BTreeMap<String, usize>,
}

/// Runs every analysis the report needs: [`analyse_network`] and the invite plan of at most
/// `options.k` organizations.
///
/// ```
/// use partnermap_report::{analyse, Options};
/// let analysis = analyse(&partnermap_core::Landscape::build(&partnermap_core::Coalition::new("Demo")), &Options { k: 3, letters: false });
/// assert_eq!(analysis.plan.k, 3);
/// assert!(analysis.network.warm_introductions.is_empty());
/// ```
pub fn analyse(landscape: &Landscape, options: &Options) -> Analysis {
    let network = analyse_network(landscape);
    let plan = plan(landscape, options.k, true);
    let letters = if options.letters {
        letters::letters(landscape, &network.gaps.coverage, &plan)
    } else {
        Vec::new()
    };
    Analysis {
        network,
        plan,
        letters,
        history: None,
    }
}

/// The analyses the maps need, and the report besides its invite plan: coverage, warm
/// introductions to what the network lacks, network metrics and brokers.
///
/// ```
/// use partnermap_report::analyse_network;
/// let network = analyse_network(&partnermap_core::Landscape::build(&partnermap_core::Coalition::new("Demo")));
/// assert!(network.warm_introductions.is_empty() && network.brokers.is_empty());
/// ```
pub fn analyse_network(landscape: &Landscape) -> NetworkAnalysis {
    let gaps = gaps(landscape, &Scenario::default())
        .expect("an empty scenario names no organization, so it always applies");
    let warm_introductions: Vec<WarmIntroductions> = [Class::Uncovered, Class::Reachable]
        .into_iter()
        .flat_map(|class| gaps.coverage.priorities_in(class))
        .map(|t| WarmIntroductions {
            term: t.term.clone(),
            class: t.class,
            chains: introductions(landscape, t.term.kind, &t.term.id, false).unwrap_or_default(),
        })
        .collect();
    let metrics = network_metrics(landscape, Default::default());
    let mut opened: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for chain in warm_introductions.iter().flat_map(|d| &d.chains) {
        if let Some(introducer) = &chain.introducer {
            opened
                .entry(introducer.clone())
                .or_default()
                .insert(chain.target_id.clone());
        }
    }
    NetworkAnalysis {
        brokers: brokers(landscape, &metrics),
        metrics,
        gaps,
        introductions_made: opened
            .into_iter()
            .map(|(id, targets)| (id, targets.len()))
            .collect(),
        warm_introductions,
    }
}

impl NetworkAnalysis {
    /// The organizations a warm introduction to each outside organization goes through, with
    /// the priorities it would bring: introducer id → (target id → priority labels).
    fn introductions_by_introducer(&self) -> BTreeMap<&str, BTreeMap<&str, Vec<&str>>> {
        let mut by_introducer: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
        for d in &self.warm_introductions {
            for chain in &d.chains {
                if let Some(introducer) = chain.introducer.as_deref() {
                    by_introducer
                        .entry(introducer)
                        .or_default()
                        .entry(&chain.target_id)
                        .or_default()
                        .push(&d.term.label);
                }
            }
        }
        by_introducer
    }

    /// The brokers the report lists, each with its reasons: the most central brokers of the
    /// network (at most `top`), then any other member or partner that can make a warm
    /// introduction to an organization the coalition needs. Reasons from the network come first,
    /// then the introductions.
    ///
    /// ```
    /// use partnermap_report::analyse_network;
    /// let coalition = partnermap_core::Coalition::new("Demo");
    /// let landscape = partnermap_core::Landscape::build(&coalition);
    /// assert!(analyse_network(&landscape).broker_reasons(&landscape, 10).is_empty());
    /// ```
    pub fn broker_reasons(&self, landscape: &Landscape, top: usize) -> Vec<(String, Vec<String>)> {
        let coalition = landscape.coalition();
        let mut by_introducer = self.introductions_by_introducer();
        let name = |id: &str| {
            landscape
                .organization(id)
                .map_or(id.to_string(), |i| coalition.organizations[i].name.clone())
        };
        let introduction_reasons = |targets: BTreeMap<&str, Vec<&str>>| -> Vec<String> {
            targets
                .into_iter()
                .map(|(target, terms)| {
                    format!("can introduce {} ({})", name(target), terms.join(", "))
                })
                .collect()
        };
        let mut list: Vec<(String, Vec<String>)> = self
            .brokers
            .iter()
            .take(top)
            .map(|b| {
                let mut reasons = b.reasons.clone();
                if let Some(targets) = by_introducer.remove(b.id.as_str()) {
                    reasons.extend(introduction_reasons(targets));
                }
                (b.name.clone(), reasons)
            })
            .collect();
        list.extend(
            by_introducer
                .into_iter()
                .map(|(introducer, targets)| (name(introducer), introduction_reasons(targets))),
        );
        list
    }

    /// One organization's broker role in words, empty when it has none: whether it is a cut
    /// point, its Gould–Fernandez roles between organization types, and the warm introductions it can make.
    ///
    /// ```
    /// use partnermap_core::{Coalition, Organization, OrganizationType};
    /// use partnermap_report::analyse_network;
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.organizations.push(Organization::new("a", "A", OrganizationType::Business));
    /// let landscape = partnermap_core::Landscape::build(&coalition);
    /// assert_eq!(analyse_network(&landscape).broker_role(0), "");
    /// ```
    pub fn broker_role(&self, organization: usize) -> String {
        let mut parts = Vec::new();
        // The metrics list organizations in input order, so the index finds them directly.
        if let Some(f) = self.metrics.organizations.get(organization) {
            if f.measures.articulation_point {
                parts.push(
                    "cut point: part of the network reaches the rest only through it".to_string(),
                );
            }
            let r = f.brokerage;
            let roles: Vec<String> = [
                ("liaison", r.liaison),
                ("gatekeeper", r.gatekeeper),
                ("representative", r.representative),
                ("itinerant", r.itinerant),
                ("coordinator", r.coordinator),
            ]
            .into_iter()
            .filter(|&(_, n)| n > 0)
            .map(|(role, n)| format!("{role} {n}"))
            .collect();
            if !roles.is_empty() {
                parts.push(roles.join(", "));
            }
        }
        let targets = self
            .metrics
            .organizations
            .get(organization)
            .and_then(|f| self.introductions_made.get(&f.id))
            .copied()
            .unwrap_or(0);
        match targets {
            0 => {}
            1 => parts.push(
                "can make a warm introduction to 1 organization the coalition needs".to_string(),
            ),
            n => parts.push(format!(
                "can make a warm introduction to {n} organizations the coalition needs"
            )),
        }
        parts.join("; ")
    }
}

/// A map of the landscape: its Graphviz source and, when Graphviz drew it, the SVG and PNG.
///
/// ```
/// use partnermap_report::{analyse, files, Map, Options};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let map = Map { name: "landscape", title: "Landscape".into(), dot: "digraph {}".into(), svg: None, png: None, organizations: Vec::new() };
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let written = files(&landscape, &analyse(&landscape, &Options::default()), &[map]);
/// assert!(written.iter().any(|f| f.path == "maps/landscape.dot"));
/// assert!(!written.iter().any(|f| f.path == "maps/landscape.svg"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    /// File stem under `maps/`.
    pub name: &'static str,
    /// Caption.
    pub title: String,
    /// Graphviz source.
    pub dot: String,
    /// The drawing, when Graphviz is installed and allowed.
    pub svg: Option<String>,
    /// The PNG drawing, when Graphviz is installed and allowed.
    pub png: Option<Vec<u8>>,
    /// The organizations it shows, by index: their rows link to them.
    pub organizations: Vec<usize>,
}

/// One file of the report, relative to the output folder.
pub use partnermap_core::write::File;

/// The report's content as a document tree, for a writer of another format.
///
/// ```
/// use partnermap_report::{analyse, document, Options};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let tree = document(&landscape, &analyse(&landscape, &Options::default()), &[]);
/// assert_eq!(tree.title, "Demo: partner network report");
/// assert_eq!(tree.sections[0].id, "coalition");
/// ```
pub fn document(landscape: &Landscape, analysis: &Analysis, maps: &[Map]) -> document::Document {
    content::document(landscape, analysis, maps)
}

/// The whole report as the files of its folder: the analyses, what changed since the `earlier`
/// snapshots (oldest first; none, no such section), the maps (drawn when `graphviz` is true and
/// Graphviz is installed, else only their sources) and the documents, each stage a
/// [progress](partnermap_core::progress) step.
pub fn build(
    landscape: &Landscape,
    earlier: &[Landscape],
    options: &Options,
    graphviz: bool,
) -> Result<Vec<File>, history::DrawError> {
    let analysing = step("analysing coverage, introductions and the invite plan", 0);
    let mut analysis = analyse(landscape, options);
    analysis.history = history::history(earlier, landscape, &analysis.network, graphviz)?;
    drop(analysing);
    let drawing = match graphviz {
        true => "drawing the maps",
        false => "writing the maps' Graphviz sources",
    };
    let drawing = step(drawing, 0);
    let maps = maps::maps(landscape, &analysis.network, graphviz)?;
    drop(drawing);
    let _writing = step("writing the report", 0);
    Ok(files(landscape, &analysis, &maps))
}

/// Every file of the report, in a fixed order.
///
/// ```
/// use partnermap_report::{analyse, files, Options};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let names: Vec<String> = files(&landscape, &analyse(&landscape, &Options::default()), &[])
///     .into_iter().map(|f| f.path).collect();
/// assert_eq!(names, ["report.html", "report.md", "metrics.json", "organizations.csv", "gaps.csv", "invite.csv"]);
/// ```
pub fn files(landscape: &Landscape, analysis: &Analysis, maps: &[Map]) -> Vec<File> {
    let document = document(landscape, analysis, maps);
    let mut files = vec![
        File {
            path: "report.html".to_string(),
            bytes: html::render(&document).into_bytes(),
        },
        File {
            path: "report.md".to_string(),
            bytes: markdown::render(&document).into_bytes(),
        },
        File {
            path: "metrics.json".to_string(),
            bytes: metrics_json(&analysis.network.metrics),
        },
        File {
            path: "organizations.csv".to_string(),
            bytes: tables::organizations(landscape, analysis),
        },
        File {
            path: "gaps.csv".to_string(),
            bytes: tables::gaps(&analysis.network.gaps.coverage),
        },
        File {
            path: "invite.csv".to_string(),
            bytes: tables::invite(landscape, &analysis.plan),
        },
    ];
    if !analysis.letters.is_empty() {
        let written = letters::files(&analysis.letters, &letters::Template::builtin())
            .expect("the built-in template prints only what every letter has");
        files.extend(written.into_iter().map(|f| File {
            path: format!("{LETTERS_FOLDER}/{}", f.path),
            ..f
        }));
    }
    let history = analysis.history.as_ref();
    for map in maps.iter().chain(history.map(|h| &h.map)) {
        files.push(File {
            path: format!("maps/{}.dot", map.name),
            bytes: map.dot.clone().into_bytes(),
        });
        if let Some(svg) = &map.svg {
            files.push(File {
                path: format!("maps/{}.svg", map.name),
                bytes: svg.clone().into_bytes(),
            });
        }
        if let Some(png) = &map.png {
            files.push(File {
                path: format!("maps/{}.png", map.name),
                bytes: png.clone(),
            });
        }
    }
    if let Some((_, chart)) = history.and_then(|h| h.trend.as_ref()) {
        files.push(File {
            path: format!("maps/{}.svg", history::TREND),
            bytes: chart.clone().into_bytes(),
        });
    }
    files
}

/// The folder of the report that holds the letters (`report --letters`).
pub const LETTERS_FOLDER: &str = "letters";

/// The metrics contract of docs/metrics.md, pretty-printed; undefined values (NaN) are null.
fn metrics_json(metrics: &NetworkMetrics) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(metrics).expect("the metrics always serialise");
    text.push('\n');
    text.into_bytes()
}
