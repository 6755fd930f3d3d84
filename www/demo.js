// The demo page's own script: a language switch that sets the widget's
// `lang` attribute, to show that attribute changes apply without reloading.
const catalogue = document.getElementById("catalogue");
for (const button of document.querySelectorAll(".lang-switch button")) {
  button.addEventListener("click", () => {
    catalogue.setAttribute("lang", button.dataset.lang);
    for (const b of document.querySelectorAll(".lang-switch button")) {
      b.setAttribute("aria-pressed", String(b === button));
    }
  });
}
catalogue.addEventListener("odc-load", (e) => console.info("catalogue loaded", e.detail));
