//! Gephi's spreadsheet import: `nodes.csv` (`Id`, `Label`, then every other field) and
//! `edges.csv` (`Source`, `Target`, `Type`, `Id`, `Weight`, then every other field), UTF-8
//! without a byte-order mark. docs/formats/gephi-csv.md says what goes where.

use super::network::Exported;

/// Gephi's name for one of ours, where it has its own column.
fn gephi_name(name: &str) -> Option<&'static str> {
    match name {
        "id" => Some("Id"),
        "name" => Some("Label"),
        "weight" => Some("Weight"),
        _ => None,
    }
}

fn csv(header: Vec<String>, rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).expect("writing to memory");
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// The two tables: `nodes.csv` and `edges.csv`.
pub fn gephi_csv(network: &Exported) -> (Vec<u8>, Vec<u8>) {
    let nodes = &network.nodes;
    let header = nodes
        .columns
        .iter()
        .map(|c| gephi_name(&c.name).map_or(c.name.clone(), str::to_string))
        .collect();
    let rows = nodes
        .rows
        .iter()
        .map(|row| row.iter().map(|v| v.clone().unwrap_or_default()).collect())
        .collect();
    let nodes = csv(header, rows);
    let edges = &network.edges;
    let directed = edges.position("directed");
    let mut header: Vec<String> = ["Source", "Target", "Type", "Id"]
        .map(String::from)
        .to_vec();
    header.extend(
        edges.columns[2..]
            .iter()
            .map(|c| gephi_name(&c.name).map_or(c.name.clone(), str::to_string)),
    );
    let rows = edges
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let kind = match directed.and_then(|c| row[c].as_deref()) {
                Some("true") => "Directed",
                _ => "Undirected",
            };
            let cell = |v: &Option<String>| v.clone().unwrap_or_default();
            let mut cells = vec![
                cell(&row[0]),
                cell(&row[1]),
                kind.to_string(),
                i.to_string(),
            ];
            cells.extend(row[2..].iter().map(cell));
            cells
        })
        .collect();
    (nodes, csv(header, rows))
}
