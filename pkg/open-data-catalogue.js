// open-data-catalogue 0.1.0: the <open-data-catalogue> custom element and mount().
//
// This small hand-written module is the package's entry point. It loads the
// wasm (found next to this file through import.meta.url, so the folder can
// be copied anywhere or served from a CDN path) and hands each element to
// the Rust `Widget`, which renders into the element's open shadow root.

const TAG = "open-data-catalogue";
const FACETS = ["publisher", "theme", "format", "license", "access-rights"];
const OBSERVED = ["registry", "registry-type", "lang", "facets", "page-size", "sort", "heading-level", "timeout", "max-size", "url-state", "loading"].concat(
  FACETS.map((f) => "filter-" + f),
);

// The wasm is downloaded and compiled once; the page instantiates it for
// the UI and every widget's engine worker instantiates the same compiled
// module (posted to it as soon as it is compiled, so the worker's start
// overlaps the page's), so a worker costs no second download.
let compiled = null;
let ready = null;
function compiledOnce() {
  compiled ??= compile();
  return compiled;
}
// The wasm-bindgen glue and the RDF loader are imported when the first
// widget starts, beside the wasm's download and its worker's start, not
// as static imports: those are fetched before this module runs at all, a
// round trip before anything else could begin.
function load() {
  ready ??= Promise.all([compiledOnce(), import("./odc_core.js"), import("./odc_rdf_loader.js")]).then(
    async ([module, core, { rdfToRegistry }]) => {
      await nextTask();
      await core.default({ module_or_path: module });
      return { Widget: core.Widget, rdfToRegistry };
    },
  );
  return ready;
}

// Compiling, instantiating and mounting each widget are separate tasks, so
// the host page can handle a click or a scroll between them instead of
// waiting on one long task (each counts against its Interaction to Next
// Paint).
const nextTask = () =>
  globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));

async function compile() {
  const url = new URL("./odc_core_bg.wasm", import.meta.url);
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch (error) {
    // A server that does not say `application/wasm`: compile the bytes.
    if (error instanceof TypeError) return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
    throw error;
  }
}

// Each widget reads, indexes and searches its registry in a Web Worker
// (pkg/odc_worker.js) so the host page never waits on it. The worker starts
// with the element, while the page is still compiling the wasm, and gets
// the compiled module when it is ready (the widget closes it again at once
// when its registry is a search service). From a CDN (pkg/ on another origin than the page, which
// a worker script may not be) it starts from a one-line blob: module that
// imports the worker script. Where it cannot start at all (a CSP whose
// worker-src leaves it out, no Worker), search() rejects with an Error
// named WorkerUnavailable and the widget runs the same engine in the page.
const WORKER_START_MS = 10000;
let saidInPage = false;
function enginePort(compiled, registryFiles = []) {
  let worker = null;
  let started = null;
  let timer = null;
  let nextId = 1;
  const pending = new Map();
  const unavailable = (why) => {
    const error = new Error(why);
    error.name = "WorkerUnavailable";
    if (!saidInPage) {
      saidInPage = true;
      console.info(`open-data-catalogue: searching in the page, not in a worker (${why}); see the README, "Hosting and Content-Security-Policy"`);
    }
    return error;
  };
  const fail = (error) => {
    clearTimeout(timer);
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  function start() {
    started ??= new Promise((resolve, reject) => {
      const url = new URL("./odc_worker.js", import.meta.url);
      let script = url;
      try {
        if (url.origin !== location.origin) {
          script = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: "text/javascript" }));
        }
        worker = new Worker(script, { type: "module", name: "open-data-catalogue" });
      } catch (error) {
        reject(unavailable(error?.message ?? String(error)));
        return;
      }
      worker.onerror = (event) => {
        event.preventDefault?.();
        clearTimeout(timer);
        const error = unavailable(event.message || "the worker could not be started");
        fail(error);
        reject(error);
      };
      worker.onmessage = ({ data }) => {
        if (data.ready) {
          clearTimeout(timer);
          if (script !== url) URL.revokeObjectURL(script);
          resolve(worker);
          return;
        }
        if ("early" in data) {
          // An early answer while the registry downloads; the answer follows.
          try {
            pending.get(data.id)?.early?.(data.early);
          } catch {
            // The widget is gone.
          }
          // Once it is painted (a task after the next frame), the worker
          // reads on; it waits for that (or a moment) so as not to slow it.
          requestAnimationFrame(() => setTimeout(() => worker?.postMessage({ shown: data.id })));
          return;
        }
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (!p) return;
        if ("error" in data) p.reject(new Error(data.error));
        else p.resolve(data.answer);
      };
      // The worker starts downloading these at once, long before the
      // wasm has arrived and the widget has asked (see registryFilesOf).
      if (registryFiles.length) worker.postMessage({ prefetch: registryFiles });
      compiled.then(
        (module) => {
          if (!worker) return;
          worker.postMessage({ module });
          // Counted from when the module is handed over, not while the page
          // is still downloading it.
          timer = setTimeout(() => {
            const error = unavailable(`the worker did not start within ${WORKER_START_MS / 1000} s`);
            fail(error);
            reject(error);
          }, WORKER_START_MS);
        },
        () => {
          const error = new Error("the wasm could not be loaded");
          fail(error);
          reject(error);
        },
      );
    });
    started.catch(() => {});
    return started;
  }
  return {
    start,
    // The engine's answer (JSON text) to one ask (JSON text); null when a
    // newer ask made it pointless before it ran. early(text) is told an
    // early answer while a large registry still downloads.
    // Posted at once, not after the worker says it is ready: the page's
    // main thread may be busy when that message comes (mounting), and the
    // worker keeps the ask until its engine is made.
    async search(ask, early) {
      start();
      if (!worker) {
        await started; // rejects with why it could not start
        throw unavailable("the worker stopped");
      }
      if (registryFiles.length) {
        // The first ask names the registries the worker reads: any other
        // download started on a guess is stopped.
        let named = [];
        try {
          named = JSON.parse(ask).registry ?? [];
        } catch {}
        const unread = registryFiles.filter((url) => !named.includes(url));
        if (unread.length) worker.postMessage({ unprefetch: unread });
        registryFiles = [];
      }
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, early });
        worker.postMessage({ id, ask });
      });
    },
    close() {
      fail(new Error("closed"));
      const closed = new Error("the widget was removed");
      closed.name = "WorkerUnavailable";
      started = Promise.reject(closed);
      started.catch(() => {});
    },
  };
}

