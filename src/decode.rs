//! Decode: bytes → text.
//!
//! In: the raw bytes of a report file. Out: a `String` with `\n` line ends.
//! UTF-8 (with or without BOM), UTF-16 with BOM and the legacy Korean encodings
//! EUC-KR/CP949 are recognised; anything else (binary data, undecodable bytes)
//! is an error. CRLF and CR become line breaks, a form feed a line break
//! followed by the form feed that opens the next page; no-break and
//! ideographic spaces become plain spaces, so later stages see one space kind.

use std::fmt;

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
    UnknownEncoding,
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::Binary => write!(f, "the file is binary, not text"),
            DecodeError::UnknownEncoding => {
                write!(
                    f,
                    "the file is neither UTF-8, UTF-16 with BOM nor EUC-KR/CP949 text"
                )
            }
            DecodeError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the file has {bytes} bytes, more than the limit of {limit}"
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Which encoding the input was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    EucKr,
}

/// Decodes report bytes into normalised text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(DecodeError::UnknownEncoding);
        }
        let kind = if enc == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        (text.into_owned(), kind)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), Encoding::Utf8)
    } else {
        if looks_binary(bytes) {
            return Err(DecodeError::Binary);
        }
        let (text, had_errors) = encoding_rs::EUC_KR.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(DecodeError::UnknownEncoding);
        }
        (text.into_owned(), Encoding::EucKr)
    };
    if looks_binary(text.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    Ok((normalise(&text), encoding))
}

/// NUL bytes and other C0 controls do not occur in report text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || controls * 100 > sample.len().max(1)
}

/// One line-break kind and one space kind.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            // a form feed opens a page (pdftotext writes one before each
            // page but the first): the layout reads pages from it, and the
            // line count stays that of a break
            '\u{0c}' => out.push_str("\n\u{0c}"),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{00a0}' | '\u{3000}' | '\u{2007}' | '\u{202f}' | '\t' => out.push(' '),
            '\u{feff}' | '\u{200b}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_crlf_and_form_feed() {
        let (text, enc) = decode("\u{feff}가 나\r\n다\u{0c}라\r마".as_bytes()).unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(text, "가 나\n다\n\u{0c}라\n마");
    }

    #[test]
    fn euc_kr_and_utf16_are_decoded() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("북한의 대외관계 1)");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(
            (text.as_str(), enc),
            ("북한의 대외관계 1)", Encoding::EucKr)
        );
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "주요 내용".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(
            decode(&utf16).unwrap(),
            ("주요 내용".to_string(), Encoding::Utf16)
        );
    }

    #[test]
    fn spaces_are_unified() {
        assert_eq!(
            decode("가\u{00a0}나\u{3000}다".as_bytes()).unwrap().0,
            "가 나 다"
        );
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(&[0xff, 0xff, 0xfe, 0x80, 0x81]),
            Err(DecodeError::UnknownEncoding)
        );
    }
}
