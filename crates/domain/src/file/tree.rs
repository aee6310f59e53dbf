//! The JSON tree a file is read into: like serde_json's `Value`, but its texts and keys are
//! borrowed from the file wherever they hold no escape, so reading a plan file allocates one
//! list per object and per array, where a `Value` allocates a string for every key and text
//! and B-tree nodes for every object.
//!
//! [`parse`] reads the plain JSON that plan files hold with a small parser of its own, and
//! hands everything else to serde_json: any syntax error (so the error, its line and column
//! are serde_json's, as before), numbers with a fraction or an exponent or beyond 64 bits,
//! `-0`, escaped surrogates, nesting deeper than [`MAX_DEPTH`] and objects of more than
//! [`MAX_MEMBERS`] members. The tree is then made from serde_json's `Value`, texts copied.
//! Either way the tree means exactly what serde_json's `Value` of the same text means: an
//! object's members are sorted by key (byte order, as `Map`) and a repeated key keeps its
//! last value (as `Map::insert`). The tests compare the two on many texts.

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

use crate::validate::JsonType;

use super::decode::parse_json;
use super::encode::{json_excerpt, Writer};
use super::error::ImportError;

/// Lists and objects nested deeper than this are left to serde_json (which refuses the
/// 128th level).
const MAX_DEPTH: usize = 100;

/// Objects with more members than this are left to serde_json (a plan file's objects have
/// at most a dozen; members are sorted by insertion, quadratic in the worst case).
const MAX_MEMBERS: usize = 32;

/// A JSON value whose texts may borrow from the file. Numbers are held as serde_json's
/// `Number` holds them (a whole number from 0, a negative one, or a finite float), but
/// inline: 16 bytes a value instead of 24.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    PosInt(u64),
    NegInt(i64),
    Float(f64),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Object<'a>),
}

/// The members of a JSON object, sorted by key, each key once.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct Object<'a>(Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> Object<'a> {
    fn position(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|(k, _)| same_key(k, key))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.position(key)
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    /// The value of `key`, taken out (`null` is left in its place).
    pub(crate) fn take(&mut self, key: &str) -> Option<Json<'a>> {
        let i = self.position(key)?;
        self.0
            .get_mut(i)
            .map(|(_, v)| std::mem::replace(v, Json::Null))
    }

    /// The members in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    /// From members in the file's order: sorted by key, a repeated key keeping its last
    /// value.
    fn from_members(mut members: Vec<(Cow<'a, str>, Json<'a>)>) -> Self {
        // Insertion sort (stable, so the last of a repeated key comes last; one pass over
        // members that are in order already).
        for i in 1..members.len() {
            let mut j = i;
            while j > 0 {
                let before = match (members.get(j), members.get(j - 1)) {
                    (Some(a), Some(b)) => key_before(&a.0, &b.0),
                    _ => false,
                };
                if !before {
                    break;
                }
                members.swap(j - 1, j);
                j -= 1;
            }
        }
        members.dedup_by(|later, kept| {
            let same = same_key(&later.0, &kept.0);
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Object(members)
    }
}

/// Whether two keys are the same: compared byte by byte in place, as keys are short (a call
/// to `memcmp` for each would cost more than the comparison).
#[inline(always)]
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (a.get(i), b.get(i)) {
        if x != y {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether key `a` sorts before key `b` (byte order, as `Map`), looking at the first byte
/// before the rest.
#[inline]
fn key_before(a: &str, b: &str) -> bool {
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x != y => x < y,
        _ => a < b,
    }
}

impl<'a> Json<'a> {
    /// The member `key` of an object (`None` for anything else), as `Value::get`.
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(o) => o.get(key),
            _ => None,
        }
    }

    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Json::PosInt(u) => Some(*u),
            _ => None,
        }
    }

    /// The same value as serde_json's `Value`.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::PosInt(_) | Json::NegInt(_) | Json::Float(_) => {
                self.number().map_or(Value::Null, Value::Number)
            }
            Json::String(s) => Value::String(String::from(&**s)),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(o) => {
                // Inserted one by one: collecting into a `Map` would bring a sort into the
                // bundle, and the members are sorted already.
                let mut map = Map::new();
                for (k, v) in o.iter() {
                    map.insert(String::from(k), v.to_value());
                }
                Value::Object(map)
            }
        }
    }

    /// serde_json's `Value` as a tree (owning copies of its texts).
    pub(crate) fn from_value(v: &Value) -> Json<'static> {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            // Every `Number` is exactly one of the three.
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Json::PosInt(u),
                (None, Some(i)) => Json::NegInt(i),
                (None, None) => Json::Float(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => Json::String(Cow::Owned(s.clone())),
            Value::Array(items) => Json::Array(items.iter().map(Json::from_value).collect()),
            // A `Map` iterates sorted by key, each key once.
            Value::Object(map) => Json::Object(Object(
                map.iter()
                    .map(|(k, v)| (Cow::Owned(k.clone()), Json::from_value(v)))
                    .collect(),
            )),
        }
    }
}

