// Test page helper: mounts one widget with the registry (and optional
// lang) from the query string and records the time from mount to the
// widget's odc-load / odc-error event in window.__loaded.
const params = new URLSearchParams(location.search);
await customElements.whenDefined("open-data-catalogue");
const el = document.createElement("open-data-catalogue");
el.setAttribute("registry", params.get("registry") ?? "");
for (const name of ["lang", "timeout", "page-size", "max-size", "facets", "loading"]) {
  if (params.get(name)) el.setAttribute(name, params.get(name));
}
const started = performance.now();
for (const type of ["odc-load", "odc-error"]) {
  el.addEventListener(type, (e) => {
    window.__loaded = { type, detail: e.detail, ms: performance.now() - started };
  });
}
// `spacer`: pixels of page above the widget, to put it below the fold.
if (params.get("spacer")) {
  const spacer = document.createElement("div");
  spacer.style.height = `${Number(params.get("spacer"))}px`;
  document.getElementById("slot").append(spacer);
}
document.getElementById("slot").append(el);
