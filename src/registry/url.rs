//! A tiny RFC 3986 reference resolver (section 5.2), so relative links in a
//! catalogue can be resolved against the address it was fetched from
//! without the weight of a full URL crate in the wasm build.
//!
//! It works on the string as given: no normalisation of case, percent
//! encoding or ports, which is what a link needs.

/// The five components of a URI reference (RFC 3986, appendix B).
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(reference: &str) -> Parts<'_> {
    let (rest, fragment) = match reference.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (reference, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    // A scheme is letters, digits, + - . before the first ':' that comes
    // before any '/'.
    let (scheme, rest) = match rest.find(':') {
        Some(colon)
            if colon > 0
                && !rest[..colon].contains('/')
                && rest[..colon].bytes().enumerate().all(|(i, b)| {
                    b.is_ascii_alphabetic()
                        || (i > 0 && matches!(b, b'0'..=b'9' | b'+' | b'-' | b'.'))
                }) =>
        {
            (Some(&rest[..colon]), &rest[colon + 1..])
        }
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

// Whether a value "is an IRI" is asked three ways, with different answers
// on purpose; these are the only three, and every reader uses them:
//
// * `is_absolute`: does it have a scheme? That alone decides whether a
//   reference is resolved against a base (RFC 3986 §5.2.2), whatever else
//   is in it, so this is what links and ids are read with.
// * `is_writable_iri`: can it be written as an IRI? When a registry is
//   written as JSON-LD, a value with a space or `<` in it, or nothing after
//   the scheme, would be an invalid IRI to RDF tools, so the writer makes
//   it a literal instead.
// * `is_web_address`: is it an `http(s)` address? For fields of free words
//   (data.json themes and ids), where `Health: Public` has a "scheme" too.

/// Whether `reference` has a scheme, i.e. is already absolute.
pub fn is_absolute(reference: &str) -> bool {
    split(reference).scheme.is_some()
}

/// Whether `value` is absolute with something after the scheme and none of
/// the characters IRIs forbid (white space, controls and
/// ``< > " { } | \ ^ ` ``), so it can be written as an IRI.
pub(crate) fn is_writable_iri(value: &str) -> bool {
    is_absolute(value)
        && value
            .split_once(':')
            .is_some_and(|(_, rest)| !rest.is_empty())
        && !value.chars().any(|c| {
            if c.is_ascii() {
                // The ASCII white space and controls, without a table lookup:
                // the engine worker checks every link of a page of results
                // per keystroke.
                c <= ' '
                    || c == '\x7f'
                    || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
            } else {
                c.is_whitespace() || c.is_control()
            }
        })
}

/// Whether `value` starts with `http://` or `https://`.
pub(crate) fn is_web_address(value: &str) -> bool {
    value.starts_with("http://") || value.starts_with("https://")
}

/// Resolves `reference` against the absolute URI `base` (RFC 3986 §5.2.2).
/// Returns `None` when the base is not absolute.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let r = split(reference);
    if r.scheme.is_some() {
        return Some(recompose(
            r.scheme,
            r.authority,
            &remove_dot_segments(r.path),
            r.query,
            r.fragment,
        ));
    }
    let b = split(base);
    let scheme = b.scheme?;
    let (authority, path, query) = if r.authority.is_some() {
        (r.authority, remove_dot_segments(r.path), r.query)
    } else if r.path.is_empty() {
        (b.authority, b.path.to_owned(), r.query.or(b.query))
    } else if r.path.starts_with('/') {
        (b.authority, remove_dot_segments(r.path), r.query)
    } else {
        (
            b.authority,
            remove_dot_segments(&merge(&b, r.path)),
            r.query,
        )
    };
    Some(recompose(Some(scheme), authority, &path, query, r.fragment))
}

/// §5.2.3: the reference's path appended to the base path's directory.
fn merge(base: &Parts<'_>, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{path}");
    }
    match base.path.rfind('/') {
        Some(slash) => format!("{}{path}", &base.path[..=slash]),
        None => path.to_owned(),
    }
}

