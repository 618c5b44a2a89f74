//! `timeline`, `quotes` and `people` in every `--format`, and their filters, run as a script
//! runs them: CSV that reads back as the JSON rows, a calendar that a calendar program reads
//! back with the right days, Markdown a person can read, the same rows as the app shows for
//! the same filter or query, and usage errors that say what is wrong.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common;
use crate::common::run;
use dossier::app::App;
use dossier::library;
use icalendar::{Component, DatePerhapsTime};
use serde_json::Value;

/// A dossier whose headings, events and quotes hold commas, quotation marks, semicolons,
/// backslashes, pipes, line breaks, HTML, and a text a spreadsheet would run as a formula;
/// its events are at day, month and year precision.
const PUNCTUATION: &str = "tests/fixtures/formats-punctuation.md";
/// A folder of eleven dossiers.
const LIBRARY: &str = "tests/library";

/// `dossier ARGS…`'s standard output; panics with its stderr if it failed. Over the
/// library, the one file that is not UTF-8 is named on stderr and makes the exit code 1.
fn stdout(args: &[&str]) -> String {
    let out = run(args);
    let expected = if args.contains(&LIBRARY) { 1 } else { 0 };
    assert_eq!(
        out.status.code(),
        Some(expected),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The rows of `dossier ARGS… --format json`, each an object.
fn json_rows(args: &[&str]) -> Vec<serde_json::Map<String, Value>> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).expect("a JSON array of objects")
}

/// The header and records of `dossier ARGS… --format csv`, read by the `csv` crate.
fn csv_rows(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let text = stdout(&all);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let records = reader
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect();
    (header, records)
}

/// A JSON value as its CSV field holds it: null empty, a list joined by "; ", and a
/// document's text that starts like a formula after a `'`.
fn as_field(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) if s.starts_with(['=', '+', '-', '@']) => format!("'{s}"),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(as_field).collect();
            items.join(dossier::cli::PEOPLE_DOCUMENTS_SEPARATOR)
        }
        other => other.to_string(),
    }
}

/// Every section title of every document of `path`, by source.
fn section_titles(path: &str) -> BTreeMap<String, Vec<String>> {
    let out = stdout(&["export", path]);
    // A folder's export is a JSON object per line; a file's, one pretty-printed object.
    let docs: Vec<Value> = if Path::new(path).is_dir() {
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    } else {
        vec![serde_json::from_str(&out).unwrap()]
    };
    let titles = |doc: &Value| {
        let sections = doc["sections"].as_array().unwrap().iter();
        sections
            .map(|s| s["title"].as_str().unwrap().to_string())
            .collect()
    };
    docs.iter()
        .map(|doc| (doc["source"].as_str().unwrap().to_string(), titles(doc)))
        .collect()
}

/// `ARGS… --format csv` read back equals `ARGS… --format json`: the same rows in the same
/// order, each JSON field in a column of its name, and the section's title after its index.
fn assert_csv_equals_json(args: &[&str], path: &str) {
    let json = json_rows(args);
    let (header, records) = csv_rows(args);
    assert!(!json.is_empty(), "{args:?} prints rows");
    assert_eq!(records.len(), json.len(), "{args:?}: one record per row");
    let titles = section_titles(path);
    for (row, record) in json.iter().zip(&records) {
        let mut expected_header: Vec<&str> = row.keys().map(String::as_str).collect();
        if let Some(at) = expected_header.iter().position(|k| *k == "section") {
            expected_header.insert(at + 1, "section_title");
        }
        assert_eq!(header, expected_header, "{args:?}");
        let field = |name: &str| &record[header.iter().position(|h| h == name).unwrap()];
        for (key, value) in row {
            assert_eq!(field(key), &as_field(value), "{args:?}: {key} of {row:?}");
        }
        if let Some(section) = row.get("section") {
            let source = row.get("source").and_then(Value::as_str).unwrap_or(path);
            let title = (section.as_u64())
                .map(|s| titles[source][s as usize].as_str())
                .unwrap_or("");
            assert_eq!(
                field("section_title"),
                &as_field(&Value::from(title)),
                "{row:?}"
            );
        }
    }
}

