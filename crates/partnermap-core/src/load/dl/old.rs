//! The older UCINET IV files: `^Z`-ended blocks of a name line, a `4 , 10 , 10 ,N,NB` header,
//! a label line and the rows, and an attribute table (`ID,SECTOR,RATING`) whose columns become
//! organization attributes.

use super::*;

/// The index of the first `4 , 10 , 10 ,N,NB` header line and its rows and columns.
pub(super) fn old_header<'a>(lines: impl Iterator<Item = &'a str>) -> Option<(usize, u64, u64)> {
    for (i, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() >= 3 {
            if let (Ok(_), Ok(rows), Ok(columns)) = (
                fields[0].parse::<u64>(),
                fields[1].parse::<u64>(),
                fields[2].parse::<u64>(),
            ) {
                return Some((i, rows, columns));
            }
        }
    }
    None
}

/// Reads the blocks of a UCINET IV file into `network`.
pub(super) fn read_old(text: &str, network: &mut Network) {
    let file = network.file.clone();
    let mut orgs: Vec<usize> = Vec::new();
    let mut first_labels: Vec<String> = Vec::new();
    let mut matrices = Vec::new();
    let mut offset = 0; // lines before this block
    for block in text.split('\u{1a}') {
        let lines: Vec<&str> = block.lines().map(str::trim).collect();
        let block_start = offset;
        offset += block.matches('\n').count();
        let Some((at, rows, columns)) = old_header(lines.iter().copied()) else {
            continue;
        };
        let line_of = |i: usize| block_start + i + 1;
        let fits = vertex_count_fits(rows.max(columns), text.len());
        if fits.is_none() || rows.saturating_mul(columns) > text.len() as u64 {
            network.diagnostics.push(
                Diagnostic::error(
                    &file,
                    format!("a block of {rows} × {columns} does not fit in this file"),
                )
                .at_line(Some(line_of(at)))
                .with_hint(too_many_vertices_hint(text.len())),
            );
            continue;
        }
        let (rows, columns) = (rows as usize, columns as usize);
        let name = at
            .checked_sub(1)
            .map(|i| lines[i])
            .filter(|n| !n.is_empty());
        let labels: Vec<String> = lines
            .get(at + 1)
            .map(|l| l.split(',').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default();
        let body: Vec<(usize, &str)> = lines
            .iter()
            .enumerate()
            .skip(at + 2)
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, l)| (line_of(i), *l))
            .collect();
        let is_network = rows == columns && (orgs.is_empty() || rows == orgs.len());
        if is_network {
            if orgs.is_empty() {
                first_labels = labels.clone();
                orgs = (0..rows)
                    .map(|i| {
                        let label = labels.get(i).filter(|l| !l.is_empty()).cloned();
                        network.add_organization(
                            &label.unwrap_or_else(|| (i + 1).to_string()),
                            Some(line_of(at + 1)),
                        )
                    })
                    .collect();
            } else {
                for (i, label) in labels.iter().enumerate() {
                    if let Some(first) = first_labels.get(i).filter(|f| *f != label) {
                        network.diagnostics.push(
                            Diagnostic::warning(&file, format!("label {} is \"{label}\" here but \"{first}\" in the first matrix", i + 1))
                                .at_line(Some(line_of(at + 1)))
                                .with_hint("the blocks of a UCINET IV file share their order: matched by position"),
                        );
                    }
                }
            }
            let mut matrix = Matrix {
                name: name.map(str::to_string),
                cells: Vec::new(),
            };
            let values: Vec<(&str, usize)> = body
                .iter()
                .flat_map(|&(line, l)| l.split_whitespace().map(move |t| (t, line)))
                .collect();
            if values.len() != rows * columns {
                network.diagnostics.push(
                    Diagnostic::error(
                        &file,
                        format!(
                            "the matrix has {} values where {rows} × {columns} = {} were expected",
                            values.len(),
                            rows * columns
                        ),
                    )
                    .at_line(Some(line_of(at)))
                    .with_hint(MATRIX_HINT),
                );
                continue;
            }
            for (k, (token, line)) in values.into_iter().enumerate() {
                match cell(token) {
                    Ok(Some(v)) => matrix.cells.push((k / columns, k % columns, v, line)),
                    Ok(None) => {}
                    Err(message) => {
                        let hint = cell_hint(&message);
                        network.diagnostics.push(
                            Diagnostic::error(&file, message)
                                .at_line(Some(line))
                                .with_hint(hint),
                        )
                    }
                }
            }
            matrices.push(matrix);
        } else {
            // An attribute table: one row per organization, one column per label.
            if body.len() != rows || rows != orgs.len() {
                network.diagnostics.push(
                    Diagnostic::error(
                        &file,
                        format!(
                            "the table has {} rows for {} organizations",
                            body.len(),
                            orgs.len()
                        ),
                    )
                    .at_line(Some(line_of(at)))
                    .with_hint(
                        "an attribute table gives one row per organization, after the matrices",
                    ),
                );
                continue;
            }
            for (i, (line, row)) in body.into_iter().enumerate() {
                let cells: Vec<&str> = row
                    .split(['\t', ','])
                    .flat_map(|c| c.split_whitespace())
                    .collect();
                if cells.len() != columns {
                    network.diagnostics.push(
                        Diagnostic::error(
                            &file,
                            format!("the row has {} values for {columns} columns", cells.len()),
                        )
                        .at_line(Some(line))
                        .with_hint("write one value per column"),
                    );
                    continue;
                }
                let attributes: BTreeMap<String, String> = labels
                    .iter()
                    .zip(cells)
                    .filter(|(label, _)| !label.eq_ignore_ascii_case("id"))
                    .map(|(label, value)| (label.clone(), value.to_string()))
                    .collect();
                network.coalition.organizations[orgs[i]]
                    .attributes
                    .extend(attributes);
            }
        }
    }
    if orgs.is_empty() {
        network.diagnostics.push(
            Diagnostic::error(&file, "no matrix was found in this UCINET IV file").with_hint(
                "each block has a header line such as 4 , 10 , 10 ,N,NB, a label line and the rows",
            ),
        );
        return;
    }
    let orgs_again = orgs.clone();
    add_ties(matrices, &orgs, &orgs_again, false, network);
}
