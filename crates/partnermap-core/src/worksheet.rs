//! The *Identifying Potential Coalition Members* worksheet as a workbook: its sheets, their
//! columns (header, the model field each holds, the input message that explains it, the list
//! its drop-down offers) and the worksheet's own Forest City examples. The workbook writer
//! (`init`) and reader (`load::workbook`) both follow this one layout, so what one writes the
//! other reads.

use crate::model::Status;
use crate::vocabulary::{normalize, TermKind};

/// The values a column's drop-down offers (from the hidden Vocabulary sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// Free text: no drop-down.
    Free,
    /// Organization types.
    Types,
    /// The statuses the sheet allows.
    Statuses,
    /// Terms of one kind; a cell may hold several, separated by `;`.
    Terms(TermKind),
    /// Yes or no.
    YesNo,
    /// Kinds of partnership.
    Kinds,
    /// Strength 1, 2 or 3.
    Strengths,
    /// The organizations entered in Tables 1 and 2.
    Organizations,
}

/// One column of a sheet.
#[derive(Debug)]
pub struct Column {
    /// The header, as the worksheet words it.
    pub header: &'static str,
    /// The model field it holds (a column of `organizations.csv` or `partnerships.csv`).
    pub field: &'static str,
    /// Other fields whose problems are shown in this column.
    pub also: &'static [&'static str],
    /// What to write, shown when the header or a cell is selected (at most 255 characters).
    pub help: &'static str,
    /// The drop-down, if any.
    pub choices: Choices,
}

/// What a sheet's rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Worksheet Part 1: the coalition and its priorities.
    Part1,
    /// Organizations with these statuses (Tables 1 and 2), the first the default.
    Organizations(&'static [Status]),
    /// Fields added to organizations named in Tables 1 and 2 (Tables 3 and 4).
    Notes,
    /// Partnerships.
    Partnerships,
}

/// One sheet of the workbook.
#[derive(Debug)]
pub struct Sheet {
    /// The sheet's name (its tab).
    pub name: &'static str,
    /// The first row: the worksheet's question for the sheet.
    pub title: &'static str,
    /// Its columns, in order; the headers are on the second row.
    pub columns: &'static [Column],
    /// What its rows are.
    pub rows: Rows,
    /// The worksheet's examples, shown greyed as the first rows and ignored when read.
    pub examples: &'static [&'static [&'static str]],
}

/// A row whose first cell starts with this is an example, not data.
pub const EXAMPLE: &str = "Example:";

/// The row that holds the headers (1-based).
pub const HEADER_ROW: u32 = 2;

impl Sheet {
    /// The header of the column that shows problems of `field` (the field itself when no
    /// column holds it).
    pub fn header_of(&self, field: &str) -> &'static str {
        self.columns
            .iter()
            .find(|c| c.field == field || c.also.contains(&field))
            .map(|c| c.header)
            .unwrap_or_else(|| {
                self.columns
                    .iter()
                    .find(|c| c.field == "name")
                    .map_or(self.columns[0].header, |c| c.header)
            })
    }

    /// The column a header names (ignoring case and punctuation), by its header or field.
    pub fn column(&self, header: &str) -> Option<&'static Column> {
        let wanted = normalize(header);
        self.columns
            .iter()
            .find(|c| normalize(c.header) == wanted || normalize(c.field) == wanted)
    }

    /// The statuses a sheet of organizations allows.
    pub fn statuses(&self) -> &'static [Status] {
        match self.rows {
            Rows::Organizations(statuses) => statuses,
            _ => &[],
        }
    }
}

/// Part 1's first column: what each row is.
pub const PART1_LISTS: [(&str, &str); 4] = [
    ("Coalition", ""),
    ("Population", "Other population"),
    ("Area of concern", "Other area of concern"),
    ("Asset", "Other asset"),
];

/// Part 1's "Coalition" rows: item label and the field each answers.
pub const PART1_COALITION: [(&str, &str); 4] = [
    ("Coalition name", "name"),
    ("Convener", "convener"),
    ("As of", "as_of"),
    ("Purpose", "purpose"),
];

/// Empty "Other" rows per list in a new workbook.
pub const OTHER_ROWS: usize = 3;

/// The list a Part 1 row belongs to (its first cell), and whether it is an "Other" row.
pub fn part1_list(cell: &str) -> Option<(Option<TermKind>, bool)> {
    let wanted = normalize(cell);
    if wanted == normalize(PART1_LISTS[0].0) {
        return Some((None, false));
    }
    TermKind::ALL
        .into_iter()
        .zip(&PART1_LISTS[1..4])
        .find_map(|(kind, (list, other))| {
            if wanted == normalize(list) {
                Some((Some(kind), false))
            } else if wanted == normalize(other) {
                Some((Some(kind), true))
            } else {
                None
            }
        })
}