#[test]
fn csv_read_back_equals_the_json_rows_of_each_listing() {
    let text = stdout(&["quotes", PUNCTUATION, "--format", "csv"]);
    assert!(
        text.contains(",\"We shipped it") || text.starts_with("text,"),
        "{text}"
    );
    assert!(
        text.contains("the stars all came through.\nNobody believed"),
        "a line break stays in its quoted field: {text}"
    );
    assert!(text.ends_with("\r\n"), "RFC 4180 ends records in CRLF");
    for listing in ["timeline", "quotes", "people"] {
        assert_csv_equals_json(&[listing, PUNCTUATION], PUNCTUATION);
        // A library adds the source; a query adds the score.
        assert_csv_equals_json(&[listing, LIBRARY], LIBRARY);
    }
    assert_csv_equals_json(&["quotes", LIBRARY, "--query", "compute"], LIBRARY);
    assert_csv_equals_json(&["timeline", LIBRARY, "--filter", "2024 leike"], LIBRARY);
}

#[test]
fn a_csv_field_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
    let (header, records) = csv_rows(&["quotes", PUNCTUATION]);
    let text = header.iter().position(|h| h == "text").unwrap();
    let formula = records
        .iter()
        .find(|r| r[text].contains("SUM(A1:A3)"))
        .unwrap();
    assert!(
        formula[text].starts_with("'=SUM(A1:A3) is what I typed"),
        "{formula:?}"
    );
}

/// The events of `dossier timeline ARGS… --format ics`, parsed back, and the file's text.
fn calendar(args: &[&str]) -> (icalendar::Calendar, String) {
    let mut all = vec!["timeline"];
    all.extend_from_slice(args);
    all.extend(["--format", "ics"]);
    let text = stdout(&all);
    let calendar: icalendar::Calendar = text.parse().expect("an iCalendar file");
    (calendar, text)
}

#[test]
fn the_calendar_has_one_all_day_event_per_entry_on_the_right_day() {
    for path in [PUNCTUATION, LIBRARY, "data/leike-openai-departure-2024.md"] {
        let (calendar, text) = calendar(&[path]);
        let entries = json_rows(&["timeline", path]);
        let events: Vec<&icalendar::Event> = calendar.events().collect();
        assert_eq!(events.len(), entries.len(), "{path}: one event per entry");
        for (event, entry) in events.iter().zip(&entries) {
            let date = entry["date"].as_str().unwrap();
            // A month or a year falls on its first day.
            let first = match date.len() {
                4 => format!("{date}-01-01"),
                7 => format!("{date}-01"),
                _ => date.to_string(),
            };
            let first = chrono::NaiveDate::parse_from_str(&first, "%Y-%m-%d").unwrap();
            assert_eq!(
                event.get_start(),
                Some(DatePerhapsTime::Date(first)),
                "{entry:?}"
            );
            assert_eq!(
                event.get_end(),
                Some(DatePerhapsTime::Date(first.succ_opt().unwrap())),
                "an all-day event ends the next day (DTEND is exclusive)"
            );
            assert_eq!(event.get_summary(), entry["title"].as_str(), "{entry:?}");
            let description = event.get_description().unwrap();
            let precision = entry["precision"].as_str().unwrap();
            match precision {
                "day" => assert!(!description.contains("known to the"), "{description}"),
                _ => assert!(
                    description.contains(&format!("known to the {precision} only")),
                    "{description}"
                ),
            }
            assert_eq!(event.property_value("X-DOSSIER-PRECISION"), Some(precision));
            assert!(event.get_uid().is_some() && event.get_timestamp().is_some());
        }
        // Content lines of at most 75 octets, each ending in CRLF.
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        }
        let uids: std::collections::BTreeSet<_> =
            events.iter().map(|e| e.get_uid().unwrap()).collect();
        assert_eq!(uids.len(), events.len(), "{path}: each event its own UID");
    }
}

