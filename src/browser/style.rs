//! The widget's stylesheet, adopted into each shadow root.
//!
//! A constructable stylesheet (`adoptedStyleSheets`) is shared by every
//! widget on the page and is not an inline `<style>`, so it works under a
//! strict `style-src 'self'` Content-Security-Policy. Browsers without
//! constructable stylesheets get a `<style>` element instead.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, ShadowRoot};

const CSS: &str = include_str!("../ui/widget.css");

thread_local! {
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|s| s.replace_sync(CSS).is_ok());
}

pub fn adopt(root: &ShadowRoot) {
    let adopted = SHEET.with(|sheet| {
        let sheet = sheet.as_ref()?;
        let list = js_sys::Array::of1(sheet);
        js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &list).ok()
    });
    if adopted.is_none() {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(style) = doc.create_element("style") {
            style.set_text_content(Some(CSS));
            let _ = root.unchecked_ref::<web_sys::Node>().append_child(&style);
        }
    }
}