// The registry files a widget will read, guessed before the wasm runs,
// so its worker can start downloading them as it starts (a few hundred
// milliseconds before the widget asks, more on a slow connection). The
// widget decides (in Rust: src/config.rs reads `registry`, src/remote
// tells search services apart), and its first ask stops any download it
// does not name; so only URLs that name a file by their extension (or
// registry-type "file") are guessed, never a search service's address.
// Resolved as the widget resolves them, against the page's base URL.
const REGISTRY_FILE = /\.(jsonld|json|rdf|ttl|xml)$/i;
function registryFilesOf(registry, type) {
  type = String(type ?? "").trim().toLowerCase();
  if (!["", "auto", "file"].includes(type)) return [];
  const urls = (Array.isArray(registry) ? registry : String(registry ?? "").split(/\s+/)).map((url) => String(url).trim());
  return urls.filter(Boolean).flatMap((url) => {
    try {
      const resolved = new URL(url, document.baseURI);
      const file = type === "file" || REGISTRY_FILE.test(resolved.pathname);
      return file && /^https?:$/.test(resolved.protocol) ? [resolved.href] : [];
    } catch {
      return [];
    }
  });
}

// The first results of the widgets that start at once: a lazy widget that
// comes near the viewport while they load waits for them (at most
// LAZY_WAIT_MS), so it never competes with what the reader sees first.
const LAZY_WAIT_MS = 3000;
const firstResults = new Set();
// Returns a function that stops waiting (the widget is removed).
function awaitFirstResults(element) {
  let stop;
  const settled = new Promise((resolve) => {
    const timer = setTimeout(done, LAZY_WAIT_MS);
    function done() {
      clearTimeout(timer);
      element.removeEventListener("odc-load", done);
      element.removeEventListener("odc-error", done);
      firstResults.delete(settled);
      resolve();
    }
    element.addEventListener("odc-load", done);
    element.addEventListener("odc-error", done);
    stop = done;
  });
  firstResults.add(settled);
  return stop;
}
const eagerWidgetsShown = () => Promise.all(firstResults);

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
  // While loading, room for the results to come (the search field, the
  // filters and the first rows take more): the page below moves less when
  // they arrive, and a lazy widget further down stays out of view.
  if (role === "status") p.style.minHeight = "25rem";
  root.replaceChildren(p);
  // One that cannot load (a glue module refused, say) shows what the page
  // put inside the element below the message: the page's own fallback.
  if (role === "alert") root.append(document.createElement("slot"));
}

// The texts' language for a language tag: English for en*, else Swedish.
const textsLang = (tag) => (tag.toLowerCase().startsWith("en") ? "en" : "sv");

function langOf(element) {
  return textsLang(element.closest("[lang]")?.getAttribute("lang") ?? "");
}

const TEXTS = {
  sv: {
    loading: "Hämtar datamängder …",
    failed: "Katalogen kunde inte visas. Ladda om sidan för att försöka igen.",
    crashed: "Ett internt fel inträffade i katalogen, så den kan inte visas just nu.",
    reload: "Ladda om sidan",
  },
  en: {
    loading: "Loading datasets …",
    failed: "The catalogue could not be shown. Reload the page to try again.",
    crashed: "An internal error occurred in the catalogue, so it cannot be shown right now.",
    reload: "Reload the page",
  },
};

