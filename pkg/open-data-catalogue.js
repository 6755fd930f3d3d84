// open-data-catalogue 0.1.0: the <open-data-catalogue> custom element and mount().
//
// This small hand-written module is the package's entry point. It loads the
// wasm (found next to this file through import.meta.url, so the folder can
// be copied anywhere or served from a CDN path) and hands each element to
// the Rust `Widget`, which renders into the element's open shadow root.
import init, { Widget } from "./odc_core.js";

const TAG = "open-data-catalogue";
const FACETS = ["publisher", "theme", "format", "license", "access-rights"];
const OBSERVED = ["registry", "registry-type", "lang", "facets", "page-size", "sort", "heading-level", "timeout", "max-size", "url-state"].concat(
  FACETS.map((f) => "filter-" + f),
);

let ready = null;
function load() {
  ready ??= init();
  return ready;
}

// RDF/XML and Turtle registries are converted by a second wasm module,
// fetched only the first time a registry turns out to be RDF: sites with a
// JSON registry never download the RDF parsers.
// A failed download is not remembered: the next "try again" imports anew
// (a cached rejected promise would make the failure permanent). The error
// is named ModuleLoadError so the widget tells it apart from a broken
// registry.
let rdfModule = null;
async function rdfToRegistry(text, base) {
  // Inside then(): a bundler's import() that fails at once still becomes a
  // rejection here, named below.
  rdfModule ??= Promise.resolve().then(() => import(new URL(rdfModuleUrl, import.meta.url).href)).then(
    async (m) => {
      await m.default();
      return m;
    },
    (cause) => {
      rdfModule = null;
      const error = new Error(`the RDF reader (odc_rdf.js) could not be loaded: ${cause?.message ?? cause}`);
      error.name = "ModuleLoadError";
      throw error;
    },
  );
  const m = await rdfModule;
  return m.rdfToRegistry(text, base);
}

// Where the RDF module is, relative to this file.
const rdfModuleUrl = "./odc_rdf.js";

function attributesOf(element) {
  const attributes = {};
  for (const a of element.attributes) attributes[a.name] = a.value;
  return { attributes };
}

// Shown until the wasm has loaded, and if it cannot load at all (a network
// failure, or a Content-Security-Policy without 'wasm-unsafe-eval'), so the
// person never sees a blank box.
function placeholder(element, text, role) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const p = document.createElement("p");
  p.setAttribute("role", role);
  p.textContent = text;
  root.replaceChildren(p);
}

function langOf(element) {
  const lang = element.closest("[lang]")?.getAttribute("lang") ?? "";
  return lang.toLowerCase().startsWith("en") ? "en" : "sv";
}

const TEXTS = {
  sv: { loading: "Hämtar datamängder …", failed: "Katalogen kunde inte visas. Ladda om sidan för att försöka igen." },
  en: { loading: "Loading datasets …", failed: "The catalogue could not be shown. Reload the page to try again." },
};

export class OpenDataCatalogue extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #widget = null;

  connectedCallback() {
    if (this.#widget) return;
    const texts = TEXTS[langOf(this)];
    placeholder(this, texts.loading, "status");
    load().then(
      () => {
        if (this.isConnected && !this.#widget) this.#widget = new Widget(this, attributesOf(this), rdfToRegistry);
      },
      (error) => {
        console.error("open-data-catalogue: could not load its WebAssembly", error);
        placeholder(this, texts.failed, "alert");
      },
    );
  }

  disconnectedCallback() {
    // Moving the element disconnects and reconnects it: it then mounts anew.
    this.#widget?.destroy();
    this.#widget?.free();
    this.#widget = null;
  }

  attributeChangedCallback() {
    this.#widget?.update(attributesOf(this));
  }

  /** The current results' filter values with labels and counts:
   *  [{ facet, values: [{ value, label, count }] }] ([] before loading). */
  facets() {
    return this.#widget?.facets() ?? [];
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, OpenDataCatalogue);

/**
 * Renders a catalogue into `element` (in its open shadow root) without the
 * custom element, e.g. from a framework.
 * options: { registry: string | string[], lang: "sv" | "en", facets: string | string[],
 *            pageSize: number, sort: "relevance" | "title" | "modified",
 *            filters: { publisher: string | string[], … }, headingLevel: number,
 *            timeout: number (seconds), urlState: boolean | string (parameter prefix) }
 * Returns { update(options), destroy(), facets() }. update() changes only the
 * options it is given (the rest stay as they were); after destroy() it does
 * nothing. facets() is the element's facets().
 */
export async function mount(element, options = {}) {
  await load();
  let current = { ...options };
  let widget = new Widget(element, current, rdfToRegistry);
  return {
    update: (next = {}) => {
      if (!widget) return;
      current = { ...current, ...next };
      widget.update(current);
    },
    destroy: () => {
      widget?.destroy();
      widget?.free();
      widget = null;
    },
    facets: () => widget?.facets() ?? [],
  };
}
