//! Which build of the library is loaded: the first thing the binary asks a library, before it calls
//! anything else. A build of another project (two projects sharing one `CARGO_TARGET_DIR`) or one
//! compiled against another contract is never called.

use std::path::Path;

/// Plain data, so it reads the same from any build. Its layout must never change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Build {
    /// The library crate's folder (its `CARGO_MANIFEST_DIR`): `<project>/lib`.
    pub library_dir: String,
    /// [`fingerprint`] of everything the binary is compiled against: the types that cross, and the
    /// signatures of the library's entry points.
    pub contract: u64,
}

impl Build {
    /// The library's own: `Build::new(env!("CARGO_MANIFEST_DIR"), fingerprint(..))` in `exports.rs`.
    pub fn new(library_dir: &str, contract: u64) -> Build {
        Build { library_dir: library_dir.to_string(), contract: contract ^ OWN_FINGERPRINT }
    }

    /// The one a binary in `project_dir` expects from its library.
    pub fn expected(project_dir: &str, contract: u64) -> Build {
        let library_dir = Path::new(project_dir).join("lib");
        Build { library_dir: library_dir.to_string_lossy().into_owned(), contract: contract ^ OWN_FINGERPRINT }
    }

    /// Whether `self`, a library's build, is one the binary that expects `expected` may call, and if
    /// not, why, in a line for the terminal and the window.
    pub fn fits(&self, expected: &Build) -> Result<(), String> {
        if Path::new(&self.library_dir).components().ne(Path::new(&expected.library_dir).components()) {
            return Err(format!(
                "The library file was built by another project ({}), which shares this one's target folder: \
                 nothing in it is called. This project's next build replaces it.",
                self.library_dir
            ));
        }
        if self.contract != expected.contract {
            return Err("The library was built against another contract (what crosses between it and the binary \
                        changed): the binary must be rebuilt."
                .to_string());
        }
        Ok(())
    }
}

/// The type of this crate that crosses ([`Build`]), part of every contract.
const OWN_FINGERPRINT: u64 = fingerprint(&[include_str!("build.rs")]);