const ORGANIZATION_COLUMNS: &[Column] = &[
    Column { header: "Organization name", field: "name", also: &["id"], help: "The organization's name as people write it. Rows starting with \"Example:\" are ignored.", choices: Choices::Free },
    Column { header: "Type of organization", field: "type", also: &[], help: "Pick one type from the list (nonprofit, public agency, school, business, financial institution, anchor institution, workforce board, American Job Center, ...).", choices: Choices::Types },
    Column { header: "Target populations served", field: "populations", also: &[], help: "Pick a population, or type several separated by ; (e.g. Young people; Residents with low incomes). Part 1 lists them all.", choices: Choices::Terms(TermKind::Population) },
    Column { header: "Domains of work", field: "domains", also: &[], help: "Pick an area of concern, or type several separated by ; (e.g. Financial security; Housing stability).", choices: Choices::Terms(TermKind::Domain) },
    Column { header: "Assets", field: "assets", also: &[], help: "Pick an asset it brings, or type several separated by ; (e.g. Convening power; Political clout).", choices: Choices::Terms(TermKind::Asset) },
    Column { header: "Status", field: "status", also: &[], help: "Where it stands with the coalition; empty means the table's own (existing in Table 1, potential in Table 2). \"Keep informed\" is allowed in either.", choices: Choices::Statuses },
    Column { header: "Contact", field: "contact", also: &[], help: "A contact person or address (optional).", choices: Choices::Free },
    Column { header: "Website", field: "website", also: &[], help: "The organization's website (optional).", choices: Choices::Free },
    Column { header: "City", field: "city", also: &[], help: "Where it is or works (optional).", choices: Choices::Free },
    Column { header: "Notes", field: "notes", also: &[], help: "Anything else worth keeping (optional).", choices: Choices::Free },
];

/// Worksheet Part 1: the coalition, its convener and its priorities.
pub const PART1: Sheet = Sheet {
    name: "Part 1",
    title: "Part 1: Identify your coalition's needs. Answer yes for the groups that face the greatest barriers, the areas of greatest concern and the assets the coalition needs; write others in the Other rows.",
    columns: &[
        Column { header: "List", field: "list", also: &[], help: "Which question the row answers. Leave as it is.", choices: Choices::Free },
        Column { header: "Item", field: "item", also: &["priorities.populations", "priorities.domains", "priorities.assets", "vocabulary.populations", "vocabulary.domains", "vocabulary.assets"], help: "The worksheet's term. In an Other row, write your own term here (and yes in Answer to make it a priority).", choices: Choices::Free },
        Column { header: "Answer", field: "answer", also: &["name", "convener", "as_of", "purpose"], help: "Yes for a priority, no or empty otherwise. For the coalition: its name, the convening organization (as in Table 1), the date the data describes and its purpose in a sentence or two (for the letters).", choices: Choices::YesNo },
    ],
    rows: Rows::Part1,
    examples: &[],
};

/// Worksheet Table 1: existing partnerships.
pub const TABLE1: Sheet = Sheet {
    name: "Table 1",
    title: "Table 1: Existing partnerships. The stakeholders you have good partnerships with (the convener too, with status Member).",
    columns: ORGANIZATION_COLUMNS,
    rows: Rows::Organizations(&[Status::Existing, Status::Member, Status::KeepInformed]),
    examples: &[&["Example: Forest City Asset Builders", "Community-based nonprofit", "Young people; Residents with low incomes; People of color", "Financial security; Housing stability", "Data sharing and transparency; Experience conducting deep and meaningful community engagement", "Existing partner", "", "", "Forest City", ""]],
};

/// Worksheet Table 2: potential new partnerships.
pub const TABLE2: Sheet = Sheet {
    name: "Table 2",
    title: "Table 2: Potential new partnerships. New partners who serve your target populations, work in your priority areas or have assets the coalition needs.",
    columns: ORGANIZATION_COLUMNS,
    rows: Rows::Organizations(&[Status::Potential, Status::KeepInformed]),
    examples: &[&["Example: Forest City Community College", "Anchor institution", "Residents with low incomes; English-language learners", "Employment opportunities; Opportunities for income", "Convening power; Research and analytical capacity; Political clout", "Potential partner", "", "", "Forest City", ""]],
};

