//! The PDF library: finds, or fetches once, PDFium and binds it.
//!
//! In: nothing (or `$KCITE_PDFIUM`). Out: a bound [`Pdfium`], shared by every
//! thread of the process.
//!
//! PDFium (BSD-3/Apache-2.0, the PDF engine of Chromium) reads real-world PDFs,
//! their CID fonts and ToUnicode maps, and gives every glyph's position, size
//! and font. It is not on crates.io as source that builds offline, but the
//! hash-pinned PyPI wheel `pypdfium2==5.15.2` (Apache-2.0/BSD-3) carries a
//! compiled `libpdfium.so`: kcite downloads it with pip on the first PDF it
//! meets, as it does the dictionary, keeps the library in the per-user cache
//! (`$XDG_CACHE_HOME/kcite/pdfium-5.15.2`) and binds it through
//! `pdfium-render`. `KCITE_PDFIUM` names another library file (or a directory
//! holding one) instead.
//!
//! PDFium keeps global state, so the binding is one per process: a lazily
//! initialised handle that never changes once made. `pdfium-render`'s
//! `thread_safe` feature serialises the calls, so any thread may use it.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result};
use pdfium_render::prelude::Pdfium;

use crate::provision;

/// The wheel that carries libpdfium for Linux (x86_64 and aarch64), pinned by hash.
const WHEEL_REQUIREMENT: &str = "pypdfium2==5.15.2 \
    --hash=sha256:dc31aea5b0fb9fefc9b537a65f4113980b2c40798445736a7e6565bc85161e37 \
    --hash=sha256:dd46e93c0c3a73f6cea8489baff6d77a5d0759dd53fbbce0aeb49c91830176fc";
/// Where the library sits inside the wheel.
const LIBRARY_IN_WHEEL: &str = "pypdfium2_raw";
/// The PDFium build inside that wheel.
pub const PDFIUM_BUILD: &str = "PDFium 159.0.8149 (pypdfium2 5.15.2)";

/// The process's PDFium, bound on first use. The error is kept as text so
/// every later PDF gets the same clear message.
pub fn pdfium() -> Result<&'static Pdfium, String> {
    static PDFIUM: OnceLock<Result<Pdfium, String>> = OnceLock::new();
    PDFIUM
        .get_or_init(|| bind().map_err(|err| format!("{err:#}")))
        .as_ref()
        .map_err(Clone::clone)
}

fn bind() -> Result<Pdfium> {
    let library = ensure_library()?;
    let bindings = Pdfium::bind_to_library(&library)
        .map_err(|err| anyhow::anyhow!("{err:?}"))
        .with_context(|| format!("cannot load the PDF library {}", library.display()))?;
    Ok(Pdfium::new(bindings))
}

/// The library file: `$KCITE_PDFIUM` (a file, or a directory holding
/// `libpdfium.so`), else the per-user cache, fetched there on first use.
pub fn ensure_library() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("KCITE_PDFIUM").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(path);
        let file = if path.is_dir() {
            Pdfium::pdfium_platform_library_name_at_path(&path)
        } else {
            path
        };
        anyhow::ensure!(
            file.is_file(),
            "KCITE_PDFIUM names {}, which is not a PDFium library",
            file.display()
        );
        return Ok(file);
    }
    let dir = default_library_dir();
    provision::build_once(&dir, is_ready, fetch)
        .context("reading PDFs needs the PDFium library: install python3 with pip so kcite can fetch it once, or set KCITE_PDFIUM to a libpdfium file")?;
    Ok(Pdfium::pdfium_platform_library_name_at_path(&dir))
}

/// `$XDG_CACHE_HOME/kcite/pdfium-5.15.2` (or `~/.cache/…`).
pub fn default_library_dir() -> PathBuf {
    provision::cache_dir("pdfium-5.15.2")
}

fn is_ready(dir: &Path) -> bool {
    Pdfium::pdfium_platform_library_name_at_path(dir).is_file()
}

/// Fetches the wheel and keeps the library and its licences.
fn fetch(work: &Path) -> Result<()> {
    eprintln!("kcite: fetching the PDF library ({PDFIUM_BUILD}) once, with pip");
    let scratch = work.join(".scratch");
    fs::create_dir_all(&scratch)?;
    let unpacked = scratch.join("unpacked");
    provision::fetch_wheel(WHEEL_REQUIREMENT, &scratch, &unpacked)?;
    let name = Pdfium::pdfium_platform_library_name();
    let library = unpacked.join(LIBRARY_IN_WHEEL).join(&name);
    fs::rename(&library, work.join(&name))
        .with_context(|| format!("the wheel holds no {}", library.display()))?;
    if let Some(licences) = fs::read_dir(&unpacked)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".dist-info"))
        .map(|p| p.join("licenses"))
    {
        let _ = fs::rename(licences, work.join("licenses"));
    }
    fs::remove_dir_all(&scratch)?;
    Ok(())
}
