//! Inputs: files and directories given on the command line → the documents
//! of a batch, each with an id no other document of the batch has.
//!
//! A path that does not exist, or cannot be read, stays in the list: it is
//! one failed document of the batch (named with why, like any other bad
//! file), never the end of the batch.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use super::{Input, load_document};
use crate::model::Document;

/// The file names `kcite` takes from directories by default: reports as text
/// and as PDF.
pub const DEFAULT_GLOBS: &str = "*.txt,*.pdf";

/// The id of standard input (`-`).
pub const STDIN_ID: &str = "stdin";

/// What was found in the inputs given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collected {
    pub inputs: Vec<Input>,
    /// Files in the directories that no glob matched, by extension
    /// (`.docx`, or `(no extension)`), to say what was left out.
    pub skipped: BTreeMap<String, usize>,
}

impl Collected {
    /// `2 .docx files skipped, 1 .hwp file skipped`.
    pub fn skipped_summary(&self) -> String {
        self.skipped
            .iter()
            .map(|(ext, n)| format!("{n} {ext} file{} skipped", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The patterns that pick files out of directories: comma-separated globs
/// (`*` any run of characters but `/`, `?` one character, `[ab]` a class,
/// `{a,b}` alternatives, `**` any run of folders). A pattern without a `/`
/// is matched against the file's name, one with a `/` against its path under
/// the directory given (`sub/**/*.txt`).
///
/// ```
/// use std::path::Path;
/// let globs = kcite::batch::Globs::new("*.txt, 2024/**/*.pdf")?;
/// assert!(globs.is_match(Path::new("drafts/brief.txt")));
/// assert!(globs.is_match(Path::new("2024/q1/brief.pdf")));
/// assert!(!globs.is_match(Path::new("2023/brief.pdf")));
/// # Ok::<(), globset::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Globs {
    names: GlobSet,
    paths: GlobSet,
}

impl Globs {
    /// Parses comma-separated patterns; an empty one is ignored.
    pub fn new(patterns: &str) -> Result<Globs, globset::Error> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in split_patterns(patterns) {
            let glob = GlobBuilder::new(pattern).literal_separator(true).build()?;
            if pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        Ok(Globs {
            names: names.build()?,
            paths: paths.build()?,
        })
    }

    /// Whether a file at `relative` (its path under the directory walked) is taken.
    pub fn is_match(&self, relative: &Path) -> bool {
        relative
            .file_name()
            .is_some_and(|name| self.names.is_match(name))
            || self.paths.is_match(relative)
    }
}

/// The comma-separated patterns, a comma inside braces (`{a,b}.txt`) being
/// the glob's own; each trimmed, empty ones left out.
fn split_patterns(patterns: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    patterns
        .split(move |c: char| {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            c == ',' && depth == 0
        })
        .map(str::trim)
        .filter(|g| !g.is_empty())
}

/// Expands files and directories (recursively, files that one of the
/// comma-separated `globs` matches, see [`Globs`]) into inputs in a stable
/// order with unique ids. A file named explicitly is taken whatever its
/// name; a path that does not exist is kept, to fail as one document. A
/// pattern that does not parse is an error.
pub fn collect_inputs(paths: &[PathBuf], globs: &str) -> Result<Collected, globset::Error> {
    let globs = Globs::new(globs)?;
    let mut files = Vec::new();
    let mut skipped = BTreeMap::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &globs, &mut files, &mut skipped);
        } else {
            files.push(path.clone());
        }
    }
    Ok(Collected {
        inputs: with_unique_ids(files),
        skipped,
    })
}

/// Gives each path an id: its stem where no other path has that stem, else
/// the shortest of its file name, its path without the extension and its
/// whole path (`/` as `__`) that no other path shares, and a `-2`, `-3` …
/// should two still meet. `report.pdf` and `report.txt` side by side become
/// `report.pdf` and `report.txt`; `a/report.txt` and `b/report.txt` become
/// `a__report` and `b__report`.
pub fn with_unique_ids(paths: Vec<PathBuf>) -> Vec<Input> {
    let namings: [fn(&Path) -> String; 4] = [stem, file_name, path_without_extension, whole_path];
    let counts: Vec<HashMap<String, usize>> = namings
        .iter()
        .map(|naming| {
            let mut counts = HashMap::new();
            for path in &paths {
                *counts.entry(naming(path)).or_default() += 1;
            }
            counts
        })
        .collect();
    let mut taken: HashMap<String, usize> = HashMap::new();
    paths
        .into_iter()
        .map(|path| {
            let unique = namings
                .iter()
                .zip(&counts)
                .map(|(naming, counts)| (naming(&path), counts))
                .find(|(name, counts)| counts.get(name) == Some(&1))
                .map(|(name, _)| name);
            let base = unique.unwrap_or_else(|| whole_path(&path));
            let seen = taken.entry(base.clone()).or_default();
            *seen += 1;
            let id = if *seen == 1 {
                base
            } else {
                format!("{base}-{seen}")
            };
            Input { path, id }
        })
        .collect()
}

fn stem(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return STDIN_ID.to_string();
    }
    path.file_stem().map_or_else(
        || "document".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| stem(path), |s| s.to_string_lossy().into_owned())
}

fn path_without_extension(path: &Path) -> String {
    as_id(&path.with_extension(""))
}

fn whole_path(path: &Path) -> String {
    as_id(path)
}

/// A path as one file name: separators as `__`, no leading ones.
fn as_id(path: &Path) -> String {
    path.to_string_lossy()
        .replace(['/', '\\'], "__")
        .trim_start_matches("__")
        .to_string()
}

