//! A panic must never leave a blank box on someone else's page.
//!
//! The hook logs the panic to the console and replaces the content of every
//! mounted widget with a plain message. It uses only DOM calls, no Leptos,
//! because the reactive system may be what panicked.

use std::cell::RefCell;
use web_sys::HtmlElement;

thread_local! {
    static MOUNTED: RefCell<Vec<(HtmlElement, &'static str)>> = const { RefCell::new(Vec::new()) };
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = MOUNTED.try_with(|m| {
            if let Ok(mounted) = m.try_borrow() {
                for (container, message) in mounted.iter() {
                    show(container, message);
                }
            }
        });
    }));
}

fn show(container: &HtmlElement, message: &str) {
    container.set_text_content(None);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(p) = doc.create_element("p") {
        let _ = p.set_attribute("role", "alert");
        let _ = p.set_attribute("class", "odc-crash");
        p.set_text_content(Some(message));
        let _ = container.append_child(&p);
    }
}

/// Registers a widget container and the message to show in it.
pub fn register(container: &HtmlElement, message: &'static str) {
    MOUNTED.with(|m| m.borrow_mut().push((container.clone(), message)));
}

pub fn unregister(container: &HtmlElement) {
    MOUNTED.with(|m| m.borrow_mut().retain(|(c, _)| c != container));
}
