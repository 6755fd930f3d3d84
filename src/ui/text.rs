//! Registry text on screen: always as text (never HTML), in the UI
//! language with a fallback, and tagged with the language it is really in.

use leptos::prelude::*;

/// The `lang` attribute for text in `text_lang` inside a widget whose UI is
/// in `ui_lang`: `None` where they agree (the root already says it), `""`
/// for text of unknown language (so it does not claim to be the UI's).
pub fn lang_attr(text_lang: &str, ui_lang: &str) -> Option<String> {
    (text_lang != ui_lang).then(|| text_lang.to_string())
}

/// Collapses whitespace and cuts a description to about `max` characters
/// at a word boundary, for the excerpt under a result.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(max.min(text.len()) + 1);
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A heading at `level` (clamped to 1–6), so the widget's headings fit under
/// the host page's own (`heading-level` option).
pub fn heading(level: u8, class: &'static str, content: AnyView) -> AnyView {
    match level.clamp(1, 6) {
        1 => view! { <h1 class=class>{content}</h1> }.into_any(),
        2 => view! { <h2 class=class>{content}</h2> }.into_any(),
        3 => view! { <h3 class=class>{content}</h3> }.into_any(),
        4 => view! { <h4 class=class>{content}</h4> }.into_any(),
        5 => view! { <h5 class=class>{content}</h5> }.into_any(),
        _ => view! { <h6 class=class>{content}</h6> }.into_any(),
    }
}

/// Registry text with the words the query matched in `<mark>` elements,
/// built as DOM nodes (text stays text).
pub fn highlighted(text: &str, terms: &[String]) -> AnyView {
    crate::search::highlight::pieces(text, terms)
        .into_iter()
        .map(|(range, marked)| {
            let piece = text[range].to_string();
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
        .into_any()
}
