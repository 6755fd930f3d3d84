// The package as a webmaster gets it: `npm pack` of pkg/, installed offline
// into a fresh project, then used the three ways the README describes, each
// in headless Chromium (Debian's, through playwright-core):
//   a) the installed folder copied to a static site, one <script type="module">;
//   b) bundled with esbuild from `import { mount } from "open-data-catalogue"`,
//      with the wasm files copied next to the bundle;
//   c) from another origin standing in for a CDN (with Access-Control-Allow-Origin),
//      also with Subresource Integrity from the package's SHA384SUMS.
// And the TypeScript declarations: the typed example must type-check, in
// the repository and against the installed package, and a deliberate error
// must not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS, settledCount, countOf, waitForResults } from "../browser/helpers.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PKG = join(ROOT, "pkg");
const TSC = join(ROOT, "node_modules/.bin/tsc");
const ESBUILD = join(ROOT, "node_modules/.bin/esbuild");
const VARIED = join(ROOT, "tests/browser/fixtures/varied.jsonld"); // 60 datasets
const TURTLE = join(ROOT, "tests/fixtures/dcat-ap-eu/ckanext-dcat-dataset_gob_es.ttl"); // 1 dataset, read by odc_rdf

// What a page loads, and what else the tarball must hold.
const LOADED = ["open-data-catalogue.js", "odc_core.js", "odc_core_bg.wasm", "odc_worker.js", "odc_rdf_loader.js", "odc_rdf.js", "odc_rdf_bg.wasm"];
const SHIPPED = ["package.json", "open-data-catalogue.d.ts", "SHA384SUMS", ...LOADED];
const OPTIONAL = ["README.md"];

let work; // temporary folder: the tarball, the project, the sites
let project; // the fresh project the tarball is installed into
let installed; // its node_modules/open-data-catalogue
let packed; // npm pack's report
let browser;

// npm with its own cache in the temporary folder, never asking a registry.
function npm(args, cwd) {
  return execFileSync("npm", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      npm_config_cache: join(work, "npm-cache"),
      npm_config_offline: "true",
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false",
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
    },
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "odc-package-"));
  packed = JSON.parse(npm(["pack", PKG, "--pack-destination", work, "--json"], ROOT))[0];
  project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "webmaster-site", private: true, type: "module" }, null, 2));
  npm(["install", "--offline", "--no-audit", "--no-fund", join(work, packed.filename)], project);
  installed = join(project, "node_modules/open-data-catalogue");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  if (work && !process.env.KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
});

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".jsonld": "application/ld+json; charset=utf-8",
  ".ttl": "text/turtle; charset=utf-8",
};

/** A tiny static server for `root` on a free loopback port; `requests`
 *  records every path asked for. */
function staticServer(root, headers = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    let body;
    try {
      if (!file.startsWith(root + sep)) throw new Error("outside");
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { "content-type": "text/plain", ...headers });
      return res.end("not found");
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", ...headers });
    res.end(body);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({ url: `http://127.0.0.1:${server.address().port}`, requests, close: () => server.close() })));
}

/** A folder under the temporary one with the given files (name → text, or
 *  a path to copy). */
function site(name, files) {
  const dir = join(work, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    if (content.startsWith("/")) cpSync(content, join(dir, file));
    else writeFileSync(join(dir, file), content);
  }
  return dir;
}

function html(head, body) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>A webmaster's page</title>
  ${head}
</head>
<body>
  <main>
    <h1>Open data</h1>
    ${body}
  </main>
