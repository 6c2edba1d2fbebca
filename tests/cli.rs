//! The kcite binary: commands, exit codes, outputs on disk.
mod common;

use std::process::Command;

fn kcite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kcite"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kcite-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn tokenize_prints_surface_and_tag() {
    let out = kcite()
        .args(["tokenize", "tests/fixtures/sentence.txt"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.starts_with("북한\tNNP\n이\tJKS\n코로나\tNNP\n19\tSN\n종식\tNNG\n을\tJKO\n"),
        "{text}"
    );
}

#[test]
fn extract_stdin_to_stdout_is_json_of_the_schema() {
    let input = std::fs::read(common::REPORT).expect("report");
    let mut child = kcite()
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&input)
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let doc: kcite::Document = serde_json::from_slice(&out.stdout).expect("schema");
    assert_eq!(doc.footnotes.len(), 65);
    assert_eq!(doc.document.id, "stdin");
}

#[test]
fn extract_directory_writes_json_and_tables_identically_for_any_job_count() {
    let input = temp_dir("in");
    std::fs::copy(common::REPORT, input.join("a.txt")).expect("copy");
    std::fs::copy("tests/fixtures/other-series.txt", input.join("b.txt")).expect("copy");
    std::fs::write(input.join("empty.txt"), "").expect("write");
    std::fs::write(input.join("binary.txt"), b"\x7fELF\x00\x01\x02").expect("write");
    std::fs::write(input.join("ignored.md"), "# not a report").expect("write");
    let outputs: Vec<OutputFiles> = ["1", "2"]
        .into_iter()
        .map(|jobs| extract_with_jobs(&input, jobs))
        .collect();
    let names: Vec<&str> = outputs[0].iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "a.json",
            "b.json",
            "citations.csl.json",
            "claims.jsonl",
            "links.csv",
            "summary.json"
        ]
    );
    assert_eq!(
        outputs[0], outputs[1],
        "byte-identical for --jobs 1 and --jobs 2"
    );
    check_links(output_file(&outputs[0], "links.csv"));
    check_summary_and_claims(&outputs[0]);
    let csl: serde_json::Value =
        serde_json::from_slice(output_file(&outputs[0], "citations.csl.json")).expect("json");
    let first_news = csl
        .as_array()
        .and_then(|a| a.iter().find(|i| i["type"] == "article-newspaper"))
        .expect("news");
    assert_eq!(first_news["container-title"], "RFA");
    assert_eq!(
        first_news["issued"]["date-parts"][0],
        serde_json::json!([2023, 8, 4])
    );
}

/// The files of an output directory, by name, in name order.
type OutputFiles = Vec<(String, Vec<u8>)>;

fn output_file<'a>(files: &'a OutputFiles, name: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == name).expect(name).1
}

