//! Which files a batch takes from the directories it is given: the walk
//! (nested folders in name order, hidden files, links) and the globs (a
//! file name, a path under the directory with `**`), and the messages for a
//! folder that is not there and a glob that does not parse.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kcite::batch::{self, DEFAULT_GLOBS, collect_inputs};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kcite-inputs-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Creates each file (and its folders) under `dir`.
fn files(dir: &Path, names: &[&str]) {
    for name in names {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        fs::write(&path, "x").expect("write");
    }
}

/// The inputs found, as paths under `dir`.
fn found(dir: &Path, globs: &str) -> Vec<String> {
    collect_inputs(&[dir.to_path_buf()], globs)
        .expect("globs parse")
        .inputs
        .iter()
        .map(|i| {
            i.path
                .strip_prefix(dir)
                .expect("under dir")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn nested_folders_are_walked_depth_first_in_name_order() {
    let dir = temp_dir("nested");
    files(
        &dir,
        &["b.txt", "a/z.pdf", "a/b/c/deep.txt", "a/a.txt", "c.docx"],
    );
    assert_eq!(
        found(&dir, DEFAULT_GLOBS),
        ["a/a.txt", "a/b/c/deep.txt", "a/z.pdf", "b.txt"]
    );
    let collected = collect_inputs(std::slice::from_ref(&dir), DEFAULT_GLOBS).expect("globs");
    assert_eq!(collected.skipped_summary(), "1 .docx file skipped");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_glob_with_a_slash_matches_the_path_under_the_directory() {
    let dir = temp_dir("double-star");
    files(
        &dir,
        &[
            "2023/q4/old.pdf",
            "2024/top.pdf",
            "2024/q1/jan.pdf",
            "2024/q1/notes.txt",
            "2024/q2/drafts/apr.pdf",
        ],
    );
    assert_eq!(
        found(&dir, "2024/**/*.pdf"),
        ["2024/q1/jan.pdf", "2024/q2/drafts/apr.pdf", "2024/top.pdf"]
    );
    assert_eq!(found(&dir, "2024/*.pdf"), ["2024/top.pdf"]);
    assert_eq!(found(&dir, "**/drafts/*"), ["2024/q2/drafts/apr.pdf"]);
    // a pattern without a slash still matches the name at any depth
    assert_eq!(found(&dir, "*.txt"), ["2024/q1/notes.txt"]);
    // alternatives and classes
    assert_eq!(
        found(&dir, "{jan,old}.pdf"),
        ["2023/q4/old.pdf", "2024/q1/jan.pdf"]
    );
    assert_eq!(
        found(&dir, "[a-k]*.pdf"),
        ["2024/q1/jan.pdf", "2024/q2/drafts/apr.pdf"]
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn hidden_files_are_taken_when_a_glob_names_them_and_never_counted_as_skipped() {
    let dir = temp_dir("hidden");
    files(
        &dir,
        &[".draft.txt", ".DS_Store", "report.txt", ".cache/inside.txt"],
    );
    assert_eq!(
        found(&dir, DEFAULT_GLOBS),
        [".cache/inside.txt", ".draft.txt", "report.txt"]
    );
    let collected = collect_inputs(std::slice::from_ref(&dir), DEFAULT_GLOBS).expect("globs");
    assert_eq!(collected.skipped_summary(), "");
    let _ = fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn links_are_followed_but_a_link_to_a_folder_above_is_not_walked_twice() {
    let dir = temp_dir("links");
    files(&dir, &["in/a.txt", "elsewhere/b.txt"]);
    std::os::unix::fs::symlink(dir.join("elsewhere"), dir.join("in/linked")).expect("link");
    std::os::unix::fs::symlink(dir.join("in"), dir.join("in/loop")).expect("link");
    assert_eq!(
        found(&dir.join("in"), DEFAULT_GLOBS),
        ["a.txt", "linked/b.txt"]
    );
    // a dangling link the globs take is kept, to fail with its reason
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("in/dangling.txt")).expect("link");
    assert_eq!(
        found(&dir.join("in"), DEFAULT_GLOBS),
        ["a.txt", "dangling.txt", "linked/b.txt"]
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_folder_is_kept_to_fail_with_its_reason() {
    let collected =
        collect_inputs(&[PathBuf::from("no/such/folder")], DEFAULT_GLOBS).expect("globs");
    assert_eq!(collected.inputs.len(), 1);
    assert_eq!(collected.inputs[0].path, Path::new("no/such/folder"));
}

#[test]
fn a_glob_that_does_not_parse_is_an_error() {
    assert!(collect_inputs(&[PathBuf::from(".")], "*.txt,report[.pdf").is_err());
    assert!(batch::Globs::new("{a,b").is_err());
}

fn kcite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kcite"))
}

#[test]
fn the_command_line_names_a_missing_folder_and_a_bad_glob() {
    let out_dir = temp_dir("cli-out");
    let out = kcite()
        .args(["extract", "no-such-folder/", "-o"])
        .arg(&out_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l == "kcite: no-such-folder/: no such file or directory"),
        "{stderr}"
    );
    let out = kcite()
        .args(["extract", "corpus", "--glob", "*.{txt", "-o"])
        .arg(&out_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("kcite: error: --glob: "), "{stderr}");
    let _ = fs::remove_dir_all(&out_dir);
}

#[test]
fn the_command_line_takes_a_double_star_glob() {
    let dir = temp_dir("cli-glob");
    let reports = dir.join("in");
    fs::create_dir_all(reports.join("2024/q1")).expect("folders");
    fs::create_dir_all(reports.join("2023")).expect("folders");
    fs::copy("tests/fixtures/audit.txt", reports.join("2024/q1/kept.txt")).expect("copy");
    fs::copy("tests/fixtures/audit.txt", reports.join("2023/left.txt")).expect("copy");
    let out_dir = dir.join("out");
    let out = kcite()
        .arg("extract")
        .arg(&reports)
        .args(["--glob", "2024/**/*.txt", "-o"])
        .arg(&out_dir)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("kept.json").is_file());
    assert!(!out_dir.join("left.json").exists());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 of 1 document extracted"), "{stderr}");
    assert!(stderr.contains("(1 .txt file skipped)"), "{stderr}");
    let _ = fs::remove_dir_all(&dir);
}