</body>
</html>
`;
}

/** A new page (in a fresh browser context) that records console errors
 *  and uncaught exceptions. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  page.done = () => context.close();
  return page;
}

/** The settled result count of the widget in `host`. */
async function shown(page, host) {
  await waitForResults(page, host);
  return countOf(await settledCount(page, host));
}

const sha384 = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

/** pkg/SHA384SUMS of the installed package: file → "sha384-…". */
function sums() {
  const lines = readFileSync(join(installed, "SHA384SUMS"), "utf8").trim().split("\n");
  return Object.fromEntries(lines.map((l) => l.split(/\s+/).reverse()));
}

test("npm pack ships the entry module, its declarations, both wasm modules with their glue and SHA384SUMS, and nothing else", () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const file of SHIPPED) assert.ok(files.includes(file), `${file} is in the tarball (${files.join(", ")})`);
  for (const file of files) assert.ok(SHIPPED.includes(file) || OPTIONAL.includes(file), `${file} should not be shipped`);
  assert.deepEqual(readdirSync(installed).sort(), files, "npm install unpacked exactly the tarball");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.equal(manifest.types, "open-data-catalogue.d.ts");
  assert.deepEqual(manifest.exports["."], { types: "./open-data-catalogue.d.ts", default: "./open-data-catalogue.js" });
  assert.ok(manifest.files.includes("open-data-catalogue.d.ts"));
});

test("SHA384SUMS holds the right integrity hash of every file a page loads", () => {
  const listed = sums();
  for (const file of LOADED) {
    assert.equal(listed[file], sha384(readFileSync(join(installed, file))), `the hash of ${file}`);
  }
  for (const [file, hash] of Object.entries(listed)) {
    assert.equal(hash, sha384(readFileSync(join(installed, file))), `${file} as listed`);
  }
});

function tsc(project) {
  const run = spawnSync(TSC, ["-p", project, "--pretty", "false"], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

test("the typed example type-checks (tsc --noEmit, strict) and the deliberate type error is rejected", () => {
  const good = tsc("tests/package");
  assert.equal(good.status, 0, good.output);
  const bad = tsc("tests/package/tsconfig.type-error.json");
  assert.notEqual(bad.status, 0, "tsc must reject tests/package/type-error.ts");
  // Rejected for the deliberate reason, not because the declarations were
  // not found.
  assert.match(bad.output, /type-error\.ts\(\d+,\d+\): error TS2322: Type '"newest"' is not assignable/);
  assert.doesNotMatch(bad.output, /TS2307|Cannot find module/);
});

test("the installed package's declarations resolve through its exports (moduleResolution bundler and node16)", () => {
  cpSync(join(ROOT, "tests/package/typed-example.ts"), join(project, "typed-example.ts"));
  const common = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom", "dom.iterable"], types: [] };
  const configs = {
    "tsconfig.json": { ...common, module: "esnext", moduleResolution: "bundler" },
    "tsconfig.node16.json": { ...common, module: "node16", moduleResolution: "node16" },
  };
  for (const [name, compilerOptions] of Object.entries(configs)) {
    writeFileSync(join(project, name), JSON.stringify({ compilerOptions, files: ["typed-example.ts"] }));
    const run = tsc(join(project, name));
    assert.equal(run.status, 0, `${name}: ${run.output}`);
  }
});

test("a) the installed folder copied to a static site, one script tag: the widget shows the 60 datasets", async () => {
  const root = site("plain", {
    "index.html": html(
      `<script type="module" src="/vendor/open-data-catalogue/open-data-catalogue.js"></script>`,
      `<open-data-catalogue registry="data/varied.jsonld"></open-data-catalogue>`),
    "data/varied.jsonld": VARIED,
  });
  cpSync(installed, join(root, "vendor/open-data-catalogue"), { recursive: true });
  const server = await staticServer(root);
  const page = await newPage();
  try {
    await page.goto(server.url + "/");
    assert.equal(await shown(page, "open-data-catalogue"), 60);
    assert.match(await page.locator("open-data-catalogue .odc-count").textContent(), /^60 datasets/);
    assert.ok(server.requests.includes("/vendor/open-data-catalogue/odc_core_bg.wasm"));
    assert.deepEqual(page.errors, []);
  } finally {
    await page.done();
    server.close();
  }
});

// The webmaster's bundle: `mount()` into a div, plus the element (defined
// by the import's side effect) with a JSON-LD and a Turtle registry.
const BUNDLE_ENTRY = `import { mount } from "open-data-catalogue";

