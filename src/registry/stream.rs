//! Reading a registry while it downloads. The bytes are fed in as they
//! arrive and each dataset record is read as soon as it is complete, so the
//! whole text is never held: the memory peak of a load is the datasets,
//! not the datasets plus the file (in wasm, whose memory never shrinks, the
//! peak is what stays).
//!
//! Only this project's registry format is read record by record, and only
//! when its inline `@context` comes before the `dataset` list (as the
//! `convert` and `harvest` commands write it). Anything else (other
//! formats, RDF, a registry without `@context`) is kept whole and handed to
//! [`read_with_base`](super::read_with_base) at the end, as before.
//!
//! The scan only looks at ASCII structure (`{ } [ ] , : "` and escapes), so
//! a chunk boundary inside a multi-byte character or a record is harmless.

use super::jsonld::{head_is_registry, read_fast, Fast, RecordReader};
use super::{common, ReadError};
use crate::model::{Catalog, Dataset};

pub struct RegistryStream {
    state: State,
    /// Everything but the records: the whole text until the `dataset` list
    /// starts (and all of it when the text is not read record by record);
    /// then `[]` in the list's place, then what follows it.
    kept: Vec<u8>,
    /// The record being received.
    record: Vec<u8>,
    catalog: Catalog,
    reader: RecordReader,
    scan: Scan,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Before the `dataset` list: kept and scanned for it.
    Head,
    /// Inside the `dataset` list: records read one by one.
    Records,
    /// After the list: kept.
    Tail,
    /// Not read record by record: kept whole.
    Whole,
}

/// The JSON structure seen so far.
#[derive(Default)]
struct Scan {
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// A top-level key is expected next (after `{` or `,`).
    expect_key: bool,
    /// The top-level key being read (up to `dataset`'s length + 1).
    key: Vec<u8>,
    capturing: bool,
    /// The value of the top-level `dataset` key comes next.
    dataset_value_next: bool,
}

impl Scan {
    /// Steps over a byte inside a string; whether it was the closing quote.
    fn string_byte(&mut self, b: u8) -> bool {
        if self.escaped {
            self.escaped = false;
        } else if b == b'\\' {
            self.escaped = true;
        } else if b == b'"' {
            self.in_string = false;
            return true;
        }
        false
    }
}

/// The outcome: read, or a text to read whole.
pub enum Finished {
    Read(Result<Catalog, ReadError>),
    /// Not a registry read record by record: the whole text (invalid UTF-8
    /// replaced, as the browser's `Response.text()` does).
    Whole(String),
}

impl Default for RegistryStream {
    fn default() -> Self {
        RegistryStream::new()
    }
}

impl RegistryStream {
    pub fn new() -> RegistryStream {
        RegistryStream {
            state: State::Head,
            kept: Vec::new(),
            record: Vec::new(),
            catalog: Catalog::default(),
            reader: RecordReader::default(),
            scan: Scan::default(),
        }
    }

    /// The datasets read so far, in registry order (for an early first
    /// page while the rest downloads).
    pub fn read_so_far(&self) -> &[Dataset] {
        &self.catalog.datasets
    }

    pub fn feed(&mut self, chunk: &[u8]) {
        let mut rest = chunk;
        while !rest.is_empty() {
            let used = match self.state {
                State::Head => self.head(rest),
                State::Records => self.records(rest),
                State::Tail | State::Whole => {
                    self.kept.extend_from_slice(rest);
                    rest.len()
                }
            };
            rest = &rest[used..];
        }
    }

