//! PDF workers: PDFium in child processes, so PDFs run in parallel.
//!
//! In: a PDF's bytes, its id and source, the limits. Out: the document's JSON
//! exactly as the in-process pipeline writes it (the worker runs that same
//! pipeline), its stage times, or why it failed.
//!
//! PDFium keeps global state and is single-threaded inside a process, so
//! threads take turns in it and `--jobs 2` gave about 1.1× one job on PDFs.
//! A [`WorkerPool`] starts kcite again as a hidden `pdf-worker` subcommand
//! (its own PDFium, the same dictionary directory), one process per job at
//! most, started when the first PDF needs one and kept for the batch. A
//! worker that crashes or passes the time limit is killed and its file is
//! one failure with a clear message; the next PDF starts a fresh worker.
//!
//! The protocol over the worker's stdin and stdout, integers little-endian:
//! request = u64 length + header JSON (`Request`), u64 length + the bytes;
//! reply = one status byte, then for success six f64 stage times and
//! u64 length + the document's JSON, for a failure u64 length + the message.

use std::ffi::OsString;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, PoisonError, mpsc};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::decode::DecodeError;
use crate::morphology::Analyzer;
use crate::pipeline::{self, ExtractError, Limits, StageTimes, Stopwatch};

/// How to start a worker: a program and its arguments (for the binary,
/// itself with `pdf-worker --dict DIR`).
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

/// A document extracted by a worker.
#[derive(Debug, Clone)]
pub struct WorkerReply {
    /// The document's JSON as [`super::to_json`] writes it.
    pub json: String,
    pub stages: StageTimes,
}

/// What the parent asks for, besides the bytes.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Request {
    id: String,
    source: String,
    max_bytes: usize,
    max_line_chars: usize,
    max_pages: usize,
}

const STATUS_OK: u8 = 0;
const STATUS_FAILED: u8 = 1;
/// No header is longer than this; a longer length means a broken stream.
const MAX_HEADER: u64 = 1 << 20;

/// Workers for one batch: at most one per job, each used by one thread at
/// a time.
pub struct WorkerPool {
    command: WorkerCommand,
    timeout: Duration,
    idle: Mutex<Vec<Worker>>,
}

impl WorkerPool {
    /// A pool that starts workers with `command` when needed; a file gets
    /// `timeout` before its worker is stopped.
    pub fn new(command: WorkerCommand, timeout: Duration) -> Self {
        WorkerPool {
            command,
            timeout,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Extracts one PDF in a worker. Errors are one line, for the batch's
    /// failure list.
    pub fn extract(
        &self,
        bytes: &[u8],
        id: &str,
        source: &str,
        limits: Limits,
    ) -> Result<WorkerReply, String> {
        let taken = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let mut worker = match taken {
            Some(worker) => worker,
            None => Worker::start(&self.command)
                .map_err(|e| format!("cannot start a PDF worker: {e}"))?,
        };
        let request = Request {
            id: id.to_string(),
            source: source.to_string(),
            max_bytes: limits.max_bytes,
            max_line_chars: limits.max_line_chars,
            max_pages: limits.max_pages,
        };
        match worker.ask(&request, bytes, self.timeout) {
            Ok(answer) => {
                self.idle
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(worker);
                answer
            }
            // the worker is dropped here: killed if still running, reaped
            Err(lost) => Err(lost.message(&mut worker, self.timeout)),
        }
    }
}

/// Why a worker gave no answer.
enum Lost {
    TimedOut,
    Broken(io::Error),
}

impl Lost {
    fn message(self, worker: &mut Worker, timeout: Duration) -> String {
        match self {
            Lost::TimedOut => {
                let _ = worker.child.kill();
                format!(
                    "no result within {} s: the PDF worker was stopped (--timeout)",
                    timeout.as_secs()
                )
            }
            Lost::Broken(err) => match worker.exit_status() {
                // no exit code: ended by a signal
                Some(status) if status.code().is_none() => {
                    format!("the PDF worker crashed on this file ({status})")
                }
                Some(status) if !status.success() => {
                    format!("the PDF worker ended on this file ({status}; its message is above)")
                }
                _ => format!("the PDF worker stopped answering ({err})"),
            },
        }
    }
}

/// One running worker process and the thread reading its replies.
struct Worker {
    child: Child,
    stdin: Option<BufWriter<ChildStdin>>,
    replies: mpsc::Receiver<io::Result<Result<WorkerReply, String>>>,
}

impl Worker {
    fn start(command: &WorkerCommand) -> io::Result<Self> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let (stdin, stdout) = match (child.stdin.take(), child.stdout.take()) {
            (Some(stdin), Some(stdout)) => (stdin, stdout),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(io::Error::other("the worker's pipes were not opened"));
            }
        };
        let (sender, replies) = mpsc::channel();
        // a thread per worker, so the parent can wait with a time limit
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let reply = read_reply(&mut reader);
                let stop = reply.is_err();
                if sender.send(reply).is_err() || stop {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin: Some(BufWriter::new(stdin)),
            replies,
        })
    }

    /// How a worker whose pipe broke ended: given a moment to finish
    /// exiting, then killed.
    fn exit_status(&mut self) -> Option<std::process::ExitStatus> {
        for _ in 0..50 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        self.child.wait().ok()
    }

    fn ask(
        &mut self,
        request: &Request,
        bytes: &[u8],
        timeout: Duration,
    ) -> Result<Result<WorkerReply, String>, Lost> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| Lost::Broken(io::Error::other("closed")))?;
        write_request(stdin, request, bytes).map_err(Lost::Broken)?;
        match self.replies.recv_timeout(timeout) {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(err)) => Err(Lost::Broken(err)),
            Err(mpsc::RecvTimeoutError::Timeout) => Err(Lost::TimedOut),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Err(Lost::Broken(io::ErrorKind::UnexpectedEof.into()))
            }
        }
    }
}

