//! `tellus triage`: check a spreadsheet's free-text answers as the server checks each
//! answer it receives, and write which would be held for a safeguarding lead and why.
//!
//! For councils bringing old answers, and for anyone measuring the check: the same phrase
//! lists, learnt model and language check as `tellus serve` uses (the built-in lists).

use crate::commands::theme::{ThemeArgs, ThemeError, read_inputs};
use std::path::PathBuf;
use tellus_core::safeguarding::{self, PhraseList};

/// What `tellus triage` was asked to do.
#[derive(Debug, Clone)]
pub struct TriageArgs {
    pub input: PathBuf,
    pub text_column: String,
    pub id_column: Option<String>,
    /// Where to write the CSV; standard output when absent.
    pub out: Option<PathBuf>,
}

/// How many answers were checked and held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriageOutcome {
    pub rows: usize,
    pub held: usize,
}

/// Checks every answer and writes `row, id, held, reasons` as CSV.
pub fn run(args: &TriageArgs) -> Result<TriageOutcome, ThemeError> {
    let inputs = read_inputs(&ThemeArgs {
        input: args.input.clone(),
        text_column: args.text_column.clone(),
        id_column: args.id_column.clone(),
        group_column: None,
        codes_column: None,
        codebook: None,
        out: PathBuf::new(),
    })?;
    let checker = PhraseList::default().checker();
    let mut out = csv::Writer::from_writer(Vec::new());
    let write_error = |e: csv::Error| ThemeError::Csv {
        path: args.out.clone().unwrap_or_default(),
        source: e,
    };
    out.write_record(["row", "id", "held", "reasons"])
        .map_err(write_error)?;
    let mut held = 0;
    for (row, input) in inputs.iter().enumerate() {
        let reasons = safeguarding::reasons(&checker, &input.text);
        held += !reasons.is_empty() as usize;
        out.write_record([
            row.to_string(),
            input.id.clone().unwrap_or_default(),
            if reasons.is_empty() { "no" } else { "yes" }.to_string(),
            reasons.join("; "),
        ])
        .map_err(write_error)?;
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    match &args.out {
        Some(path) => {
            let tmp = path.with_extension("csv.partial");
            let write = |source| ThemeError::Write {
                path: path.clone(),
                source,
            };
            std::fs::write(&tmp, &bytes).map_err(write)?;
            std::fs::rename(&tmp, path).map_err(write)?;
        }
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&bytes);
        }
    }
    Ok(TriageOutcome {
        rows: inputs.len(),
        held,
    })
}
