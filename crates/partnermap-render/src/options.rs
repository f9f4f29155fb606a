//! What to draw and how to lay it out.

use std::fmt;
use std::str::FromStr;

/// Which map to draw.
///
/// ```
/// use partnermap_render::View;
/// let around_the_job_center = View::Ego { org: 1, depth: 2 };
/// let reaching_english_learners = View::Population { population: "english-language-learners".into() };
/// assert_ne!(around_the_job_center, reaching_english_learners);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Organizations, priority populations and priority domains: who serves whom, who works
    /// where, and the partnerships between them.
    Landscape,
    /// Organizations and partnerships only.
    Partnerships,
    /// Organizations and the populations they serve, each priority population coloured by
    /// its coverage.
    Coverage,
    /// One organization's neighbourhood in the partnership network.
    Ego {
        /// The organization, by index into `Coalition::organizations`.
        org: usize,
        /// How many partnership steps away to include.
        depth: usize,
    },
    /// The organizations serving one population, plus the warm-introduction paths to them.
    Population {
        /// The population's vocabulary id.
        population: String,
    },
    /// Organizations and partnerships of two snapshots at once, with what joined, left,
    /// was added or ended marked ([`Annotations::changes`](crate::Annotations::changes)).
    Changes {
        /// The earlier snapshot's date, for the title and the key.
        since: Option<String>,
    },
}

/// A view by the name people give it (`--view`), before its organization or population is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewName {
    /// [`View::Landscape`].
    Landscape,
    /// [`View::Partnerships`].
    Partnerships,
    /// [`View::Coverage`].
    Coverage,
    /// [`View::Ego`]: needs the organization.
    Ego,
    /// [`View::Population`]: needs the population.
    Population,
}

impl FromStr for ViewName {
    type Err = String;

    /// ```
    /// use partnermap_render::ViewName;
    /// assert_eq!("Ego".parse(), Ok(ViewName::Ego));
    /// assert!("timeline".parse::<ViewName>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<ViewName, String> {
        match text.to_ascii_lowercase().as_str() {
            "landscape" => Ok(ViewName::Landscape),
            "partnerships" => Ok(ViewName::Partnerships),
            "coverage" => Ok(ViewName::Coverage),
            "ego" => Ok(ViewName::Ego),
            "population" => Ok(ViewName::Population),
            _ => Err(format!(
                "unknown view \"{text}\"; expected landscape, partnerships, coverage, ego or population"
            )),
        }
    }
}

/// How organizations are gathered into boxes (Graphviz clusters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// No boxes.
    #[default]
    None,
    /// One box per organization type.
    Type,
    /// One box per detected community; organizations without one stay outside.
    Community,
    /// One box per status (members, existing, potential, keep informed).
    Status,
}

impl FromStr for GroupBy {
    type Err = String;

    /// ```
    /// use partnermap_render::GroupBy;
    /// assert_eq!("type".parse(), Ok(GroupBy::Type));
    /// assert!("colour".parse::<GroupBy>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<GroupBy, String> {
        match text.to_ascii_lowercase().as_str() {
            "none" => Ok(GroupBy::None),
            "type" => Ok(GroupBy::Type),
            "community" => Ok(GroupBy::Community),
            "status" => Ok(GroupBy::Status),
            _ => Err(format!(
                "unknown grouping \"{text}\"; expected none, type, community or status"
            )),
        }
    }
}

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Layered drawing: best for small maps.
    Dot,
    /// Spring model.
    Neato,
    /// Force-directed, keeps clusters: medium maps.
    Fdp,
    /// Multiscale force-directed: large maps.
    Sfdp,
    /// Circular.
    Circo,
    /// Radial.
    Twopi,
}

impl Layout {
    /// Every engine.
    pub const ALL: [Layout; 6] = [
        Layout::Dot,
        Layout::Neato,
        Layout::Fdp,
        Layout::Sfdp,
        Layout::Circo,
        Layout::Twopi,
    ];

    /// The engine's name, as Graphviz spells it.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Sfdp => "sfdp",
            Layout::Circo => "circo",
            Layout::Twopi => "twopi",
        }
    }

    /// The engine suited to a map of `nodes` nodes: layered drawings stay readable for small
    /// maps only, and only sfdp stays fast in the thousands.
    ///
    /// ```
    /// use partnermap_render::Layout;
    /// assert_eq!(Layout::for_size(20), Layout::Dot);
    /// assert_eq!(Layout::for_size(120), Layout::Fdp);
    /// assert_eq!(Layout::for_size(5000), Layout::Sfdp);
    /// ```
    pub fn for_size(nodes: usize) -> Layout {
        if nodes <= SMALL {
            Layout::Dot
        } else if nodes <= LARGE {
            Layout::Fdp
        } else {
            Layout::Sfdp
        }
    }

    pub(crate) fn graphviz(self) -> graphviz_rust::cmd::Layout {
        use graphviz_rust::cmd::Layout as G;
        match self {
            Layout::Dot => G::Dot,
            Layout::Neato => G::Neato,
            Layout::Fdp => G::Fdp,
            Layout::Sfdp => G::Sfdp,
            Layout::Circo => G::Circo,
            Layout::Twopi => G::Twopi,
        }
    }
}