impl Drop for Worker {
    /// An idle worker ends when its stdin closes; a stuck one is killed.
    fn drop(&mut self) {
        drop(self.stdin.take());
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            match self.replies.recv_timeout(Duration::from_secs(2)) {
                Err(mpsc::RecvTimeoutError::Disconnected) | Ok(Err(_)) => {}
                _ => {
                    let _ = self.child.kill();
                }
            }
        }
        let _ = self.child.wait();
    }
}

fn write_request(out: &mut impl Write, request: &Request, bytes: &[u8]) -> io::Result<()> {
    let header = serde_json::to_vec(request)?;
    write_block(out, &header)?;
    write_block(out, bytes)?;
    out.flush()
}

fn write_block(out: &mut impl Write, block: &[u8]) -> io::Result<()> {
    out.write_all(&(block.len() as u64).to_le_bytes())?;
    out.write_all(block)
}

fn read_u64(input: &mut impl Read) -> io::Result<u64> {
    let mut word = [0u8; 8];
    input.read_exact(&mut word)?;
    Ok(u64::from_le_bytes(word))
}

fn read_block(input: &mut impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let len = read_u64(input)?;
    if len > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a block of {len} bytes, more than {limit}"),
        ));
    }
    let mut block = Vec::new();
    input.take(len).read_to_end(&mut block)?;
    if block.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(block)
}

fn read_text(input: &mut impl Read) -> io::Result<String> {
    String::from_utf8(read_block(input, u64::MAX)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn read_reply(input: &mut impl Read) -> io::Result<Result<WorkerReply, String>> {
    let mut status = [0u8; 1];
    input.read_exact(&mut status)?;
    match status[0] {
        STATUS_OK => {
            let mut times = [0f64; 6];
            for time in &mut times {
                *time = f64::from_bits(read_u64(input)?);
            }
            let stages = StageTimes::from_array(times);
            Ok(Ok(WorkerReply {
                json: read_text(input)?,
                stages,
            }))
        }
        STATUS_FAILED => Ok(Err(read_text(input)?)),
        other => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("unknown reply status {other}"),
        )),
    }
}

fn write_reply(out: &mut impl Write, reply: &Result<WorkerReply, String>) -> io::Result<()> {
    match reply {
        Ok(done) => {
            out.write_all(&[STATUS_OK])?;
            for time in done.stages.to_array() {
                out.write_all(&time.to_bits().to_le_bytes())?;
            }
            write_block(out, done.json.as_bytes())?;
        }
        Err(message) => {
            out.write_all(&[STATUS_FAILED])?;
            write_block(out, message.as_bytes())?;
        }
    }
    out.flush()
}

/// The worker's side: answers requests from `input` on `output` until the
/// input ends. Returns an error only when the stream itself breaks.
pub fn serve(analyzer: &Analyzer, input: impl Read, output: impl Write) -> io::Result<()> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    loop {
        let header = match read_block(&mut input, MAX_HEADER) {
            Ok(header) => header,
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(err) => return Err(err),
        };
        let request: Request = serde_json::from_slice(&header)?;
        let limits = Limits {
            max_bytes: request.max_bytes,
            max_line_chars: request.max_line_chars,
            max_pages: request.max_pages,
        };
        let bytes = read_block(&mut input, (limits.max_bytes as u64).saturating_add(1))?;
        let reply = extract_here(&bytes, &request, analyzer, limits);
        write_reply(&mut output, &reply)?;
    }
}

