//! Which registry links may become clickable.
//!
//! Registry content is hostile until proven otherwise: a `javascript:`,
//! `data:` or `vbscript:` URL in an `href` is script injection on a public
//! authority's page. Only absolute `http:`, `https:` and `mailto:` links are
//! followed; everything else is shown as text, or not at all.

/// Returns the link trimmed, if it is safe to put in an `href`.
///
/// Browsers strip ASCII tab/newline from URLs and ignore leading C0 controls
/// and spaces, so `"java\tscript:"` or `" javascript:"` must not slip past a
/// naive prefix check: the scheme is read the way the URL parser reads it.
pub fn safe_href(url: &str) -> Option<&str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let scheme: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| *c != ':')
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let rest_ok = match scheme.as_str() {
        "http" | "https" => {
            // Must be an absolute URL with a host: "http:foo" would be
            // resolved relative to the host page.
            let after = &trimmed[trimmed.find(':')? + 1..];
            after.starts_with("//") && after.len() > 2
        }
        "mailto" => trimmed.len() > "mailto:".len(),
        _ => false,
    };
    // The scheme as written must be the scheme as read: no control
    // characters hidden inside it.
    let written_scheme = &trimmed[..trimmed.find(':')?];
    if rest_ok
        && written_scheme.eq_ignore_ascii_case(&scheme)
        && !trimmed.contains(['\n', '\r', '\t'])
    {
        Some(trimmed)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn allows_web_and_mail_links() {
        assert_eq!(
            safe_href("https://www.scb.se/x?a=1"),
            Some("https://www.scb.se/x?a=1")
        );
        assert_eq!(
            safe_href("  http://example.com "),
            Some("http://example.com")
        );
        assert_eq!(
            safe_href("HTTPS://EXAMPLE.COM"),
            Some("HTTPS://EXAMPLE.COM")
        );
        assert_eq!(
            safe_href("mailto:oppnadata@example.se"),
            Some("mailto:oppnadata@example.se")
        );
    }

    #[test]
    fn refuses_script_and_relative_links() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "http:relative",
            "https://",
            "//evil.example/",
            "/local/path",
            "mailto:",
            "",
            "'http:///opennorth.se/'",
            "http://ok.example/\nx",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }
}
