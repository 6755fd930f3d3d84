//! Timers that work in the page and in the engine worker alike (the global
//! `setTimeout`, not `window.setTimeout`, which a worker does not have).

use js_sys::Function;
use std::time::Duration;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Calls `f` once after `delay`, unless dropped first.
pub struct Timer {
    id: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn after(delay: Duration, f: impl FnOnce() + 'static) -> Timer {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let ms = delay.as_millis().min(i32::MAX as u128) as i32;
        let id = set_timeout(callback.as_ref().unchecked_ref(), ms);
        Timer {
            id,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// Calls `f` one task from now (a zero-delay timeout): work split off the
/// current task, so the host page can handle a click or a scroll between.
pub fn after_this_task(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = set_timeout(callback.unchecked_ref(), 0);
}

/// Resolves after `delay`.
pub async fn sleep(delay: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let ms = delay.as_millis().min(i32::MAX as u128) as i32;
        let _ = set_timeout(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
