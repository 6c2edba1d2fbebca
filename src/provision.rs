//! Provisioning: the runtime resources kcite fetches once from the package
//! registries and keeps in a per-user cache (the Korean dictionary, the PDF
//! library).
//!
//! In: a cache directory to fill and the work that fills it. Out: the
//! directory, ready; built at most once even when several processes start
//! at the same moment (parallel test binaries), and never seen half-built.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result, bail};

/// A build lock older than this is taken to belong to a dead process.
const STALE_LOCK: Duration = Duration::from_secs(20 * 60);

/// `$XDG_CACHE_HOME/kcite/<name>` (or `~/.cache/kcite/<name>`).
pub fn cache_dir(name: &str) -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("kcite").join(name)
}

/// Makes `dir` ready: returns at once when `is_ready(dir)`, else runs
/// `build(work)` in a fresh work directory beside `dir` under a lock file and
/// renames the result into place. A process that finds the lock taken waits
/// for the other one's build.
pub fn build_once(
    dir: &Path,
    is_ready: impl Fn(&Path) -> bool,
    build: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    if is_ready(dir) {
        return Ok(());
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the cache directory {}", parent.display()))?;
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
                let result = if is_ready(dir) {
                    Ok(())
                } else {
                    build_into(dir, build)
                };
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

/// Builds in `<dir>.build-<pid>` and renames the finished directory to `dir`.
fn build_into(dir: &Path, build: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let work = dir.with_extension(format!("build-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let result = build(&work).and_then(|()| {
        if dir.exists() {
            fs::remove_dir_all(dir).with_context(|| format!("cannot replace {}", dir.display()))?;
        }
        fs::rename(&work, dir).with_context(|| format!("cannot move into {}", dir.display()))
    });
    let _ = fs::remove_dir_all(&work);
    result
}

fn lock_is_stale(lock: &Path) -> bool {
    fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE_LOCK)
}

/// The Python interpreter that runs pip: `$KCITE_PYTHON`, else `python3`.
pub fn python() -> String {
    std::env::var("KCITE_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Downloads the wheel pinned by `requirement` (a `name==version --hash=…`
/// line) into `dest` with pip, binary only, and unpacks it into `unpacked`.
/// Returns the path of the wheel file.
pub fn fetch_wheel(requirement: &str, work: &Path, unpacked: &Path) -> Result<PathBuf> {
    let python = python();
    let requirements = work.join("requirements.txt");
    fs::write(&requirements, format!("{requirement}\n"))?;
    let wheels = work.join("wheel");
    run(
        Command::new(&python)
            .args(["-m", "pip", "download", "--quiet", "--no-deps"])
            .args(["--only-binary=:all:", "--require-hashes", "-r"])
            .arg(&requirements)
            .arg("-d")
            .arg(&wheels),
        &format!("download {} with pip", requirement_name(requirement)),
    )?;
    let wheel = fs::read_dir(&wheels)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .with_context(|| format!("pip downloaded no wheel into {}", wheels.display()))?;
    run(
        Command::new(&python)
            .args(["-m", "zipfile", "-e"])
            .arg(&wheel)
            .arg(unpacked),
        "unpack the wheel",
    )?;
    Ok(wheel)
}

fn requirement_name(requirement: &str) -> &str {
    requirement.split_whitespace().next().unwrap_or(requirement)
}

/// Runs a command, failing with its stderr when it fails.
pub fn run(command: &mut Command, what: &str) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_once_and_never_leaves_a_half_built_directory() {
        let root = std::env::temp_dir().join(format!("kcite-provision-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let dir = root.join("thing");
        let ready = |d: &Path| d.join("done").is_file();
        let failed = build_once(&dir, ready, |work| {
            fs::write(work.join("partial"), "x")?;
            bail!("no network")
        });
        assert!(failed.is_err());
        assert!(!dir.exists(), "a failed build leaves nothing behind");
        build_once(&dir, ready, |work| Ok(fs::write(work.join("done"), "x")?)).expect("build");
        assert!(ready(&dir));
        // ready: the build is not run again
        build_once(&dir, ready, |_| bail!("must not run")).expect("ready");
        let _ = fs::remove_dir_all(&root);
    }
}
