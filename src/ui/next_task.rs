//! Renders its children one task after it is mounted. The first answer
//! builds the whole layout at once (results, toolbar, pager and every
//! filter group), and the widget's first mount its state and its view;
//! split in two, neither task keeps the host page from handling a click
//! or a scroll for 50 ms or more. Both tasks run before the next frame as
//! a rule, so nothing is seen to arrive late.

use crate::browser::timer::after_this_task;
use leptos::prelude::*;

#[component]
pub fn NextTask(
    children: ChildrenFn,
    /// Called in the task that builds the children (not when the view is
    /// gone by then): the widget removes its loading placeholder there.
    #[prop(optional)]
    shown: Option<Box<dyn FnOnce()>>,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    after_this_task(move || {
        // `try_set`: the view may be gone by then.
        if ready.try_set(true).is_none() {
            if let Some(shown) = shown {
                shown();
            }
        }
    });
    move || ready.get().then(|| children())
}