/// The in-process pipeline, as the parent would run it.
fn extract_here(
    bytes: &[u8],
    request: &Request,
    analyzer: &Analyzer,
    limits: Limits,
) -> Result<WorkerReply, String> {
    if bytes.len() > limits.max_bytes {
        let too_large = DecodeError::TooLarge {
            bytes: bytes.len(),
            limit: limits.max_bytes,
        };
        return Err(ExtractError::Decode(too_large).to_string());
    }
    let mut watch = Stopwatch::start();
    let document = pipeline::extract_timed(
        bytes,
        &request.id,
        &request.source,
        analyzer,
        limits,
        &mut watch,
    )
    .map_err(|e| e.to_string())?;
    Ok(WorkerReply {
        json: super::to_json(&document),
        stages: watch.times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(script: &str, timeout: Duration) -> WorkerPool {
        let command = WorkerCommand {
            program: PathBuf::from("sh"),
            args: vec!["-c".into(), script.into()],
        };
        WorkerPool::new(command, timeout)
    }

    #[test]
    fn a_crashed_worker_is_one_failed_file() {
        let crashing = pool(
            "head -c 1 >/dev/null; kill -SEGV $$",
            Duration::from_secs(20),
        );
        let err = crashing
            .extract(b"%PDF-1.7", "a", "a.pdf", Limits::default())
            .expect_err("a crash");
        assert!(
            err.starts_with("the PDF worker crashed on this file"),
            "{err}"
        );
        // the next file gets a fresh worker, and fails the same way, alone
        let again = crashing.extract(b"%PDF-1.7", "b", "b.pdf", Limits::default());
        assert!(again.is_err());
    }

    #[test]
    fn a_worker_that_exits_is_said_with_its_status() {
        let exiting = pool("head -c 1 >/dev/null; exit 3", Duration::from_secs(20));
        let err = exiting
            .extract(b"%PDF-1.7", "a", "a.pdf", Limits::default())
            .expect_err("an exit");
        assert_eq!(
            err,
            "the PDF worker ended on this file (exit status: 3; its message is above)"
        );
    }

    #[test]
    fn a_hung_worker_is_stopped_at_the_time_limit() {
        let hanging = pool("exec sleep 30", Duration::from_secs(1));
        let started = std::time::Instant::now();
        let err = hanging
            .extract(b"%PDF-1.7", "a", "a.pdf", Limits::default())
            .expect_err("a time-out");
        assert_eq!(
            err,
            "no result within 1 s: the PDF worker was stopped (--timeout)"
        );
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_program_that_cannot_start_is_said() {
        let command = WorkerCommand {
            program: PathBuf::from("/nonexistent/kcite"),
            args: Vec::new(),
        };
        let err = WorkerPool::new(command, Duration::from_secs(1))
            .extract(b"%PDF-1.7", "a", "a.pdf", Limits::default())
            .expect_err("no worker");
        assert!(err.starts_with("cannot start a PDF worker"), "{err}");
    }

    #[test]
    fn replies_and_requests_read_back_as_written() {
        let stages = StageTimes {
            layout: 0.25,
            morphology: 1.5,
            ..StageTimes::default()
        };
        for reply in [
            Ok(WorkerReply {
                json: "{\"a\": \"가\"}\n".to_string(),
                stages,
            }),
            Err("the PDF is encrypted".to_string()),
        ] {
            let mut wire = Vec::new();
            write_reply(&mut wire, &reply).expect("write");
            let back = read_reply(&mut wire.as_slice()).expect("read");
            match (reply, back) {
                (Ok(a), Ok(b)) => assert_eq!((a.json, a.stages), (b.json, b.stages)),
                (Err(a), Err(b)) => assert_eq!(a, b),
                _ => panic!("the status changed"),
            }
        }
        let request = Request {
            id: "r".to_string(),
            source: "r.pdf".to_string(),
            max_bytes: 10,
            max_line_chars: 5,
            max_pages: 2,
        };
        let mut wire = Vec::new();
        write_request(&mut wire, &request, b"%PDF").expect("write");
        let mut input = wire.as_slice();
        let header: Request =
            serde_json::from_slice(&read_block(&mut input, MAX_HEADER).expect("header"))
                .expect("json");
        assert_eq!((header.id.as_str(), header.max_pages), ("r", 2));
        assert_eq!(read_block(&mut input, 100).expect("bytes"), b"%PDF");
    }

    #[test]
    fn a_truncated_block_is_an_error_not_a_short_read() {
        let mut wire = Vec::new();
        write_block(&mut wire, b"abcdef").expect("write");
        wire.truncate(10);
        assert!(read_block(&mut wire.as_slice(), 100).is_err());
        assert!(read_block(&mut [0xffu8; 8].as_slice(), 100).is_err());
    }
}