/// Worksheet Table 3: how partners can benefit the coalition's work.
pub const TABLE3: Sheet = Sheet {
    name: "Table 3",
    title: "Table 3: How existing and potential partners can benefit the coalition's work. One row per partner named in Table 1 or 2.",
    columns: &[
        Column { header: "Identified partner", field: "name", also: &[], help: "An organization from Table 1 or 2, written as there.", choices: Choices::Organizations },
        Column { header: "Aligned initiatives", field: "aligned_initiatives", also: &[], help: "Their initiatives that align with the coalition's work.", choices: Choices::Free },
        Column { header: "Motivations for joining", field: "motivations", also: &[], help: "Why they would want to join.", choices: Choices::Free },
        Column { header: "Roles", field: "roles", also: &[], help: "Roles they could play (champion, data team lead, ...).", choices: Choices::Free },
        Column { header: "Barriers to partnership / how they're a good partner", field: "barriers", also: &[], help: "What could stand in the way, and what makes them a good partner.", choices: Choices::Free },
    ],
    rows: Rows::Notes,
    examples: &[
        &["Example: Forest City Asset Builders", "Wealth-Building for All campaign", "They want to expand their wealth-building programming to a wider audience in the city.", "Forest City AB director as champion; Forest City AB data analyst as data team lead", "They have a long history of work in this space that we can learn a lot from. However, they may be skeptical of people for whom this work is a newfound interest."],
        &["Example: Forest City Chamber of Commerce", "Forest City Small Business Loan Program", "They want to increase their contacts with key stakeholders in the city.", "Forest City Chamber of Commerce director as communications lead", "They have the ear of the business sector in our city and can help us bring these critical actors into our strategy. However, they may be reticent to support some of the more progressive policies advocated for by this group."],
    ],
};

/// Worksheet Table 4: the final invite list.
pub const TABLE4: Sheet = Sheet {
    name: "Table 4",
    title: "Table 4: Final invite list. Who to invite, from which organization, and who will send the invitation.",
    columns: &[
        Column { header: "Potential coalition member", field: "member", also: &[], help: "The person to invite (kept as the organization's contact when it has none).", choices: Choices::Free },
        Column { header: "Organization", field: "name", also: &[], help: "Their organization, from Table 1 or 2.", choices: Choices::Organizations },
        Column { header: "Who will send the invitation?", field: "invited_by", also: &[], help: "The partner (from Table 1) or person who sends the invitation.", choices: Choices::Organizations },
    ],
    rows: Rows::Notes,
    examples: &[&["Example: Director of Workforce Programs", "Example: Forest City Community College", "Forest City Workforce Development Board"]],
};

/// The partnerships between organizations.
pub const PARTNERSHIPS: Sheet = Sheet {
    name: "Partnerships",
    title: "Partnerships: who works with whom. One row per partnership between two organizations of Tables 1 and 2.",
    columns: &[
        Column { header: "Organization", field: "source", also: &[], help: "One organization, from Table 1 or 2.", choices: Choices::Organizations },
        Column { header: "Partner", field: "target", also: &[], help: "The organization it works with, from Table 1 or 2.", choices: Choices::Organizations },
        Column { header: "Kind", field: "kind", also: &[], help: "What the partnership consists of: formal MOU, informal, referral, co-enrollment, funding, subcontract, data sharing or other.", choices: Choices::Kinds },
        Column { header: "Strength", field: "strength", also: &[], help: "1 weak, 2 working (the default), 3 strong.", choices: Choices::Strengths },
        Column { header: "One way", field: "directed", also: &[], help: "Yes when it flows one way, from Organization to Partner (referrals, funding); else leave empty.", choices: Choices::YesNo },
        Column { header: "Since", field: "since", also: &[], help: "When it began, e.g. 2021-06 (optional).", choices: Choices::Free },
        Column { header: "Notes", field: "notes", also: &[], help: "Anything else worth keeping (optional).", choices: Choices::Free },
    ],
    rows: Rows::Partnerships,
    examples: &[&["Example: Forest City Asset Builders", "Forest City Community College", "Referral", "2", "", "2024-09", "Refers savers to the college's career pathways."]],
};

/// Every sheet people fill in, in the workbook's order.
pub const SHEETS: [&Sheet; 6] = [&PART1, &TABLE1, &TABLE2, &TABLE3, &TABLE4, &PARTNERSHIPS];

/// The hidden sheet the drop-downs read their lists from.
pub const VOCABULARY_SHEET: &str = "Vocabulary";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_fits_excel_and_every_example_its_columns() {
        for sheet in SHEETS {
            for column in sheet.columns {
                assert!(
                    column.help.encode_utf16().count() <= 255,
                    "{}",
                    column.header
                );
            }
            for example in sheet.examples {
                assert_eq!(example.len(), sheet.columns.len(), "{}", sheet.name);
                assert!(example[0].starts_with(EXAMPLE));
            }
        }
    }

    #[test]
    fn problems_are_shown_in_the_column_that_holds_them() {
        assert_eq!(TABLE2.header_of("populations"), "Target populations served");
        assert_eq!(TABLE1.header_of("id"), "Organization name");
        assert_eq!(PART1.header_of("priorities.domains"), "Item");
        assert_eq!(PART1.header_of("convener"), "Answer");
        assert_eq!(
            TABLE2.column("target populations served").unwrap().field,
            "populations"
        );
        assert_eq!(PARTNERSHIPS.column("target").unwrap().header, "Partner");
        assert_eq!(
            part1_list("Other area of concern"),
            Some((Some(TermKind::Domain), true))
        );
        assert_eq!(part1_list("coalition"), Some((None, false)));
        assert_eq!(part1_list("Priorities"), None);
    }
}
