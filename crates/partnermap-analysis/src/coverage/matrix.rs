//! The priority populations × priority domains matrix: who serves each population in each
//! domain (docs/gaps.md, "The matrix").
use super::{Class, Providers, TermRef};
use partnermap_core::model::Coalition;
use partnermap_core::vocabulary::{TermKind, Vocabulary};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One cell of the population × domain matrix: who serves this population in this domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The priority population.
    pub population: TermRef,
    /// The priority domain.
    pub domain: TermRef,
    /// How well the network covers the pair.
    pub class: Class,
    /// Organizations that serve the population and work in the domain.
    pub providers: Providers,
}

/// The priority populations × priority domains matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// Rows: priority populations, in priority order.
    pub populations: Vec<TermRef>,
    /// Columns: priority domains, in priority order.
    pub domains: Vec<TermRef>,
    /// Every cell, row by row: the cell of population `p` and domain `d` is at
    /// `p * domains.len() + d`.
    pub cells: Vec<Cell>,
}

impl Matrix {
    /// The cell of a population row and domain column.
    ///
    /// ```
    /// use partnermap_analysis::coverage::coverage;
    /// use partnermap_core::model::Coalition;
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.priorities.populations = vec!["young-people".into()];
    /// coalition.priorities.domains = vec!["digital-access".into()];
    /// let matrix = coverage(&partnermap_core::Landscape::build(&coalition)).matrix;
    /// assert_eq!(matrix.cell(0, 0).domain.id, "digital-access");
    /// ```
    pub fn cell(&self, population: usize, domain: usize) -> &Cell {
        &self.cells[population * self.domains.len() + domain]
    }
}

pub(super) fn matrix(coalition: &Coalition, vocabulary: &Vocabulary) -> Matrix {
    let rows = |kind: TermKind| -> Vec<TermRef> {
        let mut seen = HashSet::new();
        coalition
            .priorities
            .terms(kind)
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .map(|id| TermRef::new(vocabulary, kind, id))
            .collect()
    };
    let populations = rows(TermKind::Population);
    let domains = rows(TermKind::Domain);
    let position = |list: &[TermRef]| -> HashMap<String, usize> {
        list.iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect()
    };
    let (row_of, column_of) = (position(&populations), position(&domains));
    let mut providers = vec![Providers::default(); populations.len() * domains.len()];
    for organization in &coalition.organizations {
        for population in organization
            .populations
            .iter()
            .filter_map(|p| row_of.get(p))
        {
            for domain in organization.domains.iter().filter_map(|d| column_of.get(d)) {
                providers[population * domains.len() + domain].push(organization);
            }
        }
    }
    let cells = providers
        .into_iter()
        .enumerate()
        .map(|(at, mut providers)| {
            providers.sort();
            Cell {
                population: populations[at / domains.len()].clone(),
                domain: domains[at % domains.len()].clone(),
                class: Class::of(&providers),
                providers,
            }
        })
        .collect();
    Matrix {
        populations,
        domains,
        cells,
    }
}
