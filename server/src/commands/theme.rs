//! `tellus theme`: theme a spreadsheet's free-text column and write the report as JSON.

use std::path::{Path, PathBuf};
use tellus_core::safeguarding::{FLAG_SAFEGUARDING, PhraseList};
use tellus_core::theme::Options;
use tellus_core::theme::codebook::Codebook;
use tellus_core::theme::report::{Input, ThemeReport, build};
use thiserror::Error;

/// What `tellus theme` was asked to do.
#[derive(Debug, Clone)]
pub struct ThemeArgs {
    pub input: PathBuf,
    pub text_column: String,
    pub id_column: Option<String>,
    pub group_column: Option<String>,
    /// Holds a person's codes, `;`-separated, on rows already coded.
    pub codes_column: Option<String>,
    pub codebook: Option<PathBuf>,
    pub out: PathBuf,
}

/// Why the command could not run; each says what to do.
#[derive(Debug, Error)]
pub enum ThemeError {
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a readable CSV file: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("{path} has no column named '{name}'; its columns are: {available}")]
    MissingColumn {
        path: PathBuf,
        name: String,
        available: String,
    },
    #[error("the codebook {path} is not valid JSON: {source}")]
    CodebookJson {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("the codebook {path} has problems: {problems}")]
    CodebookInvalid { path: PathBuf, problems: String },
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What the command reports when it finishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeOutcome {
    pub rows: usize,
    pub themes: usize,
    pub flagged: usize,
}

fn column(headers: &csv::StringRecord, name: &str, path: &Path) -> Result<usize, ThemeError> {
    let clean = |h: &str| h.trim_start_matches('\u{feff}').trim().to_string();
    headers
        .iter()
        .position(|h| clean(h) == name.trim())
        .ok_or_else(|| ThemeError::MissingColumn {
            path: path.to_path_buf(),
            name: name.to_string(),
            available: headers
                .iter()
                .map(|h| format!("'{}'", clean(h)))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Reads the rows to theme.
pub fn read_inputs(args: &ThemeArgs) -> Result<Vec<Input>, ThemeError> {
    let path = &args.input;
    let csv_error = |source| ThemeError::Csv {
        path: path.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(|source| ThemeError::Read {
        path: path.clone(),
        source,
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader.headers().map_err(csv_error)?.clone();
    let text = column(&headers, &args.text_column, path)?;
    let optional = |name: &Option<String>| {
        name.as_deref()
            .map(|n| column(&headers, n, path))
            .transpose()
    };
    let (id, group, codes) = (
        optional(&args.id_column)?,
        optional(&args.group_column)?,
        optional(&args.codes_column)?,
    );

    let mut inputs = Vec::new();
    // Byte records, so a stray non-UTF-8 byte spoils one cell rather than the whole file.
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).map_err(csv_error)? {
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(|b| String::from_utf8_lossy(b).into_owned())
        };
        inputs.push(Input {
            text: cell(Some(text)).unwrap_or_default(),
            id: cell(id),
            group: cell(group)
                .filter(|g| !g.trim().is_empty())
                .map(|g| g.trim().to_string()),
            codes: cell(codes)
                .map(|c| {
                    c.split(';')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    Ok(inputs)
}

fn read_codebook(path: &Path) -> Result<Codebook, ThemeError> {
    let text = std::fs::read_to_string(path).map_err(|source| ThemeError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let book: Codebook =
        serde_json::from_str(&text).map_err(|source| ThemeError::CodebookJson {
            path: path.to_path_buf(),
            source,
        })?;
    book.validate()
        .map_err(|problems| ThemeError::CodebookInvalid {
            path: path.to_path_buf(),
            problems: problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        })?;
    Ok(book)
}

/// Themes the input and returns the report (without writing it).
pub fn theme(args: &ThemeArgs) -> Result<ThemeReport, ThemeError> {
    let inputs = read_inputs(args)?;
    let coded = inputs.iter().any(|i| !i.codes.is_empty());
    // A facilitator's own codebook always applies; the starter codebook only when there
    // are no hand codes to learn from (their scheme is theirs, not ours).
    let codebook = match &args.codebook {
        Some(path) => Some(read_codebook(path)?),
        None if !coded => Some(Codebook::starter()),
        None => None,
    };
    let options = Options {
        codebook: codebook.as_ref(),
        codes: None,
        discover: true,
        skip: None,
    };
    Ok(build(
        &inputs,
        &options,
        &PhraseList::default().checker(),
        &[],
    ))
}

/// Runs `tellus theme` end to end: read, theme, write the JSON report.
pub fn run(args: &ThemeArgs) -> Result<ThemeOutcome, ThemeError> {
    let report = theme(args)?;
    let json = serde_json::to_vec_pretty(&report).expect("reports always serialise");
    // Write beside the target, then rename: a crash never leaves half a report.
    let tmp = args.out.with_extension("json.partial");
    let write_error = |source| ThemeError::Write {
        path: args.out.clone(),
        source,
    };
    std::fs::write(&tmp, json).map_err(write_error)?;
    std::fs::rename(&tmp, &args.out).map_err(write_error)?;
    Ok(ThemeOutcome {
        rows: report.rows.len(),
        themes: report.themes.len(),
        flagged: report
            .rows
            .iter()
            .filter(|r| r.flags.iter().any(|f| f == FLAG_SAFEGUARDING))
            .count(),
    })
}
