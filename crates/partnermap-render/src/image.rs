//! Running Graphviz's `dot` program: the only part of the crate that needs Graphviz installed.

use crate::options::{ImageFormat, Layout};
use graphviz_rust::cmd::CommandArg;
use std::io::ErrorKind;

/// Drawing an image failed.
///
/// ```
/// let missing = partnermap_render::RenderError::GraphvizMissing.to_string();
/// assert!(missing.contains("apt-get install graphviz") && missing.contains(".dot"));
/// ```
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Graphviz is not installed, or its `dot` program is not on the PATH.
    #[error(
        "Graphviz's `dot` program was not found, and it is needed for .svg, .png and .pdf maps. \
         Install Graphviz (Debian/Ubuntu: `apt-get install graphviz`; macOS: `brew install graphviz`; \
         others: https://graphviz.org/download/), or write a .dot file instead, which needs no Graphviz."
    )]
    GraphvizMissing,
    /// Graphviz ran and failed.
    #[error("Graphviz could not draw the map: {message}")]
    Graphviz {
        /// What Graphviz said.
        message: String,
    },
}

/// Draws DOT text as an image with Graphviz's `dot` program and the given layout engine.
///
/// A `layout` attribute inside the DOT wins over `layout`, as it does for Graphviz itself;
/// maps from [`to_dot`](crate::to_dot) carry the engine [`layout_for`](crate::layout_for)
/// returns, so the two always agree.
///
/// ```
/// use partnermap_render::{render_image, ImageFormat, Layout, RenderError};
/// match render_image("digraph { a -> b }", ImageFormat::Svg, Layout::Dot) {
///     Ok(svg) => assert!(String::from_utf8_lossy(&svg).contains("<svg")),
///     Err(RenderError::GraphvizMissing) => {} // the same call works once Graphviz is installed
///     Err(other) => panic!("{other}"),
/// }
/// ```
pub fn render_image(
    dot: &str,
    format: ImageFormat,
    layout: Layout,
) -> Result<Vec<u8>, RenderError> {
    graphviz_rust::exec_dot(
        dot.to_string(),
        vec![
            CommandArg::Format(format.graphviz()),
            CommandArg::Layout(layout.graphviz()),
        ],
    )
    .map_err(|error| match error.kind() {
        ErrorKind::NotFound => RenderError::GraphvizMissing,
        _ => RenderError::Graphviz {
            message: error.to_string().trim().to_string(),
        },
    })
}