#[test]
fn the_calendar_holds_each_precision_and_escapes_the_text() {
    let (calendar, text) = calendar(&[PUNCTUATION]);
    let starts: Vec<(String, Option<DatePerhapsTime>)> = calendar
        .events()
        .map(|e| (e.get_summary().unwrap().to_string(), e.get_start()))
        .collect();
    let day = |y, m, d| {
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        ))
    };
    assert!(starts.contains(&(
        "In 2021 the team was founded, with <b>three</b> people & a link.".into(),
        day(2021, 1, 1)
    )));
    assert!(
        starts
            .iter()
            .any(|(s, d)| s.starts_with("In November 2023") && *d == day(2023, 11, 1))
    );
    assert!(starts.contains(&(
        "March 3, 2024: Alpha, Beta; \"Gamma\" | Delta \\ Epsilon".into(),
        day(2024, 3, 3)
    )));
    assert!(
        text.contains(
            "SUMMARY:March 3\\, 2024: Alpha\\, Beta\\; \"Gamma\" | Delta \\\\ Epsilon\r\n"
        ),
        "{text}"
    );
    assert_eq!(
        calendar.get_name(),
        Some("Timeline: Quotes, Commas; and \"Pipes\" | a Test")
    );
}

/// The fixture library, loaded into the app as the terminal loop loads it.
fn library_app() -> App {
    common::library_app(LIBRARY, 120, 30)
}

/// A timeline row as both show it: file, line, date, title.
type EventRow = (String, usize, String, String);

fn app_timeline(app: &App) -> Vec<EventRow> {
    let rows = app.timeline.rows().map(|(d, e)| {
        let (doc, entry) = (&app.docs[d], &app.docs[d].timeline[e]);
        (
            doc.source.clone(),
            entry.line,
            entry.date.iso(),
            entry.title.clone(),
        )
    });
    rows.collect()
}

fn cli_timeline(args: &[&str], source: &str) -> Vec<EventRow> {
    let rows = json_rows(args).into_iter().map(|r| {
        let text = |k: &str| r[k].as_str().unwrap().to_string();
        let source = r
            .get("source")
            .map_or(source.to_string(), |_| text("source"));
        (
            source,
            r["line"].as_u64().unwrap() as usize,
            text("date"),
            text("title"),
        )
    });
    rows.collect()
}

#[test]
fn a_timeline_filter_gives_the_rows_the_timeline_view_shows_for_it() {
    // Dates, ranges, open ranges, words, `in:`, and a filter that keeps nothing.
    let filters = [
        "",
        "2023-11..2024-06 leike",
        "2024",
        "..2023",
        "in:anthropic",
        "may 2024",
        "commentators 2023-11",
        "nothing-matches-this",
    ];
    let single = || App::new(library::open(None).unwrap(), 120, 30);
    for filter in filters {
        for (make, path) in [(library_app as fn() -> App, Some(LIBRARY)), (single, None)] {
            let mut app = make();
            app.press(&format!("2/{filter}<Enter>"));
            let mut args = vec!["timeline"];
            args.extend(path);
            args.extend(["--filter", filter]);
            let cli = cli_timeline(&args, "<embedded>");
            assert_eq!(cli, app_timeline(&app), "filter {filter:?} on {path:?}");
            if path.is_some() && !filter.starts_with("nothing") {
                assert!(
                    !cli.is_empty(),
                    "{filter:?} keeps some of the library's events"
                );
            }
        }
    }
}

/// A quote as both show it: file, line, text.
type QuoteRow = (String, usize, String);

fn app_quotes(app: &App) -> Vec<QuoteRow> {
    let rows = app.quotes.hits.iter().map(|hit| {
        let (d, q) = app.hit_quote(hit).unwrap();
        (app.docs[d].source.clone(), q.line, q.text.clone())
    });
    rows.collect()
}

