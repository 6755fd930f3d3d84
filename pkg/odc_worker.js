// The engine worker: one per widget. It fetches, reads and indexes the
// registry and answers searches with its own instance of the widget's wasm
// (the page posts the compiled module first), so none of that work runs on
// the host page's main thread. Only a page of results, the facet counts and
// the opened dataset go back, as JSON text.
//
// Searches are answered newest first: asks that arrive while one is being
// answered wait, and only the newest of them runs; the rest are answered
// null (superseded) at once, never queued. While the registry downloads,
// the newest waiting ask is also answered early from what has arrived.
//
// The glue is imported, not statically: this script then runs as soon as
// it has arrived, a round trip sooner, and starts the registry's download
// (below) while the glue and the wasm are still on their way. An import
// that fails is thrown again out of a task of its own, which the page
// hears as the worker's error (and then runs the engine itself).
const glue = Promise.all([import("./odc_core.js"), import("./odc_rdf_loader.js")]);
glue.catch((error) => setTimeout(() => {
  throw error;
}));

// The browser loads its locale data once per process, for the first Intl
// object any of its threads makes: ≈ 30 ms here (up to 100 on a busy
// machine). Made here, as the worker starts and before it has anything to
// do, the collator this worker sorts titles with and the page's date
// format then cost well under a millisecond each, and none of it falls on
// the host page's main thread. The options are the widget's
// (src/browser/intl.rs); the other language's data costs about 1 ms more.
// In a task after the first (which starts the registry's download).
setTimeout(() => {
  new Intl.Collator("sv", { sensitivity: "accent", numeric: true }).compare("a", "b");
  new Intl.DateTimeFormat("sv", { dateStyle: "medium", timeZone: "UTC" }).format(0);
});

let engine = null;
let waiting = null;
let running = false;
// Asks may arrive before the engine is made (the page posts them without
// waiting for `ready`): they are answered once it is.
let engineMade;
const made = new Promise((resolve) => (engineMade = resolve));

// Yields one task: asks already posted to the worker are delivered first.
// A message to itself, not setTimeout(0), which may wait a millisecond
// or more.
const turn = new MessageChannel();
let resumeTurn = null;
turn.port1.onmessage = () => resumeTurn?.();
const yieldTask = () => new Promise((resolve) => {
  resumeTurn = resolve;
  turn.port2.postMessage(0);
});

// After an early page is sent, the reading waits until the page says it
// is on show, or EARLY_PAUSE_MS at most: on a machine with few cores the
// page's main thread shows it sooner when this worker does not compete
// for the processor meanwhile.
const EARLY_PAUSE_MS = 200;
let earlyShown = null;

// Registry files downloading since this worker started, before the
// engine could ask for them (pkg/open-data-catalogue.js, registryFilesOf):
// url → { response: Promise of the Response, or of null where the request
// failed (the engine then asks itself, and so learns why), stop() }. The
// engine's loader takes each at most once (src/browser/fetch.rs); the
// rest are stopped once the widget's first ask names what it reads, and
// at the first answer.
const prefetched = new Map();
const RDF_FILE = /\.(rdf|ttl)$|\.rdf\.xml$/i;
function prefetch(url) {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal }).then(
    (r) => (r.ok ? r : (r.body?.cancel(), null)),
    () => null,
  );
  prefetched.set(url, { response, stop: () => controller.abort() });
}
function stopPrefetching(urls = [...prefetched.keys()]) {
  for (const url of urls) {
    prefetched.get(url)?.stop();
    prefetched.delete(url);
  }
}
// `signal` is the loader's own: its timeout stops the download as it
// stops one of its own.
self.odcTakePrefetched = (url, signal) => {
  const taken = prefetched.get(url);
  if (!taken) return undefined;
  prefetched.delete(url);
  if (signal.aborted) taken.stop();
  else signal.addEventListener("abort", taken.stop, { once: true });
  return taken.response;
};

self.onmessage = async ({ data }) => {
  if ("shown" in data) {
    earlyShown?.();
    return;
  }
  if ("prefetch" in data) {
    for (const url of data.prefetch) prefetch(url);
    // A registry named RDF by its URL needs the RDF reader (a second wasm
    // module): loaded meanwhile, not once the registry has arrived.
    if (data.prefetch.some((url) => RDF_FILE.test(new URL(url).pathname))) {
      glue.then(([, rdf]) => rdf.prepareRdf(), () => {});
    }
    return;
  }
  if ("unprefetch" in data) {
    stopPrefetching(data.unprefetch);
    return;
  }
  if (data.module) {
    const [{ default: init, EngineWorker }, { rdfToRegistry }] = await glue;
    await init({ module_or_path: data.module });
    engine = new EngineWorker(rdfToRegistry, yieldTask);
    engineMade();
    self.postMessage({ ready: true });
    return;
  }
  if (waiting) self.postMessage({ id: waiting.id, answer: null });
  waiting = data;
  if (!running) answerNewest();
  // While a registry still downloads, the engine answers this ask early
  // from the datasets read so far; the full answer follows as usual.
  else engine?.newer(data.ask, (text) => self.postMessage({ id: data.id, early: text }));
};

async function answerNewest() {
  running = true;
  await made;
  while (waiting) {
    // One macrotask first: asks already posted arrive and replace this one.
    await yieldTask();
    const { id, ask } = waiting;
    waiting = null;
    try {
      // While a large registry downloads, an early answer from the
      // datasets read so far may come first.
      const early = (text) => {
        self.postMessage({ id, early: text });
        return new Promise((resolve) => {
          earlyShown = resolve;
          setTimeout(resolve, EARLY_PAUSE_MS);
        }).then(() => (earlyShown = null));
      };
      self.postMessage({ id, answer: await engine.answer(ask, early) });
    } catch (error) {
      self.postMessage({ id, error: String(error?.message ?? error) });
    }
    stopPrefetching();
    // The first answer comes before the text index is built; it is built
    // now, unless an ask is already waiting (one with text builds it).
    await yieldTask();
    if (!waiting) engine.prepare();
  }
  running = false;
}