const target = document.querySelector("#target");
window.mounted = mount(target, { registry: "data/varied.jsonld", lang: "en", pageSize: 10 }).then(
  (handle) => (window.handle = handle),
  (error) => (window.mountError = String(error)),
);
`;
const BUNDLE_PAGE = html(
  `<script type="module" src="dist/entry.js"></script>`,
  `<div id="target"></div>
    <open-data-catalogue id="element" registry="data/varied.jsonld"></open-data-catalogue>
    <open-data-catalogue id="turtle" registry="data/dataset.ttl"></open-data-catalogue>`);

/** Bundles src/entry.js of the project into `out` (dist/entry.js) with
 *  esbuild's command line, as the README shows. */
function bundle(out) {
  mkdirSync(join(project, "src"), { recursive: true });
  writeFileSync(join(project, "src/entry.js"), BUNDLE_ENTRY);
  execFileSync(ESBUILD, ["src/entry.js", "--bundle", "--format=esm", `--outdir=${join(out, "dist")}`, "--log-level=warning"], {
    cwd: project,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const code = readFileSync(join(out, "dist/entry.js"), "utf8");
  // The wasm and the RDF module stay outside the bundle, found relative to
  // it through import.meta.url at run time.
  assert.match(code, /new URL\("odc_core_bg\.wasm", import\.meta\.url\)/);
  assert.match(code, /import\(new URL\("\.\/odc_rdf\.js", import\.meta\.url\)\.href\)/);
  assert.match(code, /new URL\("\.\/odc_worker\.js", import\.meta\.url\)/);
  assert.ok(code.includes("customElements.define"), "the element's definition (a declared side effect) is kept");
}

test("b) bundled with esbuild, the wasm files copied next to the bundle: mount() and the element render, RDF too", async () => {
  const root = site("bundled", { "index.html": BUNDLE_PAGE, "data/varied.jsonld": VARIED, "data/dataset.ttl": TURTLE });
  bundle(root);
  for (const file of ["odc_core_bg.wasm", "odc_core.js", "odc_worker.js", "odc_rdf_loader.js", "odc_rdf.js", "odc_rdf_bg.wasm"]) {
    cpSync(join(installed, file), join(root, "dist", file));
  }
  const server = await staticServer(root);
  const page = await newPage();
  try {
    await page.goto(server.url + "/");
    assert.equal(await shown(page, "#target"), 60);
    assert.equal(await page.locator("#target .odc-results li.odc-result").count(), 10, "pageSize reached the widget");
    assert.equal(await page.evaluate(() => typeof window.handle?.update), "function");
    // facets() has the shape open-data-catalogue.d.ts declares (FacetValues[]).
    const facets = await page.evaluate(() => {
      const shape = (groups) => groups.map((g) => ({
        keys: Object.keys(g).sort(),
        facet: g.facet,
        values: g.values.length > 0 && g.values.every((v) => Object.keys(v).sort().join() === "count,label,value"
          && typeof v.value === "string" && typeof v.label === "string" && Number.isInteger(v.count)),
      }));
      return { handle: shape(window.handle.facets()), element: shape(document.querySelector("#element").facets()) };
    });
    assert.ok(facets.handle.length > 0, "facets() lists the filter groups");
    for (const group of facets.handle) {
      assert.deepEqual(group.keys, ["facet", "values"]);
      assert.ok(["publisher", "theme", "format", "license", "access-rights", "quality"].includes(group.facet), group.facet);
      assert.equal(group.values, true, `${group.facet}: { value, label, count }`);
    }
    assert.deepEqual(facets.element, facets.handle, "the element's facets() for the same registry");
    assert.equal(await shown(page, "#element"), 60);
    assert.equal(await shown(page, "#turtle"), 1);
    for (const file of ["/dist/odc_core_bg.wasm", "/dist/odc_worker.js", "/dist/odc_rdf.js", "/dist/odc_rdf_bg.wasm"]) {
      assert.ok(server.requests.includes(file), `${file} was loaded (${server.requests.join(", ")})`);
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await page.done();
    server.close();
  }
});

test("b) bundled with esbuild but the wasm not copied: mount() rejects and the element says it could not be shown", async () => {
  const root = site("bundled-no-wasm", { "index.html": BUNDLE_PAGE, "data/varied.jsonld": VARIED, "data/dataset.ttl": TURTLE });
  bundle(root);
  const server = await staticServer(root);
  const page = await newPage();
  try {
    await page.goto(server.url + "/");
    await page.waitForFunction(() => window.mountError);
    await page.locator("#element p[role=alert]", { hasText: "could not be shown" }).waitFor();
    assert.ok(server.requests.includes("/dist/odc_core_bg.wasm"), "looked for next to the bundle");
  } finally {
    await page.done();
    server.close();
  }
});

/** The page origin (registries) and a CDN origin serving the installed
 *  package under a versioned path, with the CORS header CDNs send. */
async function cdnSetup(name, pages) {
  const cdnRoot = join(work, name + "-cdn");
  cpSync(installed, join(cdnRoot, "npm/open-data-catalogue@0.1.0"), { recursive: true });
  const cdn = await staticServer(cdnRoot, { "access-control-allow-origin": "*" });
  const base = `${cdn.url}/npm/open-data-catalogue@0.1.0`;
  const files = { "data/varied.jsonld": VARIED, "data/dataset.ttl": TURTLE };
  for (const [file, page] of Object.entries(pages(base))) files[file] = page;
  const origin = await staticServer(site(name, files));
  return { cdn, origin, base, close: () => (cdn.close(), origin.close()) };
}

// The first has fallback content, as the README suggests: hidden by the
// shadow root once the module runs, shown if it never does.
const TWO_WIDGETS = `<open-data-catalogue id="json" registry="data/varied.jsonld"><a href="data/varied.jsonld">The catalogue as a file</a></open-data-catalogue>
    <open-data-catalogue id="turtle" registry="data/dataset.ttl"></open-data-catalogue>`;

test("c) from another origin (a CDN): the wasm and the RDF module come from the CDN, the registries from the page's origin", async () => {
  const { cdn, origin, base, close } = await cdnSetup("cdn", (base) => ({
    "index.html": html(`<script type="module" src="${base}/open-data-catalogue.js"></script>`, TWO_WIDGETS),
  }));
  const page = await newPage();
  try {
    await page.goto(origin.url + "/");
    assert.equal(await shown(page, "#json"), 60);
    assert.equal(await shown(page, "#turtle"), 1);
    for (const file of LOADED) {
      assert.ok(cdn.requests.includes(`/npm/open-data-catalogue@0.1.0/${file}`), `${file} from the CDN (${cdn.requests.join(", ")})`);
    }
    assert.deepEqual(origin.requests.filter((p) => p.startsWith("/data/")).sort(), ["/data/dataset.ttl", "/data/varied.jsonld"]);
    assert.deepEqual(origin.requests.filter((p) => /odc|open-data-catalogue/.test(p)), [], "nothing of the package from the page's origin");
    assert.ok(base.startsWith("http://127.0.0.1:") && !base.startsWith(origin.url));
    assert.deepEqual(page.errors, []);
  } finally {
    await page.done();
    close();
  }
});

test("c) from a CDN with Subresource Integrity: the hash from SHA384SUMS loads it, a wrong hash blocks it", async () => {
  const hash = sums()["open-data-catalogue.js"];
  const wrong = sha384("something else");
  const tag = (base, integrity) =>
    `<script type="module" src="${base}/open-data-catalogue.js" integrity="${integrity}" crossorigin="anonymous" onerror="window.scriptFailed = true"></script>`;
  const { origin, close } = await cdnSetup("cdn-sri", (base) => ({
    "good.html": html(tag(base, hash), TWO_WIDGETS),
    "wrong.html": html(tag(base, wrong), TWO_WIDGETS),
  }));
  try {
    const good = await newPage();
    await good.goto(origin.url + "/good.html");
    assert.equal(await shown(good, "#json"), 60);
    assert.equal(await shown(good, "#turtle"), 1);
    assert.equal(await good.evaluate(() => window.scriptFailed), undefined);
    assert.equal(await good.locator("#json > a").isVisible(), false, "the fallback is hidden");
    assert.deepEqual(good.errors, []);
    await good.done();

    const blocked = await newPage();
    await blocked.goto(origin.url + "/wrong.html");
    await blocked.waitForFunction(() => window.scriptFailed === true);
    await blocked.waitForTimeout(500);
    assert.deepEqual(await blocked.evaluate(() => ({
      defined: customElements.get("open-data-catalogue") !== undefined,
      shadow: document.querySelector("#json").shadowRoot !== null,
    })), { defined: false, shadow: false }, "the module never ran");
    assert.ok(blocked.errors.some((e) => /integrity/i.test(e)), blocked.errors.join("\n"));
    assert.equal(await blocked.locator("#json > a").isVisible(), true, "the fallback shows");
    await blocked.done();
  } finally {
    close();
  }
});

test("c) an import map's integrity also pins the glue modules (odc_core.js, odc_rdf.js): right hashes load, a wrong one blocks the glue and shows the page's fallback under a message", async () => {
  const listed = sums();
  const page = (base, core) => html(
    `<script type="importmap">${JSON.stringify({
      integrity: { [`${base}/odc_core.js`]: core, [`${base}/odc_rdf.js`]: listed["odc_rdf.js"] },
    })}</script>
  <script type="module" src="${base}/open-data-catalogue.js" integrity="${listed["open-data-catalogue.js"]}" crossorigin="anonymous"></script>`,
    TWO_WIDGETS);
  const { origin, close } = await cdnSetup("cdn-importmap", (base) => ({
    "good.html": page(base, listed["odc_core.js"]),
    "wrong.html": page(base, sha384("tampered glue")),
  }));
  try {
    const good = await newPage();
    await good.goto(origin.url + "/good.html");
    assert.equal(await shown(good, "#json"), 60);
    assert.equal(await shown(good, "#turtle"), 1, "odc_rdf.js passes its integrity check too");
    assert.deepEqual(good.errors, []);
    await good.done();

    const blocked = await newPage();
    await blocked.goto(origin.url + "/wrong.html");
    await blocked.waitForTimeout(1500);
    // The entry module runs (its own hash is right); the glue it imports
    // never does, so no catalogue shows: a message does, with the page's
    // fallback below it.
    assert.equal(await blocked.locator("#json .odc").count(), 0, "no catalogue");
    assert.match(await blocked.locator("#json [role=alert]").innerText(), /could not be shown|kunde inte visas/);
    assert.ok(blocked.errors.some((e) => /integrity/i.test(e)), blocked.errors.join("\n"));
    assert.equal(await blocked.locator("#json > a").isVisible(), true, "the fallback shows");
    await blocked.done();
  } finally {
    close();
  }
});
