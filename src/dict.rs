//! Dictionary provisioning: finds, or builds once, the lindera ko-dic directory.
//!
//! In: an optional explicit directory (`--dict`, `KCITE_DICT`).
//! Out: the path of a ready lindera dictionary directory.
//!
//! lindera's `embed-ko-dic` feature downloads its source at build time, which
//! cannot work offline. Instead the compiled MeCab dictionary of the hash-pinned
//! PyPI wheel `python-mecab-ko-dic==2.1.1.post2` is fetched (registries only),
//! turned back into the mecab-ko-dic 2.1.1-20180720 source by `kodic/mecab2src.py`
//! (its 40 CSVs are SHA-256 checked) and compiled by lindera's own
//! `DictionaryBuilder` with the metadata of the `lindera-ko-dic` crate. The result
//! (about 82 MB) lives in a cache directory keyed by the lindera version and is
//! memory-mapped at run time.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result, bail};
use lindera::dictionary::{DictionaryBuilder, Metadata};

/// The wheel that carries the compiled mecab-ko-dic, pinned by hash.
const WHEEL_REQUIREMENT: &str = "python-mecab-ko-dic==2.1.1.post2 --hash=sha256:ef8f4e80c8976f1340a7264abb0c96f384fe059fd897584aeba0151753c6ae9b";
const WHEEL_FILE: &str = "python_mecab_ko_dic-2.1.1.post2-py3-none-any.whl";
/// Compiled MeCab dictionary → MeCab source (stdlib-only Python).
const MECAB2SRC: &str = include_str!("../kodic/mecab2src.py");
/// metadata.json of lindera-ko-dic 6.2.0 (MIT), unchanged.
const KO_DIC_METADATA: &[u8] = include_bytes!("../kodic/metadata.json");
/// Written last into a finished dictionary directory.
const STAMP: &str = "kcite-dictionary.json";
/// A build lock older than this is taken to belong to a dead process.
const STALE_LOCK: Duration = Duration::from_secs(20 * 60);

/// Returns a ready dictionary directory: `explicit`, else `$KCITE_DICT`, else the
/// per-user cache. A directory that does not hold a dictionary yet is built.
pub fn ensure_dictionary(explicit: Option<&Path>) -> Result<PathBuf> {
    let dir = match explicit {
        Some(dir) => dir.to_path_buf(),
        None => match std::env::var_os("KCITE_DICT") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => default_dictionary_dir(),
        },
    };
    if is_ready(&dir) {
        return Ok(dir);
    }
    build_locked(&dir)?;
    Ok(dir)
}

/// `$XDG_CACHE_HOME/kcite/lindera-<version>-ko-dic-2.1.1` (or `~/.cache/…`).
pub fn default_dictionary_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("kcite")
        .join(format!("lindera-{}-ko-dic-2.1.1", lindera::get_version()))
}

/// A directory holds a dictionary when kcite finished building it, or when it
/// was built elsewhere (`setup-kodic.sh`, `lindera build`) and has its metadata.
fn is_ready(dir: &Path) -> bool {
    dir.join(STAMP).is_file()
        || (dir.join("metadata.json").is_file() && dir.join("dict.da").is_file())
}

/// Builds `dir` unless another process is already doing so, in which case it
/// waits for that build (parallel test binaries start at the same moment).
fn build_locked(dir: &Path) -> Result<()> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the dictionary cache {}", parent.display()))?;
    let lock = dir.with_extension("lock");
    let deadline = Instant::now() + STALE_LOCK;
    loop {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
        {
            Ok(mut file) => {
                let _ = writeln!(file, "{}", std::process::id());
                let result = if is_ready(dir) { Ok(()) } else { build(dir) };
                let _ = fs::remove_file(&lock);
                return result;
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                if is_ready(dir) {
                    return Ok(());
                }
                if lock_is_stale(&lock) || Instant::now() > deadline {
                    let _ = fs::remove_file(&lock);
                    continue;
                }
                std::thread::sleep(Duration::from_millis(500));
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot create {}", lock.display()));
            }
        }
    }
}

fn lock_is_stale(lock: &Path) -> bool {
    fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE_LOCK)
}

/// The whole route: wheel → MeCab source → lindera directory, built beside
/// `dir` and renamed into place so a half-built dictionary is never seen.
fn build(dir: &Path) -> Result<()> {
    let started = Instant::now();
    eprintln!(
        "kcite: building the Korean dictionary (mecab-ko-dic 2.1.1 for lindera {}) in {}\n\
         kcite: this happens once and takes about a minute; set KCITE_DICT to use another directory",
        lindera::get_version(),
        dir.display()
    );
    let work = dir.with_extension(format!("build-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let result = build_in(&work, dir, started);
    let _ = fs::remove_dir_all(&work);
    result
}

fn build_in(work: &Path, dir: &Path, started: Instant) -> Result<()> {
    let python = std::env::var("KCITE_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let requirement = work.join("requirements.txt");
    fs::write(&requirement, format!("{WHEEL_REQUIREMENT}\n"))?;
    let wheel_dir = work.join("wheel");
    run(
        Command::new(&python)
            .args(["-m", "pip", "download", "--quiet", "--no-deps"])
            .args(["--only-binary=:all:", "--require-hashes", "-r"])
            .arg(&requirement)
            .arg("-d")
            .arg(&wheel_dir),
        "download the python-mecab-ko-dic wheel with pip",
    )?;
    let unpacked = work.join("unpacked");
    run(
        Command::new(&python)
            .args(["-m", "zipfile", "-e"])
            .arg(wheel_dir.join(WHEEL_FILE))
            .arg(&unpacked),
        "unpack the wheel",
    )?;
    eprintln!("kcite: [{:>3}s] wheel fetched", started.elapsed().as_secs());

    let script = work.join("mecab2src.py");
    fs::write(&script, MECAB2SRC)?;
    let source = work.join("source");
    run(
        Command::new(&python)
            .arg(&script)
            .arg(unpacked.join("mecab_ko_dic").join("dictionary"))
            .arg(&source),
        "rebuild the mecab-ko-dic source",
    )?;
    eprintln!(
        "kcite: [{:>3}s] MeCab source rebuilt",
        started.elapsed().as_secs()
    );

    let compiled = work.join("dictionary");
    let metadata = Metadata::load(KO_DIC_METADATA).context("bad bundled ko-dic metadata")?;
    DictionaryBuilder::new(metadata)
        .build_dictionary(&source, &compiled)
        .context("lindera could not compile the ko-dic source")?;
    fs::write(
        compiled.join(STAMP),
        format!(
            "{{\"dictionary\":\"mecab-ko-dic 2.1.1-20180720\",\"lindera\":\"{}\",\"wheel\":\"{WHEEL_FILE}\"}}\n",
            lindera::get_version()
        ),
    )?;
    if dir.exists() {
        fs::remove_dir_all(dir).with_context(|| format!("cannot replace {}", dir.display()))?;
    }
    fs::rename(&compiled, dir).with_context(|| format!("cannot move into {}", dir.display()))?;
    eprintln!(
        "kcite: [{:>3}s] dictionary ready",
        started.elapsed().as_secs()
    );
    Ok(())
}

fn run(command: &mut Command, what: &str) -> Result<()> {
    let output = command
        .output()
        .with_context(|| format!("cannot {what}: failed to start {:?}", command.get_program()))?;
    if !output.status.success() {
        bail!(
            "cannot {what} ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}
