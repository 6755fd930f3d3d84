// A small static server for the demo and the browser tests: serves the
// repository root on 127.0.0.1, with `/` showing the demo page
// (redirected to /www/). Only files below the root are served. `/store/`
// is a local EntryStore search service (scripts/services/entrystore.mjs)
// over the demo's real registry and two more real Swedish catalogues, for
// the demo's widget that searches the registry where it lives.
//
//   node scripts/serve.mjs [--port 8080]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createEntryStore } from "./services/entrystore.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".jsonld": "application/ld+json; charset=utf-8",
  ".ttl": "text/turtle; charset=utf-8",
  ".rdf": "application/rdf+xml; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** The catalogue the local search services hold: real Swedish registries. */
export const SERVICE_CATALOGUE = [
  join(ROOT, "www/data/registry.jsonld"),
  join(ROOT, "tests/relevance/corpus/openumea-opennorth.jsonld"),
  join(ROOT, "tests/relevance/corpus/ckanext-dcat-sweden.jsonld"),
];

// `latency` (ms) delays every answer, as a distant server would
// (bench/e2e.mjs --latency).
export function serve({ port = 0, headers = {}, latency = 0 } = {}) {
  let entrystore;
  const server = createServer(async (req, res) => {
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    try {
      if (req.url.startsWith("/store/")) {
        entrystore ??= createEntryStore(SERVICE_CATALOGUE);
        if (await entrystore.handle(req, res)) return;
      }
      const url = new URL(req.url, "http://localhost");
      let path = decodeURIComponent(url.pathname);
      // The demo's page links its files relatively, so it lives at /www/.
      if (path === "/" || path === "") {
        res.writeHead(302, { location: "/www/" });
        return res.end();
      }
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(ROOT, path));
      if (!file.startsWith(ROOT + sep)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...headers,
      });
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === "ENOENT" ? 404 : 500, { "content-type": "text/plain; charset=utf-8" });
      res.end(error.code === "ENOENT" ? "not found" : "server error");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const server = await serve({ port });
  console.log(`demo: http://127.0.0.1:${server.address().port}/`);
}