fn cli_quotes(args: &[&str], source: &str) -> Vec<QuoteRow> {
    let rows = json_rows(args).into_iter().map(|r| {
        let text = |k: &str| r[k].as_str().unwrap().to_string();
        let source = r
            .get("source")
            .map_or(source.to_string(), |_| text("source"));
        (source, r["line"].as_u64().unwrap() as usize, text("text"))
    });
    rows.collect()
}

#[test]
fn a_quote_query_gives_the_quotes_view_s_ranking() {
    // Fuzzy words, exact words and phrases, speakers, a negation, an OR group, spaces
    // around, and a query that finds nothing.
    let queries = [
        "",
        "compute",
        "stand by every word",
        "'fired",
        "\"struggling for compute\"",
        "@leike",
        "@leike compute",
        "!stand",
        "confidence | racing",
        "  racing  ",
        "zzzzqqq",
    ];
    let single = || App::new(library::open(None).unwrap(), 120, 30);
    for query in queries {
        for (make, path) in [(library_app as fn() -> App, Some(LIBRARY)), (single, None)] {
            let mut app = make();
            // Typed into the Quotes view's box, one key at a time.
            app.press(&format!("3{query}"));
            let mut args = vec!["quotes"];
            args.extend(path);
            args.extend(["--query", query]);
            let cli = cli_quotes(&args, "<embedded>");
            assert_eq!(cli, app_quotes(&app), "query {query:?} on {path:?}");
            if path.is_some() && query != "zzzzqqq" {
                assert!(
                    !cli.is_empty(),
                    "{query:?} finds some of the library's quotes"
                );
            }
        }
    }
}

#[test]
fn a_speaker_gives_that_person_s_quotes_as_the_people_view_opens_them() {
    // The People view's Enter opens the Quotes view on the selected person's quotes.
    let mut app = library_app();
    app.press("4");
    let person = app.people.selected_person().unwrap().name.clone();
    app.press("<Enter>");
    let cli = cli_quotes(&["quotes", LIBRARY, "--speaker", &person], "");
    assert!(cli.len() >= 2, "{person}: {cli:?}");
    assert_eq!(cli, app_quotes(&app), "{person}");
}

#[test]
fn markdown_is_a_table_of_events_a_person_can_read() {
    let md = stdout(&[
        "timeline",
        PUNCTUATION,
        "--format",
        "md",
        "--filter",
        "2023..",
    ]);
    assert_eq!(
        md,
        "# Timeline: Quotes, Commas; and \"Pipes\" \\| a Test\n\
         \n\
         Filtered by: 2023..\n\
         \n\
         | Date | Event | Section | Line |\n\
         | --- | --- | --- | --- |\n\
         | 2023-11 | In November 2023 the board met, argued about \"the plan\", and voted 5–4; a long meeting that ran late into the night… | November 2023 | 15 |\n\
         | 2023-11 | In November 2023 the board met, argued about \"the plan\", and voted 5–4; a long meeting that ran late into the night… | November 2023 | 17 |\n\
         | 2024-03-03 | March 3, 2024: Alpha, Beta; \"Gamma\" \\| Delta \\\\ Epsilon | March 3, 2024: Alpha, Beta; \"Gamma\" \\| Delta \\\\ Epsilon | 9 |\n"
    );
    // HTML in a document's text is shown as text, not run as HTML.
    let all = stdout(&["timeline", PUNCTUATION, "--format", "md"]);
    assert!(
        all.contains("with \\<b\\>three\\</b\\> people \\& a link."),
        "{all}"
    );
    // Every table row has as many cells as the header: no `|` from a document splits one.
    let rows: Vec<&str> = all.lines().filter(|l| l.starts_with('|')).collect();
    for row in &rows {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 5, "{row}");
    }
    assert_eq!(rows.len(), 2 + json_rows(&["timeline", PUNCTUATION]).len());
}