/// `kcite extract --jobs N` of the folder with two bad files, and what it wrote.
fn extract_with_jobs(input: &std::path::Path, jobs: &str) -> OutputFiles {
    let out_dir = temp_dir(&format!("out{jobs}"));
    let out = kcite()
        .args(["extract", "--quiet", "--jobs", jobs, "-o"])
        .arg(&out_dir)
        .arg(input)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "two bad files make the run fail"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");
    assert!(
        stderr.contains("binary.txt: the file is binary"),
        "{stderr}"
    );
    let mut files: OutputFiles = std::fs::read_dir(&out_dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

fn check_links(links: &[u8]) {
    assert!(links.starts_with("\u{feff}document,claim,footnote".as_bytes()));
    // every row carries its claim's text and the sentence with the marker
    let rows = csv_records(std::str::from_utf8(links).expect("utf-8"));
    assert_eq!(rows[0][rows[0].len() - 2..], ["claim_text", "sentence"]);
    assert!(rows.len() > 100);
    let shorter = rows[1..]
        .iter()
        .filter(|r| {
            let (text, sentence) = (&r[r.len() - 2], &r[r.len() - 1]);
            assert!(
                !sentence.is_empty() && text.contains(sentence.as_str()),
                "{r:?}"
            );
            sentence.len() < text.len()
        })
        .count();
    assert!(shorter > 0, "the sentence, not the whole claim");
}

/// `summary.json` and `claims.jsonl` read back into their typed rows
/// (docs/SCHEMA.md) and agree with the documents written.
fn check_summary_and_claims(files: &OutputFiles) {
    use kcite::output::rows::{ClaimRow, Summary};
    let summary: Summary =
        serde_json::from_slice(output_file(files, "summary.json")).expect("a summary");
    assert_eq!(summary.documents.len(), 2);
    assert_eq!(summary.failed.len(), 2);
    assert!(summary.outlets.get("연합뉴스").copied().unwrap_or(0) > 50);
    let claims: Vec<ClaimRow> = std::str::from_utf8(output_file(files, "claims.jsonl"))
        .expect("utf-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a claim row"))
        .collect();
    let a: kcite::Document = serde_json::from_slice(output_file(files, "a.json")).expect("a");
    let of_a: Vec<&ClaimRow> = claims.iter().filter(|c| c.document == "a").collect();
    assert_eq!(of_a.len(), a.claims.len());
    assert_eq!(summary.documents[0].claims, a.claims.len());
    for (row, claim) in of_a.iter().zip(&a.claims) {
        assert_eq!((&row.id, &row.text), (&claim.id, &claim.text));
    }
}

#[test]
fn usage_errors_exit_with_2() {
    let out = kcite()
        .args(["extract", "a.txt", "b.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = kcite().args(["extract"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn schema_command_prints_the_json_schema() {
    let out = kcite().arg("schema").output().expect("run");
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(schema["title"], "Document");
    let kinds = schema.to_string();
    assert!(kinds.contains("back_reference") && kinds.contains("footnote_refs"));
}

#[test]
fn bad_and_legacy_inputs_never_stop_the_batch() {
    let input = temp_dir("robust-in");
    let report = std::fs::read_to_string(common::REPORT).expect("report");
    let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(&report);
    std::fs::write(input.join("euc-kr.txt"), &euc_kr).expect("write");
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(report.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(input.join("utf16.txt"), utf16).expect("write");
    let half: String = report.chars().take(report.chars().count() / 2).collect();
    std::fs::write(input.join("truncated.txt"), half).expect("write");
    std::fs::write(
        input.join("one-line.txt"),
        "가".repeat(50 * 1024 * 1024 / 3),
    )
    .expect("write");
    std::fs::write(input.join("latin1.txt"), b"caf\xe9 \xff\xfe\xfd\x80").expect("write");
    let out_dir = temp_dir("robust-out");
    let out = kcite()
        .args(["extract", "--quiet", "-o"])
        .arg(&out_dir)
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "one line per bad file: {stderr}");
    assert!(stderr.contains("one-line.txt: line 1 has"), "{stderr}");
    assert!(stderr.contains("latin1.txt:"), "{stderr}");
    for name in ["euc-kr", "utf16"] {
        let doc: kcite::Document = serde_json::from_slice(
            &std::fs::read(out_dir.join(format!("{name}.json"))).expect("json"),
        )
        .expect("doc");
        assert_eq!(doc.footnotes.len(), 65, "{name}");
        assert_eq!(
            doc.claims
                .iter()
                .map(|c| c.footnote_refs.len())
                .sum::<usize>(),
            65,
            "{name}"
        );
    }
    let truncated: kcite::Document =
        serde_json::from_slice(&std::fs::read(out_dir.join("truncated.json")).expect("json"))
            .expect("doc");
    assert!(!truncated.claims.is_empty() && truncated.footnotes.len() < 65);
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn bench_reports_throughput() {
    let out = kcite()
        .args(["bench", "--size-mb", "0.2", "--rounds", "2", "--json"])
        .arg(common::REPORT)
        .arg("tests/fixtures/pdf/brief-two-column.pdf")
        .output()
        .expect("run");
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let runs = report["runs"].as_array().expect("runs");
    let names: Vec<&str> = runs.iter().filter_map(|r| r["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "lindera tokenization (1 thread)",
            "kcite pipeline (--jobs 1)",
            "kcite pipeline (--jobs 2)",
            "PDF layout (1 thread)",
            "kcite pipeline on PDF (--jobs 1)",
            "kcite pipeline on PDF (--jobs 2)"
        ]
    );
    assert!(runs[1]["mb_per_s"].as_f64().unwrap_or(0.0) > 0.0);
    assert!(runs[3]["pages_per_s"].as_f64().unwrap_or(0.0) > 0.0);
    assert!(report["pdf"]["pages"].as_u64().unwrap_or(0) >= 300);
    assert_eq!(report["rounds"], 2);
    // the one-thread pipeline's stage times come from the round it reports
    let stages = &runs[1]["stages"];
    let staged: f64 = [
        "layout",
        "reflow",
        "citations",
        "outline_markers",
        "morphology",
        "audit",
    ]
    .iter()
    .map(|k| stages[k].as_f64().unwrap_or(0.0))
    .sum();
    let seconds = runs[1]["seconds"].as_f64().unwrap_or(0.0);
    assert!(
        staged > 0.0 && staged <= seconds * 1.05,
        "{staged} of {seconds}"
    );
}

#[test]
fn audit_reads_reports_and_extracted_documents_alike() {
    // from the report text
    let out = kcite()
        .args(["audit", common::REPORT])
        .output()
        .expect("run");
    common::assert_success(&out);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for heading in [
        "Findings (",
        "date_conflict (3, warning)",
        "malformed_citation (7, warning)",
        "Outlets",
        "연합뉴스",
        "Weakest links",
        "Summary alignment",
    ] {
        assert!(text.contains(heading), "no {heading:?} in\n{text}");
    }
    // the claim and the citation behind a finding are shown with it
    assert!(text.contains("cites F55.1: ｢김정은, 日기시다"), "{text}");

    // from an extracted document, as JSON: the same report
    let dir = temp_dir("audit");
    let status = kcite()
        .args(["extract", common::REPORT, "-o"])
        .arg(&dir)
        .arg("--quiet")
        .status()
        .expect("run");
    assert!(status.success());
    let out = kcite()
        .args(["audit", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let documents = report["documents"].as_array().expect("documents");
    // the corpus tables in the directory are not documents
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["counts"]["footnotes"], 65);
    let weakest = documents[0]["weakest_links"].as_array().expect("links");
    let supports: Vec<f64> = weakest
        .iter()
        .filter_map(|l| l["support"].as_f64())
        .collect();
    assert!(supports.windows(2).all(|w| w[0] <= w[1]), "{supports:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn strict_turns_warnings_into_exit_status_3() {
    // the bundled report has warnings (malformed citations, date conflicts)
    let out = kcite()
        .args(["extract", common::REPORT, "--strict"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    assert!(!out.stdout.is_empty(), "the document is still written");
    let out = kcite()
        .args(["audit", "--strict", common::REPORT])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    // a clean report passes
    let clean = temp_dir("strict").join("clean.txt");
    std::fs::write(
        &clean,
        "1. 개요\n\n■ 수입은 줄어든 것으로 보임.1)\n\n1) ｢수입 감소 전망｣(2023. 6. 1.), 『연합뉴스』.\n",
    )
    .expect("write");
    let out = kcite()
        .args(["extract", "--strict"])
        .arg(&clean)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = kcite()
        .args(["audit", "no-such-file.json"])
        .output()
        .expect("run");
    // a missing input is a failed one, as in extract
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("kcite: no-such-file.json: no such file or directory")
    );
}

#[test]
fn pdfs_in_a_directory_are_read_and_bad_ones_named_one_line_each() {
    let input = temp_dir("pdf-in");
    std::fs::copy(
        "tests/fixtures/pdf/brief-two-column.pdf",
        input.join("brief.pdf"),
    )
    .expect("copy");
    // a PDF under another name is read as what it is
    std::fs::copy(
        "tests/fixtures/pdf/brief-two-column.pdf",
        input.join("renamed.txt"),
    )
    .expect("copy");
    for bad in ["encrypted", "scanned", "truncated"] {
        std::fs::copy(
            format!("tests/fixtures/pdf/bad/{bad}.pdf"),
            input.join(format!("{bad}.pdf")),
        )
        .expect("copy");
    }
    let out_dir = temp_dir("pdf-out");
    let out = kcite()
        .args(["extract", "--quiet", "-o"])
        .arg(&out_dir)
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        stderr.contains("encrypted.pdf: the PDF is encrypted"),
        "{stderr}"
    );
    assert!(
        stderr.contains("scanned.pdf: no text layer in 1 page: scanned? run OCR first"),
        "{stderr}"
    );
    assert!(
        stderr.contains("truncated.pdf: the PDF cannot be read"),
        "{stderr}"
    );
    for good in ["brief.json", "renamed.json"] {
        let doc: kcite::Document =
            serde_json::from_slice(&std::fs::read(out_dir.join(good)).expect(good)).expect("json");
        assert_eq!(
            (doc.document.format.as_str(), doc.footnotes.len()),
            ("pdf", 11),
            "{good}"
        );
    }
}

#[test]
fn text_prints_what_the_layout_saw() {
    let out = kcite()
        .args(["text", "tests/fixtures/pdf/brief-two-column.pdf"])
        .output()
        .expect("run");
    common::assert_success(&out);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.lines()
            .any(|l| l.contains("masthead") && l.contains("반도체 공급망 재편과 한국의 대응 과제"))
    );
    assert!(
        text.lines()
            .any(|l| l.contains("footnote") && l.contains("[4] 한국개발연구원(2023)"))
    );
    assert!(
        text.lines()
            .any(|l| l.contains("body") && l.contains("내놓고 있음.[^1]"))
    );
    assert!(
        text.lines()
            .any(|l| l.contains("table") && l.contains("<표 1>"))
    );
    assert!(text.lines().any(|l| l.contains("furniture")));
}

#[test]
fn messages_name_the_real_problem() {
    let missing = kcite()
        .args(["extract", "no-such-report.txt"])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "kcite: no-such-report.txt: no such file or directory\n"
    );
    let empty = temp_dir("empty-dir");
    std::fs::write(empty.join("notes.docx"), "x").expect("write");
    std::fs::write(empty.join("more.docx"), "x").expect("write");
    let out = kcite().arg("extract").arg(&empty).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no report found in")
            && stderr.contains("(*.txt,*.pdf); 2 .docx files skipped"),
        "{stderr}"
    );
    let one = temp_dir("one-report");
    std::fs::copy(common::REPORT, one.join("a.txt")).expect("copy");
    let out = kcite().arg("extract").arg(&one).output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("holds 1 report: give an output directory (-o DIR)"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_is_a_normal_end() {
    use std::process::Stdio;
    let mut child = kcite()
        .args(["extract", common::REPORT])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // read one line, then close the pipe as `head -1` does
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    use std::io::Read;
    stdout.read_exact(&mut first).expect("read");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // nothing said of the pipe (on a fresh cache the dictionary's progress
    // may be on stderr: this may be the first test to need it)
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("error")
            && !stderr.contains("Broken pipe")
            && !stderr.contains("os error"),
        "{stderr}"
    );
}

/// Text that is not a report — a README renamed .txt, the report with its
/// line breaks removed — is written all the same, but with a
/// `layout_unrecognised` finding, a line on stderr, and a failure under
/// `--strict`.
#[test]
fn what_does_not_read_as_a_report_is_said_and_fails_strict() {
    let dir = temp_dir("unrecognised");
    let readme = dir.join("README.txt");
    std::fs::copy("README.md", &readme).expect("copy");
    let report = std::fs::read_to_string(common::REPORT).expect("report");
    let one_line = dir.join("one-line.txt");
    std::fs::write(&one_line, report.replace('\n', " ")).expect("write");
    for (input, reason) in [
        (&readme, "characters, more than any bullet"),
        (&one_line, "no line structure"),
    ] {
        let out = kcite().args(["extract"]).arg(input).output().expect("run");
        assert!(out.status.success(), "without --strict the JSON is written");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("not read as a report") && stderr.contains(reason),
            "{stderr}"
        );
        let doc: kcite::Document = serde_json::from_slice(&out.stdout).expect("schema");
        assert!(
            doc.unrecognised()
                .is_some_and(|f| f.message.contains(reason))
        );
        let strict = kcite()
            .args(["extract", "--strict"])
            .arg(input)
            .output()
            .expect("run");
        assert_eq!(
            strict.status.code(),
            Some(3),
            "{}",
            String::from_utf8_lossy(&strict.stderr)
        );
    }
    // the batch says so per document
    let out = kcite()
        .args(["extract", "-q", "--strict", "-o"])
        .arg(dir.join("out"))
        .arg(&one_line)
        .arg(&readme)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("not read as a report").count(),
        2,
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(3));
    // a report is not flagged
    let out = kcite()
        .args(["extract", "--strict", "tests/fixtures/citation-forms.txt"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// RFC 4180 records (quoted fields with doubled quotes, CRLF rows).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted) = (vec![], String::new(), false);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    rows
}

/// The small things of the first run: plurals, options a command does not
/// take, and a page for reports that all failed naming them.
#[test]
fn plurals_options_and_failed_reports_on_the_page() {
    let dir = temp_dir("small-things");
    let page = dir.join("page.html");
    let out = kcite()
        .args(["report", "tests/fixtures/event-dates.txt", "-o"])
        .arg(&page)
        .output()
        .expect("run");
    common::assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 document in"), "{stderr}");
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(
        html.contains("1 document ·") && html.contains("1 finding<"),
        "plurals on the page"
    );
    assert!(!html.contains("1 documents") && !html.contains("1 findings"));

    let help = kcite().args(["schema", "--help"]).output().expect("run");
    assert!(!String::from_utf8_lossy(&help.stdout).contains("--dict"));

    let binary = dir.join("broken.txt");
    std::fs::write(&binary, b"\x7fELF\x00\x01\x02").expect("write");
    let out = kcite()
        .arg("report")
        .arg(&binary)
        .arg("-o")
        .arg(&page)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(
        html.contains("broken.txt"),
        "the page names the report that failed"
    );
}

#[test]
fn a_missing_path_is_one_failed_input_in_the_same_words_everywhere() {
    let out_dir = temp_dir("missing-out");
    let out = kcite()
        .args([
            "extract",
            "--quiet",
            "tests/fixtures/pdf/brief-two-column.pdf",
        ])
        .arg("nothere.pdf")
        .arg("-o")
        .arg(&out_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "kcite: nothere.pdf: no such file or directory\n"
    );
    assert!(out_dir.join("brief-two-column.json").is_file());
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("summary.json")).expect("summary"))
            .expect("json");
    assert_eq!(summary["failed"][0]["source"], "nothere.pdf");
    for command in [
        vec!["text", "nothere.pdf"],
        vec!["audit", "nothere.pdf"],
        vec!["extract", "nothere.pdf"],
    ] {
        let out = kcite().args(&command).output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr
                .lines()
                .any(|l| l == "kcite: nothere.pdf: no such file or directory"),
            "{command:?}: {stderr}"
        );
    }
}

#[test]
fn one_name_in_two_formats_gives_two_documents_with_their_own_ids() {
    let input = temp_dir("same-stem-in");
    std::fs::copy(common::REPORT, input.join("report.txt")).expect("copy");
    std::fs::copy(
        "tests/fixtures/pdf/brief-two-column.pdf",
        input.join("report.pdf"),
    )
    .expect("copy");
    std::fs::write(input.join("binary.bin"), [0u8, 159, 146, 150]).expect("write");
    let out_dir = temp_dir("same-stem-out");
    let out = kcite()
        .arg("extract")
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .expect("run");
    common::assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 of 2 documents extracted") && stderr.contains("(1 .bin file skipped)"),
        "{stderr}"
    );
    let mut ids = Vec::new();
    for name in ["report.pdf", "report.txt"] {
        let doc: kcite::Document = serde_json::from_slice(
            &std::fs::read(out_dir.join(format!("{name}.json"))).expect("json"),
        )
        .expect("doc");
        assert_eq!(doc.document.id, name);
        ids.push(doc.document.id);
    }
    let claims = std::fs::read_to_string(out_dir.join("claims.jsonl")).expect("claims");
    let mut keys = std::collections::HashSet::new();
    for line in claims.lines() {
        let claim: serde_json::Value = serde_json::from_str(line).expect("claim");
        let key = format!("{}#{}", claim["document"], claim["id"]);
        assert!(keys.insert(key.clone()), "claim {key} twice");
    }
    let csl: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(out_dir.join("citations.csl.json")).expect("csl"))
            .expect("json");
    let items: std::collections::HashSet<&str> =
        csl.iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(items.len(), csl.len(), "CSL item ids are unique");
}

