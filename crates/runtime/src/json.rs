//! A small JSON reader and string writer for what the browser runs: the embedded bundle,
//! the taxonomy, the search synonyms and the JSON export.
//!
//! Why not `serde_json` there: its generic deserializer and value type cost the wasm
//! download several KiB after gzip, and the download is the site's budget. The build
//! (compiler, packer, catalog) keeps using `serde_json`; tests check that both read the
//! same documents the same way.

use std::fmt;

/// A parsed JSON value. Objects keep their keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Where and why a text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte offset of the problem.
    pub offset: usize,
    pub message: &'static str,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

/// Parses a whole JSON text.
pub fn parse(text: &str) -> Result<Json, Error> {
    let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
    let v = p.value()?;
    p.space();
    if p.i != p.s.len() {
        return Err(p.error("text after the JSON value"));
    }
    Ok(v)
}

const EMPTY: &[Json] = &[];

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// Element `i` of an array.
    pub fn at(&self, i: usize) -> Option<&Json> {
        self.items().get(i)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }
    /// An integral number.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15).map(|n| n as i64)
    }
    pub fn as_u64(&self) -> Option<u64> {
        self.as_i64().and_then(|n| u64::try_from(n).ok())
    }
    /// The elements of an array; empty for anything else.
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            _ => EMPTY,
        }
    }
    pub fn is_array(&self) -> bool {
        matches!(self, Json::Array(_))
    }
    /// The members of an object, in document order; empty for anything else.
    pub fn members(&self) -> &[(String, Json)] {
        match self {
            Json::Object(members) => members,
            _ => &[],
        }
    }
}

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> Error {
        Error { offset: self.i, message }
    }

    fn space(&mut self) {
        while self.s.get(self.i).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let hit = self.s.get(self.i) == Some(&byte);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn value(&mut self) -> Result<Json, Error> {
        self.space();
        match self.s.get(self.i) {
            Some(b'{') | Some(b'[') if self.depth >= MAX_DEPTH => Err(self.error("nesting too deep")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn word(&mut self, word: &str, v: Json) -> Result<Json, Error> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.error("unexpected word"))
        }
    }

    fn array(&mut self) -> Result<Json, Error> {
        self.i += 1;
        self.depth += 1;
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.error("expected , or ]"));
                }
            }
        }
        self.depth -= 1;
        Ok(Json::Array(items))
    }

    fn object(&mut self) -> Result<Json, Error> {
        self.i += 1;
        self.depth += 1;
        let mut members = Vec::new();
        if !self.eat(b'}') {
            loop {
                self.space();
                if self.s.get(self.i) != Some(&b'"') {
                    return Err(self.error("expected a key"));
                }
                let key = self.string()?;
                if !self.eat(b':') {
                    return Err(self.error("expected :"));
                }
                members.push((key, self.value()?));
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.error("expected , or }"));
                }
            }
        }
        self.depth -= 1;
        Ok(Json::Object(members))
    }

    /// A number, read without `str::parse::<f64>`, whose tables would add more to the
    /// download than this whole reader: exact for up to 15 significant digits and powers
    /// of ten up to 22 (every number the app reads), within rounding beyond.
    fn number(&mut self) -> Result<Json, Error> {
        let start = self.i;
        let negative = self.s.get(self.i) == Some(&b'-');
        if negative {
            self.i += 1;
        }
        let mut mantissa = 0f64;
        let mut exponent = 0i32;
        let mut digits = 0;
        let mut after_point = false;
        while let Some(&b) = self.s.get(self.i) {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa * 10.0 + f64::from(b - b'0');
                    exponent -= i32::from(after_point);
                    digits += 1;
                }
                b'.' if !after_point => after_point = true,
                _ => break,
            }
            self.i += 1;
        }
        if digits == 0 {
            return Err(Error { offset: start, message: "bad number" });
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            let sign = match self.s.get(self.i) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.i += 1;
            }
            let from = self.i;
            let mut e = 0i32;
            while let Some(d @ b'0'..=b'9') = self.s.get(self.i).copied() {
                e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.i += 1;
            }
            if self.i == from {
                return Err(Error { offset: start, message: "bad number" });
            }
            exponent = exponent.saturating_add(if sign < 0 { -e } else { e });
        }
        let mut value = mantissa;
        let mut scale = exponent;
        while scale != 0 {
            let step = scale.clamp(-22, 22);
            let power = (0..step.unsigned_abs()).fold(1f64, |p, _| p * 10.0);
            value = if step < 0 { value / power } else { value * power };
            scale -= step;
        }
        Ok(Json::Number(if negative { -value } else { value }))
    }

    fn string(&mut self) -> Result<String, Error> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while self.s.get(self.i).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    // Input was a `&str` and escapes write whole characters.
                    return String::from_utf8(out).map_err(|_| self.error("bad text"));
                }
                Some(b'\\') => {
                    let c = self.escape()?;
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, Error> {
        let c = self.s.get(self.i + 1).copied();
        self.i += 2;
        Ok(match c {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let high = self.hex4()?;
                if (0xD800..0xDC00).contains(&high) && self.s[self.i..].starts_with(b"\\u") {
                    self.i += 2;
                    let low = self.hex4()?;
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                    char::from_u32(code).unwrap_or('\u{FFFD}')
                } else {
                    char::from_u32(high).unwrap_or('\u{FFFD}')
                }
            }
            _ => return Err(self.error("bad escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.s.get(self.i..self.i + 4).ok_or_else(|| self.error("bad \\u escape"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error("bad \\u escape"))?;
        let n = u32::from_str_radix(text, 16).map_err(|_| self.error("bad \\u escape"))?;
        self.i += 4;
        Ok(n)
    }
}

// ------------------------------------------------------------------------------ writing

/// Appends `s` as a JSON string literal, escaped as `serde_json` escapes it.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from_digit(c as u32 >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(c as u32 & 15, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `[…]`, each item written by `write`.
pub fn write_list<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

/// Appends `["a","b"]`.
pub fn write_strs<S: AsRef<str>>(out: &mut String, items: &[S]) {
    write_list(out, items, |out, s| write_str(out, s.as_ref()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            r#"{"a":[1,-2.5,3e2,true,false,null],"b":{"c":"d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"},"中":"文"}"#,
            " [ ] ",
            "{}",
            r#""\u4e2d""#,
            "[0, -0.5, 0.75, 1157, 12.345, 1e-3, 2.5E+1, 123456789012345, 20.0]",
            include_str!("../data/taxonomy.json"),
            include_str!("../data/synonyms.json"),
        ];
        for text in texts {
            let ours = parse(text).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(to_serde(&ours), floats(theirs), "{text}");
        }
    }

    fn to_serde(v: &Json) -> serde_json::Value {
        match v {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => (*b).into(),
            Json::Number(n) => (*n).into(),
            Json::String(s) => s.clone().into(),
            Json::Array(items) => items.iter().map(to_serde).collect(),
            Json::Object(m) => m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect::<serde_json::Map<_, _>>().into(),
        }
    }

    /// Every number as a float, as `Json` keeps them.
    fn floats(v: serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Number(n) => n.as_f64().unwrap_or_default().into(),
            serde_json::Value::Array(items) => items.into_iter().map(floats).collect(),
            serde_json::Value::Object(m) => m.into_iter().map(|(k, v)| (k, floats(v))).collect::<serde_json::Map<_, _>>().into(),
            v => v,
        }
    }

    #[test]
    fn refuses_what_is_not_json_with_the_place() {
        for (text, offset) in
            [("", 0), ("[1,", 3), ("{\"a\" 1}", 5), ("[1] x", 4), ("\"abc", 4), ("[tru]", 1), ("{1:2}", 1), ("[-]", 1), ("[1e]", 1), ("[.5]", 1)]
        {
            let e = parse(text).unwrap_err();
            assert_eq!(e.offset, offset, "{text}: {e}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().message, "nesting too deep");
    }

    #[test]
    fn writes_strings_serde_json_reads_back() {
        for s in ["简单", "a\"b\\c", "line\nbreak\ttab\r", "\u{1}\u{1f}", "😀"] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s);
        }
        let mut out = String::new();
        write_strs(&mut out, &["a", "b"]);
        assert_eq!(out, r#"["a","b"]"#);
    }
}