/// What the decoder asks of a single value, whether it is a tree's or serde_json's.
pub(crate) trait Leaf {
    fn number(&self) -> Option<Number>;
    fn text(&self) -> Option<&str>;
    fn json_type(&self) -> JsonType;
    /// The value as compact JSON cut to `max` characters, for messages.
    fn excerpt(&self, max: usize) -> String;
}

impl Leaf for Json<'_> {
    fn number(&self) -> Option<Number> {
        match self {
            Json::PosInt(u) => Some(Number::from(*u)),
            Json::NegInt(i) => Some(Number::from(*i)),
            Json::Float(f) => Number::from_f64(*f),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(&**s),
            _ => None,
        }
    }

    fn json_type(&self) -> JsonType {
        match self {
            Json::Object(_) => JsonType::Object,
            Json::Array(_) => JsonType::Array,
            Json::String(_) => JsonType::Text,
            Json::PosInt(_) | Json::NegInt(_) => JsonType::WholeNumber,
            Json::Float(_) => JsonType::Number,
            Json::Bool(_) => JsonType::Boolean,
            Json::Null => JsonType::Null,
        }
    }

    fn excerpt(&self, max: usize) -> String {
        json_excerpt(&self.to_value(), max)
    }
}

impl Leaf for Value {
    fn number(&self) -> Option<Number> {
        self.as_number().cloned()
    }

    fn text(&self) -> Option<&str> {
        self.as_str()
    }

    fn json_type(&self) -> JsonType {
        JsonType::of(self)
    }

    fn excerpt(&self, max: usize) -> String {
        json_excerpt(self, max)
    }
}

/// The canonical form of a tree (see [`mod@super::content_hash`]): the same text as
/// [`super::canonical_json`] of its `Value`, as bytes.
pub(crate) fn canonical(tree: &Json) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * 1024);
    write_canonical(&mut out, tree);
    out
}

fn write_canonical(out: &mut Vec<u8>, v: &Json) {
    match v {
        Json::Null => out.extend_from_slice(b"null"),
        Json::Bool(true) => out.extend_from_slice(b"true"),
        Json::Bool(false) => out.extend_from_slice(b"false"),
        Json::PosInt(u) => out.extend_from_slice(digits(*u, &mut [0; 20])),
        Json::NegInt(i) => {
            out.push(b'-');
            out.extend_from_slice(digits(i.unsigned_abs(), &mut [0; 20]));
        }
        Json::Float(_) => {
            let text = v.number().map(|n| n.to_string()).unwrap_or_default();
            out.extend_from_slice(text.as_bytes());
        }
        Json::String(s) => write_string(out, s),
        Json::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(out, item);
            }
            out.push(b']');
        }
        Json::Object(o) => {
            out.push(b'{');
            for (i, (k, item)) in o.0.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(out, k);
                out.push(b':');
                write_canonical(out, item);
            }
            out.push(b'}');
        }
    }
}

