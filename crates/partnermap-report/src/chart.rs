//! The trend as an SVG line chart, drawn with plotters' SVG backend: on the left the
//! organizations and partnerships, on the right how many members and partners provide each
//! priority, one line per series (two pixels wide: the axes and ticks are one) with a point per
//! snapshot that has a value. Text is measured
//! by plotters' built-in estimate, never by a font on the machine, so the same trend always
//! gives the same bytes.

use crate::text::clean;
use partnermap_analysis::trend::Trend;
use plotters::prelude::*;

/// The chart could not be drawn (plotters reported a failure).
#[derive(Debug, thiserror::Error)]
#[error("the trend chart could not be drawn: {0}")]
pub struct ChartError(String);

/// One line of the chart: its name and its points (snapshot, value).
pub struct Line {
    /// The legend's words.
    pub name: String,
    /// (snapshot index, value) for each snapshot where it has one.
    pub points: Vec<(usize, f64)>,
}

/// The lines of each panel: the network's counts, and each priority's providers.
///
/// ```
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let trend = partnermap_analysis::trend::trend(&vec![partnermap_core::Landscape::build(&coalition); 3]);
/// let (network, priorities) = partnermap_report::chart::lines(&trend);
/// assert_eq!(network.len(), 2);
/// assert_eq!(network[0].points.len(), 3);
/// assert!(priorities.is_empty());
/// ```
pub fn lines(trend: &Trend) -> (Vec<Line>, Vec<Line>) {
    let points = |values: &mut dyn Iterator<Item = Option<f64>>| -> Vec<(usize, f64)> {
        values
            .enumerate()
            .filter_map(|(at, v)| Some((at, v?)))
            .collect()
    };
    let network = trend
        .figures
        .iter()
        .filter(|s| matches!(s.key, "organizations" | "partnerships"))
        .map(|s| Line {
            name: s.key.to_string(),
            points: points(&mut s.values.iter().copied()),
        })
        .collect();
    let priorities = trend
        .priorities
        .iter()
        .map(|p| Line {
            name: clean(&p.term.label),
            points: points(&mut p.providers.iter().map(|n| n.map(|n| n as f64))),
        })
        .collect();
    (network, priorities)
}

/// Paul Tol's bright and muted colours, distinct for every common colour-vision type; more
/// series than colours reuse them in order.
const COLOURS: [u32; 12] = [
    0x4477AA, 0xEE6677, 0x228833, 0xCCBB44, 0x66CCEE, 0xAA3377, 0x332288, 0x117733, 0x882255,
    0x999933, 0x44AA99, 0x888888,
];

/// The colour of the `k`th series.
fn colour(k: usize) -> RGBColor {
    let [_, r, g, b] = COLOURS[k % COLOURS.len()].to_be_bytes();
    RGBColor(r, g, b)
}

/// One font everywhere; SVG viewers pick the first one they have.
const FONT: &str = "Helvetica, Arial, sans-serif";

/// The chart as SVG text.
///
/// ```
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let trend = partnermap_analysis::trend::trend(&vec![partnermap_core::Landscape::build(&coalition); 3]);
/// let svg = partnermap_report::chart::trend_chart(&trend).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("<polyline"));
/// ```
pub fn trend_chart(trend: &Trend) -> Result<String, ChartError> {
    let columns: Vec<String> = crate::command::trend_columns(trend)
        .iter()
        .map(|c| clean(c))
        .collect();
    let (network, priorities) = lines(trend);
    let legend_rows = network.len().max(priorities.len()) as u32;
    let height = 360 + 18 * legend_rows;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1000, height)).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let (left, right) = root.split_horizontally(500);
        let legend = 18 * legend_rows + 10;
        panel(
            &left,
            "Organizations and partnerships",
            &columns,
            &network,
            legend,
        )?;
        panel(
            &right,
            "Members and partners providing each priority",
            &columns,
            &priorities,
            legend,
        )?;
        root.present().map_err(fail)?;
    }
    Ok(svg)
}

fn fail(e: impl std::fmt::Display) -> ChartError {
    ChartError(e.to_string())
}

/// One panel: the lines over the snapshots, their legend under the plot, `legend_height`
/// pixels high (the same on both panels, so that their plots line up).
fn panel(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    title: &str,
    columns: &[String],
    lines: &[Line],
    legend_height: u32,
) -> Result<(), ChartError> {
    let (_, height) = area.dim_in_pixel();
    let (plot, legend) = area.split_vertically(height - legend_height);
    let top = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|&(_, v)| v))
        .fold(1.0_f64, f64::max);
    let n = columns.len().max(1);
    let mut chart = ChartBuilder::on(&plot)
        .caption(title, (FONT, 16))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(40)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top * 1.1)
        .map_err(fail)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(at) | SegmentValue::Exact(at) => {
                columns.get(*at).cloned().unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        })
        .y_labels(8)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style((FONT, 12))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xE4, 0xE4, 0xE4))
        .draw()
        .map_err(fail)?;
    for (k, line) in lines.iter().enumerate() {
        let colour = colour(k);
        let points = line
            .points
            .iter()
            .map(|&(at, v)| (SegmentValue::CenterOf(at), v));
        chart
            .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))
            .map_err(fail)?;
        chart
            .draw_series(points.map(|p| Circle::new(p, 3, colour.filled())))
            .map_err(fail)?;
        let y = 18 * k as i32 + 4;
        legend
            .draw(&Rectangle::new(
                [(52, y + 3), (68, y + 11)],
                colour.filled(),
            ))
            .map_err(fail)?;
        legend
            .draw(&Text::new(line.name.clone(), (76, y), (FONT, 12)))
            .map_err(fail)?;
    }
    Ok(())
}
