// RDF/XML and Turtle registries are converted by a second wasm module,
// fetched only the first time a registry turns out to be RDF: sites with a
// JSON registry never download the RDF parsers. Imported by the entry
// module (the engine in the page) and by the engine worker.
//
// A failed download is not remembered: the next "try again" imports anew
// (a cached rejected promise would make the failure permanent). The error
// is named ModuleLoadError so the widget tells it apart from a broken
// registry.
let rdfModule = null;
export async function rdfToRegistry(text, base) {
  // Inside then(): a bundler's import() that fails at once still becomes a
  // rejection here, named below.
  rdfModule ??= Promise.resolve()
    .then(() => import(new URL("./odc_rdf.js", import.meta.url).href))
    .then(
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