#[test]
fn pdfs_read_in_worker_processes_give_the_same_bytes_as_in_process() {
    let fixtures = "tests/fixtures/pdf";
    let out_dir = temp_dir("workers-out");
    let out = kcite()
        .args(["extract", "--quiet", "--jobs", "2", fixtures, "-o"])
        .arg(&out_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "the bad/ fixtures fail");
    let mut compared = 0;
    for entry in std::fs::read_dir(fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        // one file to stdout runs the pipeline in this process
        let alone = kcite().arg("extract").arg(&path).output().expect("run");
        common::assert_success(&alone);
        let stem = path.file_stem().expect("stem").to_string_lossy();
        let batch = std::fs::read(out_dir.join(format!("{stem}.json"))).expect("batch json");
        assert!(alone.stdout == batch, "{stem}: worker output differs");
        compared += 1;
    }
    assert!(compared >= 3, "{compared} PDFs compared");
}

#[test]
fn a_crashing_or_hanging_pdf_worker_fails_its_file_not_the_batch() {
    use kcite::batch::{self, PdfWorkers, WorkerCommand};
    use std::time::Duration;
    let input = temp_dir("worker-crash-in");
    std::fs::copy(common::REPORT, input.join("report.txt")).expect("copy");
    std::fs::copy(
        "tests/fixtures/pdf/brief-two-column.pdf",
        input.join("brief.pdf"),
    )
    .expect("copy");
    for (name, script, error) in [
        (
            "crash",
            "head -c 1 >/dev/null; kill -SEGV $$",
            "the PDF worker crashed on this file",
        ),
        ("hang", "exec sleep 60", "no result within 1 s"),
    ] {
        let out_dir = temp_dir(&format!("worker-{name}-out"));
        let options = batch::Options {
            jobs: 2,
            progress: false,
            limits: kcite::Limits::default(),
            pdf_workers: Some(PdfWorkers {
                command: WorkerCommand {
                    program: "sh".into(),
                    args: vec!["-c".into(), script.into()],
                },
                timeout: Duration::from_secs(1),
            }),
        };
        let collected = batch::collect_inputs(std::slice::from_ref(&input), batch::DEFAULT_GLOBS)
            .expect("the default globs parse");
        let outcome =
            batch::run(&collected.inputs, &out_dir, common::analyzer(), &options).expect("run");
        assert_eq!(outcome.failures.len(), 1, "{name}");
        assert!(outcome.failures[0].source.ends_with("brief.pdf"), "{name}");
        assert!(
            outcome.failures[0].error.starts_with(error),
            "{name}: {}",
            outcome.failures[0].error
        );
        assert!(out_dir.join("report.json").is_file(), "{name}");
        assert!(!out_dir.join("brief.json").exists(), "{name}");
    }
}
