//! Export files: CSV, XLSX, DOCX and JSON, all from `tellus-core`'s export tables and
//! "What you told us", so every format says the same thing.

use docx_rs::{Docx, Paragraph, Run, Style, StyleType, Table as DocTable, TableCell, TableRow};
use serde_json::json;
use tellus_core::board::{Board, WhatYouToldUs};
use tellus_core::export::{Table, responses_table, spreadsheet_safe, summary_table};
use tellus_core::{Consultation, StoredResponse};

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Docx,
    Json,
}

impl Format {
    /// The format for a file extension.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "docx" => Some(Format::Docx),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Json => "application/json",
        }
    }
}

/// Renders an export. CSV and XLSX hold one row per response (XLSX adds themes, the
/// summary and event results); DOCX is the themed summary; JSON holds all of them.
pub fn render(
    format: Format,
    c: &Consultation,
    responses: &[StoredResponse],
    board: Option<&Board>,
    summary: &WhatYouToldUs,
    events: &Table,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Csv => csv(&responses_table(c, responses, board)),
        Format::Xlsx => xlsx(
            c,
            &responses_table(c, responses, board),
            board,
            summary,
            events,
        ),
        Format::Docx => docx(summary),
        Format::Json => {
            let table = responses_table(c, responses, board);
            serde_json::to_vec_pretty(
                &json!({ "summary": summary, "responses": table, "events": events }),
            )
            .map_err(|e| e.to_string())
        }
    }
}

/// CSV with a byte-order mark so that Excel reads UTF-8, every cell formula-safe.
fn csv(table: &Table) -> Result<Vec<u8>, String> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(table.headers.iter().map(|h| spreadsheet_safe(h)))
        .map_err(|e| e.to_string())?;
    for row in &table.rows {
        out.write_record(row.iter().map(|c| spreadsheet_safe(c)))
            .map_err(|e| e.to_string())?;
    }
    out.into_inner().map_err(|e| e.to_string())
}

/// A workbook: Responses, Themes, Summary and (when there were any) Events sheets. Cells
/// are written as strings, which spreadsheets never run as formulas.
fn xlsx(
    c: &Consultation,
    responses: &Table,
    board: Option<&Board>,
    summary: &WhatYouToldUs,
    events: &Table,
) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format as Cell, Workbook};
    let bold = Cell::new().set_bold();
    let mut book = Workbook::new();
    let mut sheet_of = |name: &str, table: &Table| -> Result<(), rust_xlsxwriter::XlsxError> {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (col, h) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, h, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32 + 1, col as u16, cell)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    };
    sheet_of("Responses", responses).map_err(|e| e.to_string())?;
    let themes = Table {
        headers: ["Theme", "Source", "Approved", "Answers"]
            .map(String::from)
            .into_iter()
            .chain(summary.audiences.iter().map(|a| a.label.clone()))
            .collect(),
        rows: board
            .map(|b| {
                b.themes
                    .iter()
                    .map(|t| {
                        let mut row = vec![
                            t.label.clone(),
                            format!("{:?}", t.source).to_lowercase(),
                            if t.approved {
                                "Yes".into()
                            } else {
                                "No".into()
                            },
                            tellus_core::board::shown(t.count, 0, summary.threshold).text,
                        ];
                        row.extend(summary.audiences.iter().map(|a| {
                            tellus_core::board::shown(
                                t.per_audience.get(&a.label).copied().unwrap_or(0),
                                0,
                                summary.threshold,
                            )
                            .text
                        }));
                        row
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    sheet_of("Themes", &themes).map_err(|e| e.to_string())?;
    sheet_of("Summary", &summary_table(summary)).map_err(|e| e.to_string())?;
    if !events.rows.is_empty() {
        sheet_of("Events", events).map_err(|e| e.to_string())?;
    }
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(&c.title));
    book.save_to_buffer().map_err(|e| e.to_string())
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn heading(text: &str, level: usize) -> Paragraph {
    paragraph(text).style(&format!("Heading{level}"))
}

/// The themed summary as a Word document: introduction, a table of counts by audience,
/// then each theme with what will be done and quotes.
fn docx(summary: &WhatYouToldUs) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .size(40)
                .bold(),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .size(32)
                .bold(),
        )
        .add_paragraph(heading(&format!("What you told us: {}", summary.title), 1));
    for line in summary.intro.lines().filter(|l| !l.trim().is_empty()) {
        doc = doc.add_paragraph(paragraph(line));
    }
    let table = summary_table(summary);
    let row = |cells: &[String], header: bool| {
        TableRow::new(
            cells
                .iter()
                .map(|c| {
                    let run = if header {
                        Run::new().add_text(c).bold()
                    } else {
                        Run::new().add_text(c)
                    };
                    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
                })
                .collect(),
        )
    };
    let mut rows = vec![row(&table.headers, true)];
    rows.extend(table.rows.iter().map(|r| row(r, false)));
    doc = doc.add_table(DocTable::new(rows)).add_paragraph(paragraph(&format!(
        "Counts are people. Where fewer than {} people said something, we say so rather than give the number, so that nobody can be identified.",
        summary.threshold
    )));
    for t in &summary.themes {
        doc = doc.add_paragraph(heading(&t.label, 2));
        let said: Vec<String> = summary
            .audiences
            .iter()
            .zip(&t.cells)
            .map(|(a, cell)| match cell.percent {
                Some(p) => format!("{}: {} ({p}%)", a.label, cell.text),
                None => format!("{}: {}", a.label, cell.text),
            })
            .collect();
        doc = doc.add_paragraph(paragraph(&format!("Who said this: {}.", said.join("; "))));
        if !t.action.trim().is_empty() {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("What we will do: ").bold())
                    .add_run(Run::new().add_text(&t.action)),
            );
        }
        for q in &t.quotes {
            doc = doc.add_paragraph(
                paragraph(&format!("\u{201c}{}\u{201d} ({})", q.text, q.audience)).indent(
                    Some(720),
                    None,
                    None,
                    None,
                ),
            );
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
