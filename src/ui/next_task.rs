//! Renders its children one task after it is mounted. The first answer
//! builds the whole layout at once (results, toolbar, pager and every
//! filter group); split in two, neither task keeps the host page from
//! handling a click or a scroll for 50 ms or more. Both tasks run before
//! the next frame as a rule, so nothing is seen to arrive late.

use crate::browser::timer::after_this_task;
use leptos::prelude::*;

#[component]
pub fn NextTask(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // `try_set`: the view may be gone by then.
    after_this_task(move || {
        ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