/// A hash of Rust sources that changes when what they declare changes, and not when a comment,
/// whitespace, a trailing comma or a function's body does: the binary depends on the types that cross
/// and on the entry points' signatures, never on what a function does inside.
pub const fn fingerprint(sources: &[&str]) -> u64 {
    let mut hash = FNV_OFFSET;
    let mut i = 0;
    while i < sources.len() {
        hash = fingerprint_one(sources[i].as_bytes(), hash);
        i += 1;
    }
    hash
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

const fn fnv(byte: u8, hash: u64) -> u64 {
    (hash ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a of the tokens of `source` outside comments and function bodies, without whitespace and
/// without a comma that only precedes a closing bracket.
const fn fingerprint_one(source: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    // A `fn` seen, its body not yet: the next `{` at this depth opens a body to leave out.
    let mut in_signature = false;
    // The depth of braces, and the depth a skipped body started at (`usize::MAX`: not in one).
    let mut depth = 0usize;
    let mut body_depth = usize::MAX;
    let mut pending_comma = false;
    while i < source.len() {
        let byte = source[i];
        let next = if i + 1 < source.len() { source[i + 1] } else { 0 };
        // Comments, of both kinds (block comments nest in Rust).
        if byte == b'/' && next == b'/' {
            while i < source.len() && source[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if byte == b'/' && next == b'*' {
            let mut nesting = 0;
            while i < source.len() {
                if source[i] == b'/' && i + 1 < source.len() && source[i + 1] == b'*' {
                    nesting += 1;
                    i += 2;
                } else if source[i] == b'*' && i + 1 < source.len() && source[i + 1] == b'/' {
                    nesting -= 1;
                    i += 2;
                    if nesting == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        if byte.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // A literal: taken whole, so that braces or slashes inside it count as text.
        let end = literal_end(source, i);
        let skipping = body_depth != usize::MAX;
        if byte == b'{' && !skipping && in_signature {
            body_depth = depth;
            in_signature = false;
        }
        if byte == b'{' {
            depth += 1;
        }
        if byte == b'}' {
            depth = depth.saturating_sub(1);
        }
        let skipping = skipping || body_depth != usize::MAX;
        if (byte == b';' || byte == b'}') && !skipping {
            // A function without a body (in a trait or an `extern` block), or a `fn(..)` pointer type
            // in a field or an alias.
            in_signature = false;
        }
        if !skipping {
            if is_word_at(source, i, b"fn") {
                in_signature = true;
            }
            if pending_comma && !matches!(byte, b')' | b']' | b'}' | b'>') {
                hash = fnv(b',', hash);
            }
            pending_comma = byte == b',';
            if !pending_comma {
                let mut j = i;
                while j < end {
                    hash = fnv(source[j], hash);
                    j += 1;
                }
            }
        }
        if byte == b'}' && body_depth == depth {
            body_depth = usize::MAX; // the body's closing brace
        }
        i = end;
    }
    hash
}

/// Where the token at `i` ends: after a whole string or character literal, else after this byte.
const fn literal_end(source: &[u8], i: usize) -> usize {
    let byte = source[i];
    // Raw strings: r"..", r#".."#, br"..".
    let mut j = i;
    if byte == b'b' && j + 1 < source.len() && source[j + 1] == b'r' {
        j += 1;
    }
    if source[j] == b'r' && (i == 0 || !is_ident(source[i - 1])) {
        let mut hashes = 0;
        let mut k = j + 1;
        while k < source.len() && source[k] == b'#' {
            hashes += 1;
            k += 1;
        }
        if k < source.len() && source[k] == b'"' {
            k += 1;
            while k < source.len() {
                if source[k] == b'"' {
                    let mut closing = 0;
                    while closing < hashes && k + 1 + closing < source.len() && source[k + 1 + closing] == b'#' {
                        closing += 1;
                    }
                    if closing == hashes {
                        return k + 1 + hashes;
                    }
                }
                k += 1;
            }
            return source.len();
        }
    }
    if byte == b'"' {
        let mut k = i + 1;
        while k < source.len() && source[k] != b'"' {
            k += if source[k] == b'\\' { 2 } else { 1 };
        }
        return if k < source.len() { k + 1 } else { source.len() };
    }
    // A character literal ('{', '\''), not a lifetime ('a).
    if byte == b'\'' {
        if i + 2 < source.len() && source[i + 1] == b'\\' {
            let mut k = i + 2;
            while k < source.len() && source[k] != b'\'' {
                k += 1;
            }
            return if k < source.len() { k + 1 } else { source.len() };
        }
        if i + 2 < source.len() && source[i + 2] == b'\'' {
            return i + 3;
        }
    }
    i + 1
}

const fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// `word` stands at `i` as a whole word.
const fn is_word_at(source: &[u8], i: usize, word: &[u8]) -> bool {
    if i > 0 && is_ident(source[i - 1]) {
        return false;
    }
    let mut k = 0;
    while k < word.len() {
        if i + k >= source.len() || source[i + k] != word[k] {
            return false;
        }
        k += 1;
    }
    i + k >= source.len() || !is_ident(source[i + k])
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "pub struct Input { pub time: f64, pub keys: Vec<u8> }\n\
                        pub fn frame(input: &Input) -> Result<Frame, String> { run(input, crate::frame) }\n";

    fn same(a: &str, b: &str) -> bool {
        fingerprint(&[a]) == fingerprint(&[b])
    }

    #[test]
    fn comments_layout_and_bodies_do_not_count() {
        let commented = "/// The input.\n/* all of it /* nested */ */ pub struct Input {\n    pub time: f64, // seconds\n    pub keys: Vec<u8>,\n}\n\
                         pub fn frame(\n    input: &Input,\n) -> Result<Frame, String> {\n    // another body\n    other(input, \"}\")\n}\n";
        assert!(same(BASE, commented));
    }

    #[test]
    fn types_and_signatures_count() {
        assert!(!same(BASE, &BASE.replace("time: f64", "time: f32")));
        assert!(!same(BASE, &BASE.replace("pub keys", "pub codes")));
        assert!(!same(BASE, &BASE.replace("-> Result<Frame, String>", "-> Frame")));
        assert!(!same(BASE, &BASE.replace("fn frame", "fn step")));
        assert!(!same(BASE, &format!("{BASE}pub fn save() -> String {{ String::new() }}")));
        // A function pointer in a field is a type, not a signature whose body follows.
        let pointer = "pub struct A { pub f: fn(u8) }\npub struct B { pub x: u8 }";
        assert!(!same(pointer, &pointer.replace("x: u8", "x: u16")));
        // Text inside a literal is text, not code: a `//` or `{` in a string is not a comment or a body.
        assert!(!same("const A: &str = \"a // b\";", "const A: &str = \"a \";"));
        assert!(!same("const A: char = '{'; const B: u8 = 1;", "const A: char = '{'; const B: u8 = 2;"));
        assert!(!same("const A: &str = r#\"{\"#; const B: u8 = 1;", "const A: &str = r#\"{\"#; const B: u8 = 2;"));
    }

    #[test]
    fn a_library_of_another_project_or_contract_does_not_fit() {
        let expected = Build::expected("/home/me/game", 7);
        assert_eq!(Build::new("/home/me/game/lib", 7).fits(&expected), Ok(()));
        let other = Build::new("/home/me/other/lib", 7).fits(&expected).unwrap_err();
        assert!(other.contains("another project (/home/me/other/lib)"), "{other}");
        let changed = Build::new("/home/me/game/lib", 8).fits(&expected).unwrap_err();
        assert!(changed.contains("another contract"), "{changed}");
    }
}