#[test]
fn markdown_quotes_are_block_quotes_with_who_said_them_and_where() {
    let md = stdout(&["quotes", PUNCTUATION, "--format", "md", "--query", "ship"]);
    assert_eq!(
        md,
        "# Quotes: Quotes, Commas; and \"Pipes\" \\| a Test\n\
         \n\
         Query: ship\n\
         \n\
         > We shipped it, finally; the \\\\ backslash, the \\| pipe and the stars all came through.\n\
         >\n\
         > Nobody believed it would take three years, but it did.\n\
         >\n\
         > — Maria Lopez · March 3, 2024: Alpha, Beta; \"Gamma\" \\| Delta \\\\ Epsilon · line 11\n\
         \n"
    );
    let library = stdout(&["quotes", LIBRARY, "--format", "md", "--speaker", "leike"]);
    assert!(
        library.starts_with("# Quotes: 11 documents\n\nSpeaker: leike\n\n> "),
        "{library}"
    );
    assert!(
        library.contains(" · tests/library/leike-anthropic.md:"),
        "{library}"
    );
    let nothing = stdout(&["quotes", PUNCTUATION, "--format", "md", "-q", "zzzzqqq"]);
    assert!(nothing.ends_with("\n\nNo quotes.\n"), "{nothing}");
}

#[test]
fn markdown_people_is_a_table() {
    let md = stdout(&["people", PUNCTUATION, "--format", "md"]);
    assert_eq!(
        md,
        "# People: Quotes, Commas; and \"Pipes\" \\| a Test\n\
         \n\
         | Person | Quotes | First | Last | Documents |\n\
         | --- | --- | --- | --- | --- |\n\
         | Maria Lopez | 2 | 2021 | 2024-03-03 | tests/fixtures/formats-punctuation.md |\n\
         | Ann Reyes | 1 | — | — | tests/fixtures/formats-punctuation.md |\n\
         | Sam O'Brien | 1 | 2021 | 2022-06-30 | tests/fixtures/formats-punctuation.md |\n"
    );
}

#[test]
fn json_is_the_same_by_either_flag() {
    for listing in ["timeline", "quotes", "people"] {
        assert_eq!(
            stdout(&[listing, LIBRARY, "--json"]),
            stdout(&[listing, LIBRARY, "--format", "json"])
        );
    }
    assert_eq!(
        stdout(&["timeline"]),
        stdout(&["timeline", "--format", "text"])
    );
}

/// `dossier ARGS…` failed with `code`; its stderr.
fn fails(args: &[&str], code: i32) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(code), "dossier {args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed {:?}", out.stdout);
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_format_a_listing_cannot_write_is_a_usage_error() {
    for listing in ["quotes", "people"] {
        let err = fails(&[listing, PUNCTUATION, "--format", "ics"], 2);
        assert!(
            err.starts_with("error: invalid value 'ics' for '--format <FORMAT>'\n"),
            "{err}"
        );
        assert!(
            err.contains("[possible values: text, json, csv, md]"),
            "{err}"
        );
    }
    let err = fails(&["timeline", "--format", "xml"], 2);
    assert!(
        err.contains("[possible values: text, json, csv, md, ics]"),
        "{err}"
    );
    let err = fails(&["timeline", "--json", "--format", "csv"], 2);
    assert!(
        err.starts_with("error: the argument '--json' cannot be used with"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_one_line_naming_it() {
    for format in ["csv", "md", "ics"] {
        let err = fails(&["timeline", "no/such-file.md", "--format", format], 1);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("dossier: ") && err.contains("no/such-file.md"),
            "{err}"
        );
    }
}

/// `dossier timeline DOC --format csv | head -1`: a reader that stops early is no failure,
/// in any format (the csv crate wraps the broken pipe in an error of its own).
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = common::Scratch::new();
    // Far more than a pipe holds (64 KB): the writer meets the closed pipe.
    let items: String = (0..4000)
        .map(|i| {
            format!(
                "- {:04}-05-14: Event number {i}, with a comma.\n",
                1000 + i % 1000
            )
        })
        .collect();
    let path = dir.file("many.md", format!("# Many\n\n{items}"));
    for format in ["text", "json", "csv", "md", "ics"] {
        let mut child = common::bin()
            .args(["timeline", path.to_str().unwrap(), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}");
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && err.is_empty(), "{format}: {err}");
    }
}