// A panic in the widget's wasm stops it at once: the shipped build aborts
// without formatting a message (scripts/build.sh: -C panic=immediate-abort,
// 22 KB less brotli), and the browser reports a WebAssembly.RuntimeError
// thrown out of whichever call ran the wasm (an event handler, a timer, a
// promise job). A trapped instance cannot be trusted to render again, so
// every widget on the page is replaced by a message with a reload button,
// never left blank or half-working, and forgets its Widget, so it is not
// called into any more. A trap in another script's wasm is none of ours:
// its stack does not run through this folder.
const PKG = new URL("./", import.meta.url).href;
// element → { lang(): the language of its message, stop(): forgets its Widget }
const shown = new Map();
let crashed = false;
function onTrap(event) {
  const error = event.type === "error" ? event.error : event.reason;
  if (!(error instanceof WebAssembly.RuntimeError) || !String(error.stack ?? "").includes(PKG)) return;
  event.preventDefault();
  if (crashed) return;
  crashed = true;
  console.error("open-data-catalogue: an internal error stopped the catalogue", error);
  for (const [element, { lang, stop }] of shown) {
    stop();
    crashNotice(element, TEXTS[lang()]);
  }
  shown.clear();
}
addEventListener("error", onTrap);
addEventListener("unhandledrejection", onTrap);

function crashNotice(element, texts) {
  const alert = document.createElement("div");
  alert.setAttribute("role", "alert");
  alert.className = "odc-crash";
  const p = document.createElement("p");
  p.textContent = texts.crashed;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = texts.reload;
  button.addEventListener("click", () => location.reload());
  alert.append(p, button);
  element.shadowRoot?.replaceChildren(alert);
}

export class OpenDataCatalogue extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #widget = null;
  #engine = null;
  #nearViewport = null;
  #stopAwaiting = null;

  connectedCallback() {
    if (this.#widget) return;
    placeholder(this, TEXTS[langOf(this)].loading, "status");
    if (this.getAttribute("loading") === "lazy" && "IntersectionObserver" in window) {
      // Like an <img loading="lazy">: a catalogue far down the page
      // downloads nothing, starts no worker and reads no registry until
      // the reader comes within half a screen of it, and then not before
      // the catalogues that started at once show their first results, so it
      // never competes with what the reader sees first.
      const observer = (this.#nearViewport = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        // Still lazy (not removed, `loading` not changed meanwhile).
        eagerWidgetsShown().then(() => this.#nearViewport === observer && this.#start());
      }, { rootMargin: "50% 0px" }));
      observer.observe(this);
      return;
    }
    this.#stopAwaiting = awaitFirstResults(this);
    this.#start();
  }

  #start() {
    this.#nearViewport?.disconnect();
    this.#nearViewport = null;
    if (this.#widget || this.#engine || !this.isConnected) return;
    const texts = TEXTS[langOf(this)];
    const registryFiles = registryFilesOf(this.getAttribute("registry"), this.getAttribute("registry-type"));
    const engine = (this.#engine = enginePort(compiledOnce(), registryFiles));
    engine.start();
    load().then(
      async ({ Widget, rdfToRegistry }) => {
        await nextTask();
        if (this.isConnected && !this.#widget && this.#engine === engine && !crashed) {
          // Before the wasm runs: a trap while mounting replaces this one too.
          shown.set(this, { lang: () => langOf(this), stop: () => (this.#widget = null) });
          this.#widget = new Widget(this, attributesOf(this), rdfToRegistry, engine);
        }
      },
      (error) => {
        console.error("open-data-catalogue: could not load its WebAssembly", error);
        if (this.#engine === engine) engine.close();
        placeholder(this, texts.failed, "alert");
      },
    );
  }

  disconnectedCallback() {
    this.#nearViewport?.disconnect();
    this.#nearViewport = null;
    this.#stopAwaiting?.();
    this.#stopAwaiting = null;
    // Moving the element disconnects and reconnects it: it then mounts anew.
    shown.delete(this);
    this.#widget?.destroy();
    this.#widget?.free();
    this.#widget = null;
    // The worker's memory goes with it (wasm memory never shrinks).
    this.#engine?.close();
    this.#engine = null;
  }

  attributeChangedCallback(name, _, value) {
    // A waiting lazy widget starts once `loading` no longer says "lazy".
    if (name === "loading" && value !== "lazy" && this.#nearViewport) this.#start();
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
  let stopAwaiting = awaitFirstResults(element);
  let engine = enginePort(compiledOnce(), registryFilesOf(options.registry, options.registryType));
  engine.start();
  const { Widget, rdfToRegistry } = await load().catch((error) => {
    stopAwaiting();
    engine.close();
    throw error;
  });
  await nextTask();
  let current = { ...options };
  if (crashed) throw new Error("open-data-catalogue stopped after an internal error");
  let widget = null;
  shown.set(element, {
    lang: () => (current.lang ? textsLang(current.lang) : langOf(element)),
    stop: () => (widget = null),
  });
  widget = new Widget(element, current, rdfToRegistry, engine);
  return {
    update: (next = {}) => {
      if (!widget) return;
      current = { ...current, ...next };
      widget.update(current);
    },
    destroy: () => {
      stopAwaiting?.();
      stopAwaiting = null;
      shown.delete(element);
      widget?.destroy();
      widget?.free();
      widget = null;
      engine?.close();
      engine = null;
    },
    facets: () => widget?.facets() ?? [],
  };
}