/// The files under `dir`, depth first in name order (symbolic links
/// followed, a link back to a folder above left out), those the globs take
/// into `out`, the others counted by extension (hidden files aside). A folder
/// that cannot be listed, and a file the globs take that cannot be looked at
/// (a dangling link), are kept as inputs, to fail with their reason.
fn walk(dir: &Path, globs: &Globs, out: &mut Vec<PathBuf>, skipped: &mut BTreeMap<String, usize>) {
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) if err.loop_ancestor().is_some() => continue,
            Err(err) => {
                if let Some(path) = err.path() {
                    let relative = path.strip_prefix(dir).unwrap_or(path);
                    if path.is_dir() || globs.is_match(relative) {
                        out.push(path.to_path_buf());
                    }
                }
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        if globs.is_match(relative) {
            out.push(entry.into_path());
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            let ext = entry.path().extension().map_or_else(
                || "(no extension)".to_string(),
                |e| format!(".{}", e.to_string_lossy()),
            );
            *skipped.entry(ext).or_default() += 1;
        }
    }
}

/// What `collect_sources` takes from directories: documents already
/// extracted and reports.
static SOURCE_GLOBS: LazyLock<Globs> =
    LazyLock::new(|| Globs::new("*.json,*.txt,*.pdf").expect("constant patterns parse"));

/// What `kcite audit` and `kcite report` read: documents already extracted
/// (`<id>.json`) and reports still to extract.
#[derive(Debug)]
pub enum Source {
    Extracted(Box<Document>),
    Report(Input),
}

/// Expands files and directories into sources. In directories, `*.json`
/// files that are kcite documents are loaded (the corpus tables are not) and
/// `*.txt` and `*.pdf` files are to be extracted; a file named explicitly is
/// loaded if it ends in `.json`, else extracted. A path that does not exist
/// is a report that will fail with its reason, as in `extract`.
pub fn collect_sources(paths: &[PathBuf]) -> anyhow::Result<Vec<Source>> {
    let mut extracted = Vec::new();
    let mut reports = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &SOURCE_GLOBS, &mut files, &mut BTreeMap::new());
            for file in files {
                if file.extension().is_some_and(|e| e == "json") {
                    if let Ok(doc) = load_document(&file) {
                        extracted.push(Source::Extracted(Box::new(doc)));
                    }
                } else {
                    reports.push(file);
                }
            }
        } else if path.is_file() && path.extension().is_some_and(|e| e == "json") {
            extracted.push(Source::Extracted(Box::new(load_document(path)?)));
        } else {
            reports.push(path.clone());
        }
    }
    let reports = with_unique_ids(reports).into_iter().map(Source::Report);
    Ok(extracted.into_iter().chain(reports).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(globs: &str, path: &str) -> bool {
        Globs::new(globs).expect("globs").is_match(Path::new(path))
    }

    #[test]
    fn globs_without_a_slash_match_the_file_name() {
        assert!(matches("*.txt", "report.txt"));
        assert!(!matches("*.txt", "report.json"));
        assert!(matches("brief-*-??.txt", "brief-trade-07.txt"));
        assert!(matches("*", "x"));
        assert!(matches("*.txt", "deep/er/report.txt"));
        assert!(matches("*.md, *.txt", "notes.txt"));
        assert!(!matches("", "report.txt"));
        assert!(matches("{draft,final}-*.txt, *.pdf", "final-v2.txt"));
        assert!(matches("{draft,final}-*.txt, *.pdf", "a.pdf"));
        assert!(!matches("{draft,final}-*.txt", "other-v2.txt"));
    }

    #[test]
    fn globs_with_a_slash_match_the_path_under_the_directory() {
        assert!(matches("2024/*.txt", "2024/a.txt"));
        assert!(!matches("2024/*.txt", "2024/q1/a.txt"));
        assert!(matches("2024/**/*.txt", "2024/q1/a.txt"));
        assert!(matches("2024/**/*.txt", "2024/a.txt"));
        assert!(matches("**/drafts/*.pdf", "x/drafts/b.pdf"));
        assert!(!matches("**/drafts/*.pdf", "x/final/b.pdf"));
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_an_error() {
        assert!(Globs::new("report[.txt").is_err());
        assert!(Globs::new("*.{txt").is_err());
    }

    fn ids(paths: &[&str]) -> Vec<String> {
        with_unique_ids(paths.iter().map(PathBuf::from).collect())
            .into_iter()
            .map(|i| i.id)
            .collect()
    }

    #[test]
    fn ids_are_stems_while_they_are_unique() {
        assert_eq!(ids(&["in/a.txt", "in/b.pdf"]), ["a", "b"]);
        assert_eq!(ids(&["-"]), [STDIN_ID]);
    }

    #[test]
    fn one_name_in_two_formats_keeps_its_extension() {
        assert_eq!(
            ids(&["in/report.pdf", "in/report.txt"]),
            ["report.pdf", "report.txt"]
        );
    }

    #[test]
    fn one_name_in_two_folders_keeps_its_folder() {
        assert_eq!(
            ids(&["in/a/report.txt", "in/b/report.txt"]),
            ["in__a__report", "in__b__report"]
        );
        assert_eq!(
            ids(&[
                "/abs/a/report.txt",
                "/abs/b/report.txt",
                "/abs/b/report.pdf"
            ]),
            ["abs__a__report", "abs__b__report.txt", "report.pdf"]
        );
    }

    #[test]
    fn the_same_path_twice_gets_a_number() {
        assert_eq!(ids(&["a.txt", "a.txt"]), ["a.txt", "a.txt-2"]);
    }
}
