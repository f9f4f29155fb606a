//! partnermap-report builds the coalition's report: one self-contained HTML page to read,
//! print or send, the same content as Markdown, and the tables behind it (metrics JSON,
//! organizations, gaps and invite CSV) with the maps' Graphviz sources.
//!
//! It owns what the report says and how the files are laid out. It calls the analyses of
//! partnermap-analysis and the maps of partnermap-render; it never talks to a terminal, so
//! progress and exit codes stay with the CLI. Output is deterministic: the same data gives
//! byte-identical files, and the only date in them is the data's `as_of`.
//!
//! ```
//! use partnermap_core::{Coalition, Organization, OrganizationType};
//! use partnermap_report::{analyse, files, Options};
//! let mut coalition = Coalition::new("Demo");
//! coalition.organizations.push(Organization::new("a", "<b>Job Center</b>", OrganizationType::AmericanJobCenter));
//! let analysis = analyse(&coalition, &Options::default());
//! let files = files(&coalition, &analysis, &[]);
//! let html = &files.iter().find(|f| f.path == "report.html").unwrap().bytes;
//! let html = String::from_utf8_lossy(html);
//! assert!(html.contains("&lt;b&gt;Job Center&lt;/b&gt;"));
//! assert!(!html.contains("<b>Job Center"));
//! ```

mod content;
pub mod document;
pub mod escape;
mod html;
mod markdown;
pub mod output;
pub mod tables;

pub use content::NO_GRAPHVIZ_NOTE;
pub use output::{check_not_input, write_report, OutputError};

use partnermap_analysis::coverage::{gaps, Class, Gaps, Scenario, TermRef};
use partnermap_analysis::introductions::{introductions, Introduction};
use partnermap_analysis::invite::{plan, Plan};
use partnermap_core::{Coalition, Organization};
use std::collections::BTreeMap;

/// Choices that change the report's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The most organizations on the invite list (Table 4).
    pub k: usize,
}

impl Default for Options {
    /// Five invitations, the worksheet's short list.
    fn default() -> Options {
        Options { k: 5 }
    }
}

/// A priority the network lacks (uncovered or reachable) and the warm-introduction chains to
/// the organizations outside the coalition that provide it.
#[derive(Debug, Clone, PartialEq)]
pub struct Doors {
    /// The priority.
    pub term: TermRef,
    /// Its coverage class today.
    pub class: Class,
    /// Chains from the convener, best first; an empty `path` means nobody can introduce.
    pub chains: Vec<Introduction>,
}

/// Everything the report shows, computed once.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Coverage, overlap and resilience.
    pub gaps: Gaps,
    /// The invite plan.
    pub plan: Plan,
    /// Warm introductions for every uncovered or reachable priority, in priority order.
    pub doors: Vec<Doors>,
}

/// Runs every analysis the report needs.
///
/// ```
/// use partnermap_report::{analyse, Options};
/// let analysis = analyse(&partnermap_core::Coalition::new("Demo"), &Options { k: 3 });
/// assert_eq!(analysis.plan.k, 3);
/// assert!(analysis.doors.is_empty());
/// ```
pub fn analyse(coalition: &Coalition, options: &Options) -> Analysis {
    let gaps = gaps(coalition, &Scenario::default())
        .expect("an empty scenario names no organization, so it always applies");
    let doors = [Class::Uncovered, Class::Reachable]
        .into_iter()
        .flat_map(|class| gaps.coverage.priorities_in(class))
        .map(|t| Doors {
            term: t.term.clone(),
            class: t.class,
            chains: introductions(coalition, t.term.kind, &t.term.id).unwrap_or_default(),
        })
        .collect();
    Analysis {
        plan: plan(coalition, options.k, true),
        gaps,
        doors,
    }
}

impl Analysis {
    /// For each member or partner that makes a warm introduction, the organizations it opens
    /// the door to and for which priorities; most doors first, then by name.
    ///
    /// ```
    /// use partnermap_report::{analyse, Options};
    /// let coalition = partnermap_core::Coalition::new("Demo");
    /// assert!(analyse(&coalition, &Options::default()).brokers(&coalition).is_empty());
    /// ```
    pub fn brokers(&self, coalition: &Coalition) -> Vec<(String, Vec<String>)> {
        let mut doors: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
        for d in &self.doors {
            for chain in &d.chains {
                if let Some(introducer) = chain.introducer.as_deref() {
                    doors
                        .entry(introducer)
                        .or_default()
                        .entry(&chain.target_id)
                        .or_default()
                        .push(&d.term.label);
                }
            }
        }
        let name = |id: &str| {
            coalition
                .organization_index(id)
                .map_or(id.to_string(), |i| coalition.organizations[i].name.clone())
        };
        let mut brokers: Vec<(String, Vec<String>)> = doors
            .into_iter()
            .map(|(introducer, targets)| {
                let reasons = targets
                    .into_iter()
                    .map(|(target, terms)| {
                        format!("introduces {} ({})", name(target), terms.join(", "))
                    })
                    .collect();
                (name(introducer), reasons)
            })
            .collect();
        brokers.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        brokers
    }

    /// One organization's broker role in words, empty when it has none.
    pub fn broker_role(&self, organization: &Organization) -> String {
        let targets: std::collections::BTreeSet<&str> = self
            .doors
            .iter()
            .flat_map(|d| &d.chains)
            .filter(|c| c.introducer.as_deref() == Some(organization.id.as_str()))
            .map(|c| c.target_id.as_str())
            .collect();
        match targets.len() {
            0 => String::new(),
            1 => "opens the door to 1 organization the coalition needs".to_string(),
            n => format!("opens the door to {n} organizations the coalition needs"),
        }
    }
}

/// A map of the landscape: its Graphviz source and, when Graphviz drew it, the SVG.
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
}

/// One file of the report, relative to the output folder.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Every file of the report, in a fixed order.
///
/// ```
/// use partnermap_report::{analyse, files, Options};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let names: Vec<String> = files(&coalition, &analyse(&coalition, &Options::default()), &[])
///     .into_iter().map(|f| f.path).collect();
/// assert_eq!(names, ["report.html", "report.md", "organizations.csv", "gaps.csv", "invite.csv"]);
/// ```
pub fn files(coalition: &Coalition, analysis: &Analysis, maps: &[Map]) -> Vec<File> {
    let document = content::document(coalition, analysis, maps);
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
            path: "organizations.csv".to_string(),
            bytes: tables::organizations(coalition, analysis),
        },
        File {
            path: "gaps.csv".to_string(),
            bytes: tables::gaps(&analysis.gaps.coverage),
        },
        File {
            path: "invite.csv".to_string(),
            bytes: tables::invite(&analysis.plan),
        },
    ];
    for map in maps {
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
    files
}