/// The decimal digits of `n`, as `n.to_string()` writes them, at the end of `buf`.
fn digits(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut start = buf.len();
    while let Some(d) = start.checked_sub(1).and_then(|i| buf.get_mut(i)) {
        *d = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.get(start..).unwrap_or_default()
}

/// A string as JSON, escaped as [`Writer::string`] escapes it.
#[allow(clippy::ptr_arg)] // whether the text is borrowed is what matters here
fn write_string(out: &mut Vec<u8>, s: &Cow<str>) {
    match s {
        // The parser borrows only texts without escapes, hence without a quote, a backslash
        // or a control character: they are written as they are.
        Cow::Borrowed(s) => {
            out.push(b'"');
            out.extend_from_slice(s.as_bytes());
            out.push(b'"');
        }
        Cow::Owned(s) => {
            let mut w = Writer::new(false);
            w.string(s);
            out.extend_from_slice(w.finish().as_bytes());
        }
    }
}

/// Reads JSON text (a leading byte-order mark must already be gone), with serde_json's
/// errors.
pub(crate) fn parse(text: &str) -> Result<Json<'_>, ImportError> {
    match Parser::new(text).document() {
        Some(tree) => Ok(tree),
        None => parse_json(text).map(|v| Json::from_value(&v)),
    }
}

