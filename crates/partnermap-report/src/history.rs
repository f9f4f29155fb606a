//! The report's "What changed since" section (`partnermap report DIR --since OLD`): the diff
//! against the latest earlier snapshot in words and tables (the document `partnermap diff`
//! prints), the change map, and with two or more earlier snapshots the trend over all of them,
//! as tables (those of `partnermap trend`) and as a line chart.

use crate::chart::{trend_chart, ChartError};
use crate::document::{Block, Document, MapBlock, Section};
use crate::maps::change_map;
use crate::{Map, NetworkAnalysis};
use partnermap_analysis::diff::{diff, Diff};
use partnermap_analysis::trend::{trend, Trend};
use partnermap_core::Landscape;
use partnermap_render::RenderError;

/// The name of the trend chart under `maps/`.
pub const TREND: &str = "trend";

/// What the report shows about earlier snapshots.
#[derive(Debug, Clone)]
pub struct History {
    /// From the latest earlier snapshot to this one.
    pub diff: Diff,
    /// The change map of that diff.
    pub map: Map,
    /// With two or more earlier snapshots: the trend over all of them and this one, and its
    /// chart as SVG.
    pub trend: Option<(Trend, String)>,
}

/// A picture of the report could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum DrawError {
    /// Graphviz failed on a map.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// plotters failed on the chart.
    #[error(transparent)]
    Chart(#[from] ChartError),
}

/// The history of `now` given the `earlier` snapshots, oldest first (`None` without any);
/// `analysis` is `now`'s, and `graphviz` allows drawing the change map as on the other maps.
///
/// ```
/// use partnermap_report::{analyse_network, history::history};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let now = partnermap_core::Landscape::build(&coalition);
/// let earlier = vec![partnermap_core::Landscape::build(&coalition); 2];
/// let found = history(&earlier, &now, &analyse_network(&now), false).unwrap().unwrap();
/// assert!(found.diff.is_empty() && found.trend.is_some());
/// assert!(history(&[], &now, &analyse_network(&now), false).unwrap().is_none());
/// ```
pub fn history(
    earlier: &[Landscape],
    now: &Landscape,
    analysis: &NetworkAnalysis,
    graphviz: bool,
) -> Result<Option<History>, DrawError> {
    let Some(last) = earlier.last() else {
        return Ok(None);
    };
    let trend = if earlier.len() >= 2 {
        let mut snapshots = earlier.to_vec();
        snapshots.push(now.clone());
        let trend = trend(&snapshots);
        let chart = trend_chart(&trend)?;
        Some((trend, chart))
    } else {
        None
    };
    Ok(Some(History {
        diff: diff(last, now),
        map: change_map(last, now, analysis, graphviz)?,
        trend,
    }))
}

/// The sections of a command's document as blocks of one report section: the first section's
/// blocks as they are, each other one under its title as a heading.
fn blocks(document: Document) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (at, section) in document.sections.into_iter().enumerate() {
        if at > 0 {
            blocks.push(Block::Heading(section.title));
        }
        blocks.extend(section.blocks);
    }
    blocks
}

/// The report's section.
pub(crate) fn section(coalition: &str, history: &History) -> Section {
    let since = history
        .diff
        .as_of
        .before
        .clone()
        .unwrap_or_else(|| "the earlier snapshot".to_string());
    let mut blocks = blocks(crate::command::diff(coalition, &history.diff));
    blocks.push(Block::Map(MapBlock {
        name: history.map.name,
        title: history.map.title.clone(),
        svg: history.map.svg.clone(),
    }));
    if let Some((trend, chart)) = &history.trend {
        for section in crate::command::trend_sections(trend) {
            blocks.push(Block::Heading(section.title));
            blocks.extend(section.blocks);
        }
        blocks.push(Block::Map(MapBlock {
            name: TREND,
            title: "Organizations and partnerships, and how many members and partners provide each priority, survey by survey".to_string(),
            svg: Some(chart.clone()),
        }));
    }
    Section {
        id: "changes",
        title: format!("What changed since {since}"),
        blocks,
    }
}
