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
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};
use lindera::dictionary::{DictionaryBuilder, Metadata};

use crate::provision;

/// The wheel that carries the compiled mecab-ko-dic, pinned by hash.
const WHEEL_REQUIREMENT: &str = "python-mecab-ko-dic==2.1.1.post2 --hash=sha256:ef8f4e80c8976f1340a7264abb0c96f384fe059fd897584aeba0151753c6ae9b";
const WHEEL_FILE: &str = "python_mecab_ko_dic-2.1.1.post2-py3-none-any.whl";
/// Compiled MeCab dictionary → MeCab source (stdlib-only Python).
const MECAB2SRC: &str = include_str!("../kodic/mecab2src.py");
/// metadata.json of lindera-ko-dic 6.2.0 (MIT), unchanged.
const KO_DIC_METADATA: &[u8] = include_bytes!("../kodic/metadata.json");
/// Written last into a finished dictionary directory.
const STAMP: &str = "kcite-dictionary.json";

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
    provision::build_once(&dir, is_ready, build)?;
    Ok(dir)
}

/// `$XDG_CACHE_HOME/kcite/lindera-<version>-ko-dic-2.1.1` (or `~/.cache/…`).
pub fn default_dictionary_dir() -> PathBuf {
    provision::cache_dir(&format!("lindera-{}-ko-dic-2.1.1", lindera::get_version()))
}

/// A directory holds a dictionary when kcite finished building it, or when it
/// was built elsewhere (`setup-kodic.sh`, `lindera build`) and has its metadata.
fn is_ready(dir: &Path) -> bool {
    dir.join(STAMP).is_file()
        || (dir.join("metadata.json").is_file() && dir.join("dict.da").is_file())
}

/// The whole route into `work`: wheel → MeCab source → lindera dictionary.
fn build(work: &Path) -> Result<()> {
    let started = Instant::now();
    eprintln!(
        "kcite: building the Korean dictionary (mecab-ko-dic 2.1.1 for lindera {})\n\
         kcite: this happens once and takes about 15 s (longer on a slow network or a busy machine); set KCITE_DICT to use another directory",
        lindera::get_version(),
    );
    let scratch = work.join(".scratch");
    fs::create_dir_all(&scratch)?;
    let unpacked = scratch.join("unpacked");
    provision::fetch_wheel(WHEEL_REQUIREMENT, &scratch, &unpacked)?;
    eprintln!("kcite: [{:>3}s] wheel fetched", started.elapsed().as_secs());

    let script = scratch.join("mecab2src.py");
    fs::write(&script, MECAB2SRC)?;
    let source = scratch.join("source");
    provision::run(
        Command::new(provision::python())
            .arg(&script)
            .arg(unpacked.join("mecab_ko_dic").join("dictionary"))
            .arg(&source),
        "rebuild the mecab-ko-dic source",
    )?;
    eprintln!(
        "kcite: [{:>3}s] MeCab source rebuilt",
        started.elapsed().as_secs()
    );

    let metadata = Metadata::load(KO_DIC_METADATA).context("bad bundled ko-dic metadata")?;
    let compiled = scratch.join("dictionary");
    DictionaryBuilder::new(metadata)
        .build_dictionary(&source, &compiled)
        .context("lindera could not compile the ko-dic source")?;
    // the dictionary files go to the top of `work`; the scratch goes away
    for entry in fs::read_dir(&compiled)? {
        let entry = entry?;
        fs::rename(entry.path(), work.join(entry.file_name()))?;
    }
    fs::remove_dir_all(&scratch)?;
    fs::write(
        work.join(STAMP),
        format!(
            "{{\"dictionary\":\"mecab-ko-dic 2.1.1-20180720\",\"lindera\":\"{}\",\"wheel\":\"{WHEEL_FILE}\"}}\n",
            lindera::get_version()
        ),
    )?;
    eprintln!(
        "kcite: [{:>3}s] dictionary ready",
        started.elapsed().as_secs()
    );
    Ok(())
}