    /// Before the list: keeps bytes, looking for `"dataset": [` at the top
    /// level. Returns how many bytes it took (fewer when the list starts).
    fn head(&mut self, chunk: &[u8]) -> usize {
        for (i, &b) in chunk.iter().enumerate() {
            let s = &mut self.scan;
            if s.in_string {
                if s.string_byte(b) {
                    s.capturing = false;
                } else if s.capturing && s.key.len() <= 8 {
                    s.key.push(b);
                }
                self.kept.push(b);
                continue;
            }
            if b.is_ascii_whitespace() || (self.kept.is_empty() && b != b'{') {
                // A byte order mark or anything but an object first: not
                // read record by record.
                if !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF) {
                    self.state = State::Whole;
                }
                self.kept.push(b);
                if self.state == State::Whole {
                    return i + 1;
                }
                continue;
            }
            if s.dataset_value_next {
                s.dataset_value_next = false;
                let is_list = b == b'[';
                let ours = is_list && head_is_registry(&String::from_utf8_lossy(&self.kept));
                if ours {
                    self.kept.extend_from_slice(b"[]");
                    self.state = State::Records;
                    self.scan.depth = 2;
                    return i + 1;
                }
                self.state = State::Whole;
                return i;
            }
            match b {
                b'"' => {
                    s.in_string = true;
                    if s.depth == 1 && s.expect_key {
                        s.expect_key = false;
                        s.capturing = true;
                        s.key.clear();
                    }
                }
                b'{' | b'[' => {
                    s.depth += 1;
                    s.expect_key = s.depth == 1 && b == b'{';
                }
                b'}' | b']' => s.depth = s.depth.saturating_sub(1),
                b',' if s.depth == 1 => s.expect_key = true,
                b':' if s.depth == 1 => s.dataset_value_next = s.key == b"dataset",
                _ => {}
            }
            self.kept.push(b);
        }
        chunk.len()
    }

    /// Inside the list: an element ends at a `,` or `]` at the list's own
    /// depth. Returns how many bytes it took (fewer when the list ends).
    /// Strings are skipped to their next quote or backslash, and a record's
    /// bytes are copied a span at a time: this runs over every byte of a
    /// large registry.
    fn records(&mut self, chunk: &[u8]) -> usize {
        // The current record's bytes in this chunk start here.
        let mut from = 0;
        let mut i = 0;
        while i < chunk.len() {
            let s = &mut self.scan;
            if s.in_string {
                if s.escaped {
                    s.escaped = false;
                    i += 1;
                    continue;
                }
                match chunk[i..].iter().position(|&c| c == b'"' || c == b'\\') {
                    Some(n) => {
                        i += n;
                        s.string_byte(chunk[i]);
                        i += 1;
                    }
                    None => i = chunk.len(),
                }
                continue;
            }
            match chunk[i] {
                b',' if s.depth == 2 => {
                    self.record.extend_from_slice(&chunk[from..i]);
                    self.end_record();
                    from = i + 1;
                }
                b']' if s.depth == 2 => {
                    self.record.extend_from_slice(&chunk[from..i]);
                    self.end_record();
                    self.state = State::Tail;
                    self.scan.depth = 1;
                    return i + 1;
                }
                b'"' => s.in_string = true,
                b'{' | b'[' => s.depth += 1,
                b'}' | b']' => s.depth = s.depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        self.record.extend_from_slice(&chunk[from..]);
        chunk.len()
    }

    fn end_record(&mut self) {
        // Valid UTF-8 as a rule: checked in one fast pass, and only a
        // broken record pays for replacing what is not.
        let text = match std::str::from_utf8(&self.record) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&self.record),
        };
        let text = text.trim();
        if !text.is_empty() {
            self.reader.read(&mut self.catalog, text);
        }
        self.record.clear();
    }

    /// The registry, once every byte has been fed; `base` resolves relative
    /// links as [`read_with_base`](super::read_with_base) does.
    pub fn finish(self, base: Option<&str>) -> Finished {
        let RegistryStream {
            state,
            kept,
            mut catalog,
            reader,
            ..
        } = self;
        match state {
            State::Head | State::Whole => {
                Finished::Whole(String::from_utf8_lossy(&kept).into_owned())
            }
            State::Records => Finished::Read(Err(ReadError::Syntax(
                "JSON: the registry ends inside its dataset list".into(),
            ))),
            State::Tail => {
                reader.finish(&mut catalog);
                // The list grew by doubling; the slack (up to half of it)
                // goes back to the allocator for the index to use.
                catalog.datasets.shrink_to_fit();
                let head = match read_fast(&String::from_utf8_lossy(&kept)) {
                    Fast::Read(Ok(head)) => head,
                    Fast::Read(Err(e)) | Fast::Other(e) => return Finished::Read(Err(e)),
                };
                let Catalog {
                    id,
                    title,
                    description,
                    publisher,
                    problems,
                    ..
                } = head;
                catalog.id = id;
                catalog.title = title;
                catalog.description = description;
                catalog.publisher = publisher;
                // The catalogue's own problems first, as the whole-text
                // reader reports them.
                let records = std::mem::replace(&mut catalog.problems, problems);
                catalog.problems.extend(records);
                if let Some(base) = base.filter(|b| super::url::is_absolute(b)) {
                    common::resolve_relative_links(&mut catalog, base);
                }
                Finished::Read(Ok(catalog))
            }
        }
    }
}