/// The eight bytes from `i` on, if there are eight.
#[inline(always)]
fn word(bytes: &[u8], i: usize) -> Option<u64> {
    let eight: [u8; 8] = bytes.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

/// The parser of plain JSON: each function returns `None` for anything it leaves to
/// serde_json, errors included.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// The items of the lists being read, innermost last: a list is moved out into a
    /// list of its own size when it ends (no growing of each list as it is read).
    items: Vec<Json<'a>>,
    /// The same for the members of objects.
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            pos: 0,
            items: Vec::new(),
            members: Vec::new(),
        }
    }

    fn document(&mut self) -> Option<Json<'a>> {
        let tree = self.value(0)?;
        self.skip_whitespace();
        (self.pos == self.text.len()).then_some(tree)
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// JSON's whitespace, as serde_json skips it. The indentation of a pretty file is
    /// skipped eight spaces at a time.
    #[inline(always)]
    fn skip_whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(i) {
            i += 1;
            while word(bytes, i) == Some(u64::from_le_bytes([b' '; 8])) {
                i += 8;
            }
        }
        self.pos = i;
    }

    /// Skips whitespace, then expects `byte`.
    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        if self.peek()? != byte {
            return None;
        }
        self.pos += 1;
        Some(())
    }

    /// A value, inside `depth` lists and objects.
    fn value(&mut self, depth: usize) -> Option<Json<'a>> {
        self.skip_whitespace();
        match self.peek()? {
            b'{' if depth < MAX_DEPTH => self.object(depth + 1),
            b'[' if depth < MAX_DEPTH => self.array(depth + 1),
            b'"' => self.string().map(Json::String),
            b'n' => self.literal("null", Json::Null),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &str, v: Json<'a>) -> Option<Json<'a>> {
        let end = self.pos.checked_add(word.len())?;
        if self.text.as_bytes().get(self.pos..end)? != word.as_bytes() {
            return None;
        }
        self.pos = end;
        Some(v)
    }

    fn array(&mut self, depth: usize) -> Option<Json<'a>> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(Json::Array(Vec::new()));
        }
        let start = self.items.len();
        loop {
            let item = self.value(depth)?;
            self.items.push(item);
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(Json::Array(self.items.drain(start..).collect()));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json<'a>> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(Json::Object(Object(Vec::new())));
        }
        let start = self.members.len();
        loop {
            if self.members.len() - start == MAX_MEMBERS {
                return None;
            }
            self.skip_whitespace();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.eat(b':')?;
            let value = self.value(depth)?;
            self.members.push((key, value));
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    let members = self.members.drain(start..).collect();
                    return Some(Json::Object(Object::from_members(members)));
                }
                _ => return None,
            }
        }
    }

    /// A string, at its opening quote: borrowed from the text unless it has escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        // The current run of characters that stand for themselves.
        let mut run = self.pos + 1;
        let mut i = run;
        loop {
            let b = *bytes.get(i)?;
            if b == b'"' {
                let last = self.text.get(run..i)?;
                self.pos = i + 1;
                return Some(match owned {
                    None => Cow::Borrowed(last),
                    Some(mut s) => {
                        s.push_str(last);
                        Cow::Owned(s)
                    }
                });
            }
            if b < 0x20 {
                // A control character must be escaped: serde_json's error.
                return None;
            }
            if b != b'\\' {
                i += 1;
                continue;
            }
            let s = owned.get_or_insert_with(String::new);
            s.push_str(self.text.get(run..i)?);
            let (c, len) = match *bytes.get(i + 1)? {
                b'"' => ('"', 2),
                b'\\' => ('\\', 2),
                b'/' => ('/', 2),
                b'b' => ('\u{8}', 2),
                b'f' => ('\u{c}', 2),
                b'n' => ('\n', 2),
                b'r' => ('\r', 2),
                b't' => ('\t', 2),
                b'u' => {
                    let hex = bytes.get(i + 2..i + 6)?;
                    let code = hex.iter().try_fold(0u32, |code, b| {
                        let digit = match b {
                            b'0'..=b'9' => b - b'0',
                            b'a'..=b'f' => b - b'a' + 10,
                            b'A'..=b'F' => b - b'A' + 10,
                            _ => return None,
                        };
                        Some(code << 4 | u32::from(digit))
                    })?;
                    // Surrogates (pairs, or lone ones that serde_json refuses) are left
                    // to serde_json; every other code is a character.
                    if (0xD800..=0xDFFF).contains(&code) {
                        return None;
                    }
                    (char::from_u32(code)?, 6)
                }
                _ => return None,
            };
            s.push(c);
            i += len;
            run = i;
        }
    }

    /// A whole number that fits serde_json's `u64` or negative `i64`; anything else (a
    /// fraction, an exponent, more digits, `-0`) is left to serde_json.
    fn number(&mut self) -> Option<Json<'a>> {
        let bytes = self.text.as_bytes();
        let negative = self.peek()? == b'-';
        let start = self.pos + usize::from(negative);
        let mut i = start;
        let mut n: u64 = 0;
        while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            i += 1;
        }
        let digits = i - start;
        let leading_zero = bytes.get(start) == Some(&b'0') && digits > 1;
        if digits == 0 || leading_zero || matches!(bytes.get(i), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.pos = i;
        if !negative {
            return Some(Json::PosInt(n));
        }
        if n == 0 {
            return None;
        }
        i64::try_from(-i128::from(n)).ok().map(Json::NegInt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree of `text`, only if the parser of plain JSON read it.
    fn plain(text: &str) -> Option<Json<'_>> {
        Parser::new(text).document()
    }

    /// Whatever the text, the tree means what serde_json's `Value` means, and has the same
    /// canonical form.
    fn same_as_serde_json(text: &str) {
        let serde = serde_json::from_str::<Value>(text);
        if let Some(tree) = plain(text) {
            let value = serde.unwrap_or_else(|e| panic!("{text:?} read, serde_json: {e}"));
            assert_eq!(tree.to_value(), value, "{text:?}");
            let canonical = String::from_utf8(canonical(&tree)).unwrap();
            assert_eq!(canonical, super::super::canonical_json(&value));
        }
        match (parse(text), parse_json(text)) {
            (Ok(tree), Ok(value)) => assert_eq!(tree.to_value(), value, "{text:?}"),
            (Err(a), Err(b)) => assert_eq!(a, b, "{text:?}"),
            (a, b) => panic!("{text:?}: {a:?} vs {b:?}"),
        }
    }

    #[test]
    fn plain_json_is_read_as_serde_json_reads_it() {
        for text in [
            "{}",
            " [ ] ",
            "\n\t{\r\n\"a\" : [1, -2, 0, true, false, null, \"x\"] } \n",
            "18446744073709551615",
            "-9223372036854775808",
            "\"\"",
            "\"é ỹ 😀 <script>\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u1EF9\\u0000\"",
            "{\"b\": 1, \"a\": 2, \"b\": 3, \"c\": {\"z\": [], \"y\": {}}, \"a\": 4}",
            "{\"é\": 1, \"z\": 2, \"Z\": 3, \"\": 4, \"é\": 5}",
            "{\"k\": 1, \"k\": 2, \"k\": 3}",
        ] {
            assert!(plain(text).is_some(), "{text:?}");
            same_as_serde_json(text);
        }
    }

    #[test]
    fn the_rest_is_left_to_serde_json() {
        let many = format!(
            "{{{}}}",
            (0..40)
                .map(|i| format!("\"k{}\": {i}", 40 - i))
                .collect::<Vec<_>>()
                .join(",")
        );
        let deep = format!("{}{}", "[".repeat(101), "]".repeat(101));
        for text in [
            "",
            " ",
            "1.5",
            "1e3",
            "-0",
            "-9223372036854775809",
            "18446744073709551616",
            "01",
            "-",
            "+1",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a: 1}",
            "[1 2]",
            "nul",
            "nulll",
            "True",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\u+041\"",
            "\"\\x\"",
            "\"a\\u004\"",
            "\"tab\there\"",
            "\"cut",
            "[1] 2",
            "[\"a\"",
            "NaN",
            many.as_str(),
            deep.as_str(),
        ] {
            assert!(plain(text).is_none(), "{text:?}");
            same_as_serde_json(text);
        }
    }

    #[test]
    fn texts_without_escapes_are_borrowed() {
        let text = "{\"a\": [\"plain\", \"esc\\naped\"]}";
        let tree = plain(text).unwrap();
        let Some(Json::Array(items)) = tree.get("a") else {
            panic!("{tree:?}");
        };
        assert!(matches!(&items[0], Json::String(Cow::Borrowed("plain"))));
        assert!(matches!(&items[1], Json::String(Cow::Owned(s)) if s == "esc\naped"));
    }

    fn fixtures() -> Vec<String> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let mut texts = Vec::new();
        for dir in ["valid", "invalid"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let bytes = std::fs::read(entry.unwrap().path()).unwrap();
                if let Ok(text) = String::from_utf8(bytes) {
                    texts.push(text.trim_start_matches('\u{feff}').to_string());
                }
            }
        }
        assert!(texts.len() > 40);
        texts
    }

    #[test]
    fn every_fixture_whole_and_cut() {
        for text in fixtures() {
            same_as_serde_json(&text);
            for at in (0..text.len()).step_by(text.len() / 50 + 1) {
                if let Some(cut) = text.get(..at) {
                    same_as_serde_json(cut);
                }
            }
        }
    }

    #[test]
    fn plan_files_with_a_byte_changed() {
        let plan = crate::example::example_plan_with_counter();
        let meta = super::super::ExportMeta::default();
        let mut texts = vec![
            super::super::export_plan(&plan, &meta),
            super::super::stored_plan_text(&plan, &meta),
        ];
        texts.extend(
            fixtures()
                .into_iter()
                .filter(|t| t.contains("unknown") || t.contains("<script")),
        );
        for text in &texts {
            let bytes = text.as_bytes();
            for at in (0..bytes.len()).step_by(bytes.len() / 100 + 1) {
                for b in *b"\"\\{}[],:-0 .eu\n" {
                    let mut changed = bytes.to_vec();
                    changed[at] = b;
                    if let Ok(changed) = String::from_utf8(changed) {
                        same_as_serde_json(&changed);
                    }
                }
            }
        }
    }

    /// JSON values of every kind, with texts that need escapes and repeated keys.
    fn json_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let key = prop::sample::select(vec!["a", "b", "é", "", "id", "a\"b", "\u{1}"]);
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "[a-zé\"\\\\/\u{0}-\u{1f}😀 ]{0,8}".prop_map(Value::String),
        ];
        let tree = leaf.prop_recursive(4, 40, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((key.clone(), inner), 0..6).prop_map(|members| {
                    Value::Object(
                        members
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect(),
                    )
                }),
            ]
        });
        (tree, any::<bool>()).prop_map(|(v, pretty)| {
            if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            }
        })
    }

    proptest::proptest! {
        #[test]
        fn any_json_reads_as_serde_json_reads_it(text in json_text()) {
            same_as_serde_json(&text);
        }

        #[test]
        fn any_json_with_repeated_keys(a in json_text(), b in json_text(), c in json_text()) {
            // Objects written by hand with keys repeated and out of order.
            same_as_serde_json(&format!("{{\"k\": {a}, \"j\": {b}, \"k\": {c}, \"a\": {a}}}"));
        }

        #[test]
        fn any_text_of_json_characters(text in "[\\[\\]{}\",:0-9eE.+\\-a-z\\\\ \n]{0,30}") {
            same_as_serde_json(&text);
        }
    }
}