/// §5.2.4, on whole segments.
fn remove_dot_segments(path: &str) -> String {
    if !path.contains('.') {
        return path.to_owned();
    }
    let absolute = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing_slash = false;
    for (i, segment) in segments.iter().enumerate() {
        if i == 0 && absolute {
            continue;
        }
        match *segment {
            "." => trailing_slash = i == last,
            ".." => {
                out.pop();
                trailing_slash = i == last;
            }
            s => {
                out.push(s);
                trailing_slash = false;
            }
        }
    }
    let mut result = String::with_capacity(path.len());
    if absolute {
        result.push('/');
    }
    result.push_str(&out.join("/"));
    if trailing_slash && !result.ends_with('/') {
        result.push('/');
    }
    result
}

fn recompose(
    scheme: Option<&str>,
    authority: Option<&str>,
    path: &str,
    query: Option<&str>,
    fragment: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    } else if path.starts_with("//") {
        // Without an authority, a path starting with `//` would be read
        // back as one (`g:` + `//x` is `g://x`, host `x`); browsers' URL
        // parsers write `/.` before it, which changes nothing else.
        out.push_str("/.");
    }
    out.push_str(path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normal and abnormal examples of RFC 3986 §5.4.
    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http:g"),
        ] {
            assert_eq!(
                resolve(base, reference).as_deref(),
                Some(expected),
                "{reference:?}"
            );
        }
    }

    /// A path starting with `//` and no authority to tell it apart from
    /// one (RFC 3986 §5.2.4's last paragraph; as in the WHATWG URL parser).
    #[test]
    fn a_double_slash_path_never_becomes_an_authority() {
        for (base, reference, expected) in [
            ("http://a/b/c/d;p?q", "g:/.//x", "g:/.//x"),
            ("g:/a/b", "../..//x", "g:/.//x"),
            ("g:/a/b", "/.//x?q#f", "g:/.//x?q#f"),
            ("g:/a/b", "..//x", "g:/.//x"),
            ("http://a/b", "..//x", "http://a//x"),
            ("file:///a/b", "..//x", "file:////x"),
        ] {
            let resolved = resolve(base, reference);
            assert_eq!(resolved.as_deref(), Some(expected), "{base} + {reference}");
            // Resolving the result again changes nothing.
            assert_eq!(resolve(base, expected).as_deref(), Some(expected));
        }
    }

    /// `is_writable_iri` is `is_absolute` and more.
    #[test]
    fn writable_iris() {
        assert!(is_writable_iri("http://example.com/a"));
        assert!(is_writable_iri("mailto:a@b.se"));
        assert!(is_writable_iri("urn:x:y"));
        assert!(!is_writable_iri("text/csv"));
        assert!(!is_writable_iri("TAB3966"));
        assert!(!is_writable_iri("_:b0"));
        assert!(!is_writable_iri("'http:///opennorth.se/x'"));
        assert!(!is_writable_iri("http://a b"));
        assert!(!is_writable_iri("http://a/<b>"));
        assert!(!is_writable_iri("a?b:c"));
    }

    #[test]
    fn odd_inputs() {
        assert_eq!(
            resolve("https://e.se", "data.csv").as_deref(),
            Some("https://e.se/data.csv")
        );
        assert_eq!(resolve("not absolute", "x"), None);
        assert_eq!(
            resolve("https://e.se/a/", "å b.csv").as_deref(),
            Some("https://e.se/a/å b.csv")
        );
        assert!(is_absolute("mailto:a@b.se"));
        assert!(is_absolute("a:"));
        assert!(!is_writable_iri("a:"));
        assert!(!is_web_address("urn:x"));
        assert!(is_web_address("https://e.se"));
        assert!(!is_absolute("a/b:c"));
        assert!(!is_absolute(""));
        for junk in ["", ":", "::", "//", "#", "?", "../../..", "a:", "/:/"] {
            let _ = resolve("http://a/b", junk);
            let _ = resolve(junk, junk);
        }
    }
}
