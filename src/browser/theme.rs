//! Applies `crate::contrast` to the colours the host chose: reads the
//! resolved accent, background and button-text colours of the widget's
//! root and, where a host's accent would be unreadable, overrides the
//! widget's private `--_accent` / `--_accent-text` properties through the
//! CSSOM (allowed under a strict style-src CSP, unlike a style attribute).

use crate::contrast::{readable_accent, readable_on, Rgb, TEXT_CONTRAST};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Checks and, if needed, corrects the accent of the widget rooted at `odc`
/// (the `.odc` element). Call after mount and whenever the theme may have
/// changed (attribute update, colour-scheme change).
pub fn keep_accent_readable(odc: &HtmlElement) {
    let style = odc.style();
    // Measure the host's own choice, not an earlier correction.
    let _ = style.remove_property("--_accent");
    let _ = style.remove_property("--_accent-text");
    let [Some(accent), Some(background), Some(text)] =
        resolved(odc, ["--_accent", "--_bg", "--_accent-text"])
    else {
        return;
    };
    let fixed_accent = readable_accent(accent, background, TEXT_CONTRAST);
    if fixed_accent != accent {
        web_sys::console::warn_1(
            &format!(
                "open-data-catalogue: --odc-accent {} has too little contrast on {}; using {}",
                accent.css(),
                background.css(),
                fixed_accent.css()
            )
            .into(),
        );
        let _ = style.set_property("--_accent", &fixed_accent.css());
    }
    let fixed_text = readable_on(fixed_accent, text, TEXT_CONTRAST);
    if fixed_text != text {
        let _ = style.set_property("--_accent-text", &fixed_text.css());
    }
}

/// The colours custom properties hold, as the browser computes them: each
/// set as the `color` of a probe element, read back as `rgb(…)`. All probes
/// are in place before the first is read, so the browser computes styles
/// once, not once per property.
fn resolved<const N: usize>(odc: &HtmlElement, properties: [&str; N]) -> [Option<Rgb>; N] {
    let probes = properties.map(|property| probe(odc, property));
    let colours = probes.each_ref().map(|probe| {
        let probe = probe.as_ref()?;
        let style = web_sys::window()?.get_computed_style(probe).ok()??;
        Rgb::parse_computed(&style.get_property_value("color").ok()?)
    });
    for probe in probes.iter().flatten() {
        probe.remove();
    }
    colours
}

fn probe(odc: &HtmlElement, property: &str) -> Option<HtmlElement> {
    let probe: HtmlElement = odc
        .owner_document()?
        .create_element("span")
        .ok()?
        .unchecked_into();
    let _ = probe
        .style()
        .set_property("color", &format!("var({property})"));
    odc.append_child(&probe).ok()?;
    Some(probe)
}
