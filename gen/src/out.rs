//! Small, dependency-free writers for the JSON and CSV text of the exports. JSON objects are
//! written by hand, key by key, so that field order is the vendor's and never depends on how
//! serde_json's map happens to be configured in a workspace build.

use std::fmt::Display;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Appends `s` as a JSON string literal (quotes included). Non-ASCII text is kept as UTF-8.
pub fn push_json_str(buf: &mut String, s: &str) {
    buf.push('"');
    for c in s.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                buf.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => buf.push(c),
        }
    }
    buf.push('"');
}

/// Writes one JSON object, field by field, into a String.
pub struct Obj<'a> {
    buf: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    /// Opens `{`.
    pub fn new(buf: &'a mut String) -> Obj<'a> {
        buf.push('{');
        Obj { buf, first: true }
    }

    fn key(&mut self, k: &str) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
        push_json_str(self.buf, k);
        self.buf.push(':');
    }

    /// A string field.
    pub fn s(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k);
        push_json_str(self.buf, v);
        self
    }

    /// A string field, or null.
    pub fn opt_s(&mut self, k: &str, v: Option<&str>) -> &mut Self {
        match v {
            Some(v) => self.s(k, v),
            None => self.null(k),
        }
    }

    /// A number (or any value whose Display is valid JSON, such as true/false).
    pub fn n(&mut self, k: &str, v: impl Display) -> &mut Self {
        self.key(k);
        self.buf.push_str(&v.to_string());
        self
    }

    /// A number, or null.
    pub fn opt_n<T: Display>(&mut self, k: &str, v: Option<T>) -> &mut Self {
        match v {
            Some(v) => self.n(k, v),
            None => self.null(k),
        }
    }

    /// null.
    pub fn null(&mut self, k: &str) -> &mut Self {
        self.key(k);
        self.buf.push_str("null");
        self
    }

    /// Already-serialised JSON.
    pub fn raw(&mut self, k: &str, json: &str) -> &mut Self {
        self.key(k);
        self.buf.push_str(json);
        self
    }

    /// An array of strings.
    pub fn strs<S: AsRef<str>>(&mut self, k: &str, vs: &[S]) -> &mut Self {
        self.key(k);
        self.buf.push('[');
        for (i, v) in vs.iter().enumerate() {
            if i > 0 {
                self.buf.push(',');
            }
            push_json_str(self.buf, v.as_ref());
        }
        self.buf.push(']');
        self
    }

    /// A nested object, written by `f`.
    pub fn obj(&mut self, k: &str, f: impl FnOnce(&mut Obj)) -> &mut Self {
        self.key(k);
        let mut inner = Obj::new(self.buf);
        f(&mut inner);
        inner.end();
        self
    }

    /// Closes `}`.
    pub fn end(&mut self) {
        self.buf.push('}');
    }
}

/// One JSON object as a String.
pub fn object(f: impl FnOnce(&mut Obj)) -> String {
    let mut s = String::new();
    let mut o = Obj::new(&mut s);
    f(&mut o);
    o.end();
    s
}

/// Appends `s` as one CSV cell (RFC 4180): quoted when it holds a comma, a quote, a line break
/// or leading/trailing spaces (so that readers which trim cannot lose them).
pub fn push_csv(buf: &mut String, s: &str) {
    let needs = s.contains([',', '"', '\n', '\r'])
        || s.starts_with(' ')
        || s.ends_with(' ')
        || s.starts_with('\t');
    if needs {
        buf.push('"');
        buf.push_str(&s.replace('"', "\"\""));
        buf.push('"');
    } else {
        buf.push_str(s);
    }
}

/// A buffered file writer that names the file in its errors.
pub struct Out {
    path: String,
    w: BufWriter<File>,
}

impl Out {
    /// Creates (truncates) `path`, creating its parent folders.
    pub fn create(path: &Path) -> Result<Out, String> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create folder {}: {e}", dir.display()))?;
            }
        }
        let f = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(Out {
            path: path.display().to_string(),
            w: BufWriter::with_capacity(1 << 20, f),
        })
    }

    /// Writes text.
    pub fn put(&mut self, s: &str) -> Result<(), String> {
        self.w
            .write_all(s.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", self.path))
    }

    /// Flushes and closes.
    pub fn finish(mut self) -> Result<(), String> {
        self.w
            .flush()
            .map_err(|e| format!("cannot write {}: {e}", self.path))
    }
}

/// Writes a whole small file at once.
pub fn write_file(path: &Path, text: &str) -> Result<(), String> {
    let mut o = Out::create(path)?;
    o.put(text)?;
    o.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped_and_parse_back() {
        let text = "a \"q\" \\ <script>alert(1)</script> & é\n\u{1}";
        let mut s = String::new();
        push_json_str(&mut s, text);
        let back: String = serde_json::from_str(&s).unwrap_or_default();
        assert_eq!(back, text);
    }

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        let mut s = String::new();
        push_csv(&mut s, "a,b");
        s.push('|');
        push_csv(&mut s, "say \"hi\"");
        s.push('|');
        push_csv(&mut s, " x@example.org");
        s.push('|');
        push_csv(&mut s, "plain");
        assert_eq!(s, "\"a,b\"|\"say \"\"hi\"\"\"|\" x@example.org\"|plain");
    }
}
