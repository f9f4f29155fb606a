//! `partnermap brokers`: the organizations that bridge otherwise separate parts of the network,
//! each with its reasons.

use crate::document::{Block, Document, Item, Section};
use partnermap_analysis::brokers::Broker;

/// The brokers ranking as a document.
///
/// ```
/// let document = partnermap_report::command::brokers("Demo", &[]);
/// assert_eq!(document.title, "Demo: brokers");
/// ```
pub fn brokers(coalition: &str, list: &[Broker]) -> Document {
    let block = if list.is_empty() {
        Block::Paragraph(
            "No organization stands between others: every partnership chain is direct.".to_string(),
        )
    } else {
        Block::List(
            list.iter()
                .enumerate()
                .map(|(i, b)| Item {
                    lead: Some(format!(
                        "{}. {} (betweenness {:.3}{})",
                        i + 1,
                        b.name,
                        b.betweenness,
                        if b.articulation_point {
                            ", cut point"
                        } else {
                            ""
                        }
                    )),
                    text: String::new(),
                    details: b.reasons.clone(),
                })
                .collect(),
        )
    };
    Document {
        title: format!("{coalition}: brokers"),
        subtitle: Vec::new(),
        sections: vec![Section {
            id: "brokers",
            title: "Brokers, most central first".to_string(),
            blocks: vec![block],
        }],
    }
}
