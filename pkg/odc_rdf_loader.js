// RDF/XML and Turtle registries are converted by a second wasm module,
// fetched only the first time a registry turns out to be RDF: sites with a
// JSON registry never download the RDF parsers. Imported by the entry
// module (the engine in the page) and by the engine worker.
//
// A failed download is not remembered once it has been reported: the next
// "try again" imports anew (a cached rejected promise would make the
// failure permanent). The error is named ModuleLoadError so the widget
// tells it apart from a broken registry.
let rdfModule = null;
export async function rdfToRegistry(text, base) {
  const loading = rdfReader();
  let m;
  try {
    m = await loading;
  } catch (error) {
    if (rdfModule === loading) rdfModule = null;
    throw error;
  }
  return m.rdfToRegistry(text, base);
}

// Starts loading the RDF reader before the registry has arrived (the
// engine worker does, for a registry whose URL names it RDF), so reading
// it need not wait for the module too. A failure is reported when the
// registry is read, as if it had been loaded then.
export function prepareRdf() {
  rdfReader().catch(() => {});
}

function rdfReader() {
  // Inside then(): a bundler's import() that fails at once still becomes a
  // rejection here, named below.
  rdfModule ??= Promise.resolve()
    .then(() => import(new URL("./odc_rdf.js", import.meta.url).href))
    .then(async (m) => {
      // Its wasm (odc_rdf_bg.wasm) is fetched here: failing, it is named
      // the same way.
      await m.default();
      return m;
    })
    .catch((cause) => {
      const error = new Error(`the RDF reader (odc_rdf.js) could not be loaded: ${cause?.message ?? cause}`);
      error.name = "ModuleLoadError";
      throw error;
    });
  return rdfModule;
}