/// Maps up to this many nodes are drawn with `dot`.
const SMALL: usize = 60;
/// Maps above this many nodes are drawn with `sfdp`.
const LARGE: usize = 300;

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Layout {
    type Err = String;

    /// ```
    /// use partnermap_render::Layout;
    /// assert_eq!("sfdp".parse(), Ok(Layout::Sfdp));
    /// ```
    fn from_str(text: &str) -> Result<Layout, String> {
        Layout::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                let names: Vec<&str> = Layout::ALL.iter().map(|l| l.name()).collect();
                format!(
                    "unknown layout engine \"{text}\"; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// What a map file's name asks for: its DOT source, or a picture Graphviz draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFile {
    /// `.dot` or `.gv`, and `-` (standard output).
    Dot,
    /// `.svg`, `.png` or `.pdf`.
    Image(ImageFormat),
}

impl MapFile {
    /// The kind of file `path` names, by its extension (any case); `None` when it names none.
    ///
    /// ```
    /// use partnermap_render::{ImageFormat, MapFile};
    /// use std::path::Path;
    /// assert_eq!(MapFile::for_path(Path::new("map.PNG")), Some(MapFile::Image(ImageFormat::Png)));
    /// assert_eq!(MapFile::for_path(Path::new("-")), Some(MapFile::Dot));
    /// assert_eq!(MapFile::for_path(Path::new("map.jpeg")), None);
    /// ```
    pub fn for_path(path: &std::path::Path) -> Option<MapFile> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match extension.to_ascii_lowercase().as_str() {
            _ if path == std::path::Path::new("-") => Some(MapFile::Dot),
            "dot" | "gv" => Some(MapFile::Dot),
            other => ImageFormat::from_extension(other).map(MapFile::Image),
        }
    }
}

/// An image format Graphviz can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics: for the web and for editing.
    Svg,
    /// Bitmap: for slides and chat.
    Png,
    /// For printing.
    Pdf,
}

impl ImageFormat {
    /// The format for a file extension (`svg`, `png`, `pdf`, any case).
    ///
    /// ```
    /// use partnermap_render::ImageFormat;
    /// assert_eq!(ImageFormat::from_extension("PNG"), Some(ImageFormat::Png));
    /// assert_eq!(ImageFormat::from_extension("dot"), None);
    /// ```
    pub fn from_extension(extension: &str) -> Option<ImageFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            "pdf" => Some(ImageFormat::Pdf),
            _ => None,
        }
    }

    pub(crate) fn graphviz(self) -> graphviz_rust::cmd::Format {
        use graphviz_rust::cmd::Format as G;
        match self {
            ImageFormat::Svg => G::Svg,
            ImageFormat::Png => G::Png,
            ImageFormat::Pdf => G::Pdf,
        }
    }
}

/// The shape of the picture: a slide or a printed page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    /// A wide slide, 1920 × 1080 at 96 dpi.
    Wide,
    /// A classic slide, 1440 × 1080 at 96 dpi.
    Standard,
    /// An A4 page, portrait.
    A4,
}

impl Aspect {
    /// Width and height in inches: Graphviz fills exactly this size (`ratio=fill`), so a PNG
    /// at its default 96 dpi is the slide's size in pixels and nothing is scaled on the screen.
    pub(crate) fn inches(self) -> (f64, f64) {
        match self {
            Aspect::Wide => (20.0, 11.25),
            Aspect::Standard => (15.0, 11.25),
            Aspect::A4 => (8.27, 11.69),
        }
    }
}

impl FromStr for Aspect {
    type Err = String;

    /// ```
    /// use partnermap_render::Aspect;
    /// assert_eq!("16:9".parse(), Ok(Aspect::Wide));
    /// assert_eq!("A4".parse(), Ok(Aspect::A4));
    /// assert!("3:2".parse::<Aspect>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Aspect, String> {
        match text.to_ascii_lowercase().as_str() {
            "16:9" => Ok(Aspect::Wide),
            "4:3" => Ok(Aspect::Standard),
            "a4" => Ok(Aspect::A4),
            _ => Err(format!(
                "unknown aspect \"{text}\"; expected 16:9, 4:3 or a4"
            )),
        }
    }
}

/// Everything about a map except the data.
///
/// ```
/// use partnermap_render::{MapOptions, View};
/// let options = MapOptions::new(View::Partnerships);
/// assert_eq!(options.top, None);
/// assert_eq!(options.layout, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapOptions {
    /// Which map.
    pub view: View,
    /// How organizations are boxed.
    pub group_by: GroupBy,
    /// Keep only the N most central organizations (landscape, partnerships and coverage
    /// views); every priority population stays.
    pub top: Option<usize>,
    /// The layout engine; chosen by the map's size when absent.
    pub layout: Option<Layout>,
    /// The picture's shape; the drawing's own when absent.
    pub aspect: Option<Aspect>,
    /// The map's name in a page that also holds the organizations' rows: every organization
    /// node then links to `#org-…` ([`org_anchor`](crate::org_anchor)) and carries the id
    /// `NAME-org-…`, so rows can link back to it.
    pub page: Option<String>,
}

impl MapOptions {
    /// Options for a view, with no grouping, every organization and the engine chosen by size.
    pub fn new(view: View) -> MapOptions {
        MapOptions {
            view,
            group_by: GroupBy::None,
            top: None,
            layout: None,
            aspect: None,
            page: None,
        }
    }
}
