//! The HTML report in a real browser: headless Chromium loads the page, runs
//! its script, and the DOM it built must hold exactly the claims, markers,
//! findings and footnotes of the JSON, with Korean words kept whole, every
//! link landing on its target and no chart label cut. Needs Debian's
//! `chromium` (`.ci/run` installs it). Without one, the browser tests are
//! reported as ignored in the runner's summary (this file has its own
//! harness, libtest-mimic, so that a skip is decided at run time and shown
//! as one), unless `KCITE_REQUIRE_BROWSER=1` makes a missing browser a failure.
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use kcite::Document;
use libtest_mimic::{Arguments, Failed, Trial};

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let browser = find_browser();
    let required = std::env::var_os("KCITE_REQUIRE_BROWSER").is_some();
    if browser.is_none() && !required {
        println!(
            "browser tests ignored: no chromium on PATH (install Debian's chromium or set KCITE_CHROMIUM)"
        );
    }
    let in_browser = |name: &str, test: fn(&Path)| {
        let ignored = browser.is_none() && !required;
        let browser = browser.clone();
        Trial::test(name, move || match browser {
            Some(browser) => run(|| test(&browser)),
            None => Err(Failed::from(
                "KCITE_REQUIRE_BROWSER is set but no chromium was found",
            )),
        })
        .with_ignored_flag(ignored)
    };
    let trials = vec![
        Trial::test("page_is_self_contained", || run(page_is_self_contained)),
        in_browser(
            "page_shows_every_claim_marker_finding_and_footnote_and_renders_korean",
            page_shows_every_claim_marker_finding_and_footnote_and_renders_korean,
        ),
        in_browser(
            "page_of_a_hundred_documents_loads",
            page_of_a_hundred_documents_loads,
        ),
        Trial::test(
            "report_command_writes_one_page_from_an_extract_directory",
            || run(report_command_writes_one_page_from_an_extract_directory),
        ),
    ];
    libtest_mimic::run(&args, trials).exit_code()
}

/// A test body that asserts (panics) as a trial's result.
fn run(test: impl FnOnce() + std::panic::UnwindSafe) -> Result<(), Failed> {
    std::panic::catch_unwind(test).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_default();
        Failed::from(message)
    })
}

fn find_browser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("KCITE_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kcite-page-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Chromium with the flags this machine's closed network needs.
fn chromium(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The page's `<body>` attributes after its script ran, from the live DOM.
fn body_after_load(browser: &Path, page: &Path, dir: &Path) -> Vec<(String, String)> {
    let out = chromium(browser, &dir.join("profile-dom"))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    common::assert_success(&out);
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<body").expect("a body");
    let end = start + dom[start..].find('>').expect("body tag end");
    let tag = &dom[start..end];
    let attr = regex::Regex::new(r#"data-([a-z]+)="([^"]*)""#).expect("regex");
    attr.captures_iter(tag)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

fn value<'a>(body: &'a [(String, String)], key: &str) -> &'a str {
    body.iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

fn documents() -> Vec<Document> {
    let mut docs = vec![common::extract_file(common::REPORT)];
    for fixture in [
        "tests/fixtures/other-series.txt",
        "tests/fixtures/audit.txt",
    ] {
        let text = std::fs::read_to_string(fixture).expect("fixture");
        docs.push(common::extract_text(&text, fixture));
    }
    docs
}

fn expect_counts(body: &[(String, String)], docs: &[Document]) {
    assert_eq!(value(body, "error"), "", "the page script failed");
    assert_eq!(value(body, "ready"), "1", "the page script did not finish");
    let claims: usize = docs.iter().map(|d| d.claims.len()).sum();
    let markers: usize = docs
        .iter()
        .flat_map(|d| &d.claims)
        .map(|c| c.footnote_refs.len())
        .sum();
    let findings: usize = docs.iter().map(|d| d.findings.len()).sum();
    assert_eq!(value(body, "documents"), docs.len().to_string());
    assert_eq!(value(body, "claims"), claims.to_string());
    assert_eq!(value(body, "markers"), markers.to_string());
    assert_eq!(value(body, "findings"), findings.to_string());
    assert_eq!(value(body, "charts"), (3 * docs.len()).to_string());
    let footnotes: usize = docs.iter().map(|d| d.footnotes.len()).sum();
    assert_eq!(
        value(body, "footnotes"),
        footnotes.to_string(),
        "the footnote lists"
    );
    assert_eq!(
        value(body, "wordbreak"),
        "keep-all",
        "Korean words are broken at line ends"
    );
    assert_ne!(value(body, "links"), "0");
    assert_eq!(value(body, "brokenlinks"), "0", "a link without its target");
    assert_eq!(
        value(body, "cutlabels"),
        "0",
        "a chart label sticks out of its chart"
    );
}

fn page_is_self_contained() {
    let html = kcite::output::html::render(&documents(), &[]);
    // nothing is fetched (cited URLs appear only as text)
    for fetch in ["src=", "<link", "@import", "url(", "href=\"http"] {
        assert!(!html.contains(fetch), "the page fetches with {fetch}");
    }
}

fn page_shows_every_claim_marker_finding_and_footnote_and_renders_korean(browser: &Path) {
    let docs = documents();
    let html = kcite::output::html::render(&docs, &[]);
    let dir = temp_dir("small");
    let page = dir.join("report.html");
    std::fs::write(&page, &html).expect("write");
    let body = body_after_load(browser, &page, &dir);
    expect_counts(&body, &docs);

    // a screenshot to look at (README: docs/report.png)
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    let out = chromium(browser, &dir.join("profile-shot"))
        .arg("--window-size=1400,1800")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    common::assert_success(&out);
    let png = std::fs::read(&shot).expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    // a blank or glyph-less page compresses to a few kilobytes
    assert!(png.len() > 100_000, "screenshot of {} bytes", png.len());
    eprintln!("screenshot: {}", shot.display());
    let _ = std::fs::remove_dir_all(&dir);
}

fn page_of_a_hundred_documents_loads(browser: &Path) {
    let base = common::extract_file(common::REPORT);
    let docs: Vec<Document> = (0..100)
        .map(|i| {
            let mut doc = base.clone();
            doc.document.id = format!("copy-{i:03}");
            doc
        })
        .collect();
    let html = kcite::output::html::render(&docs, &[]);
    let dir = temp_dir("hundred");
    let page = dir.join("report.html");
    std::fs::write(&page, &html).expect("write");
    let body = body_after_load(browser, &page, &dir);
    expect_counts(&body, &docs);
    let _ = std::fs::remove_dir_all(&dir);
}

fn report_command_writes_one_page_from_an_extract_directory() {
    let dir = temp_dir("cli");
    let out_dir = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_kcite"))
        .args([
            "extract",
            common::REPORT,
            "tests/fixtures/audit.txt",
            "--quiet",
            "-o",
        ])
        .arg(&out_dir)
        .status()
        .expect("run");
    assert!(status.success());
    let page = dir.join("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_kcite"))
        .arg("report")
        .arg(&out_dir)
        .arg("-o")
        .arg(&page)
        .output()
        .expect("run");
    common::assert_success(&out);
    let html = std::fs::read_to_string(&page).expect("page");
    assert_eq!(html.matches("<section class=\"doc\"").count(), 2);
    assert_eq!(html.matches("<sup class=\"fn\"").count(), 65 + 4);
    assert!(html.contains("2023년 북한의 대외관계 평가와 2024년 전망"));
    let _ = std::fs::remove_dir_all(&dir);
}
