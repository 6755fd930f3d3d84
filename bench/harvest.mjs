// The harvest at a network's scale: 50 members with 100,000 datasets in all
// (bench/data/catalog-100000.jsonld from bench/gen.mjs, split into 50 feeds
// of 2,000), served over local HTTP, harvested twice by the release binary:
// a first night (every feed fresh) and a second (every feed answers 304).
// Prints CPU time, wall time and peak memory of each run. A benchmark, not a
// test: it prints figures and never fails on a slow machine.
//
//   node bench/harvest.mjs [--members 50] [--total 100000]
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const MEMBERS = arg("members", 50);
const TOTAL = arg("total", 100000);

const source = join(HERE, "data", `catalog-${TOTAL}.jsonld`);
if (!existsSync(source)) spawnSync("node", [join(HERE, "gen.mjs"), String(TOTAL)], { stdio: "inherit" });
const catalog = JSON.parse(readFileSync(source, "utf8"));
const per = Math.ceil(catalog.dataset.length / MEMBERS);
const feeds = [];
for (let m = 0; m < MEMBERS; m++) {
  const part = { ...catalog, "@id": `${catalog["@id"]}/member-${m}`, dataset: catalog.dataset.slice(m * per, (m + 1) * per) };
  feeds.push(Buffer.from(JSON.stringify(part)));
}

const server = createServer((req, res) => {
  const m = Number(req.url.split("/").pop());
  const etag = `"feed-${m}"`;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag });
    return res.end();
  }
  res.writeHead(200, { "Content-Type": "application/ld+json", ETag: etag });
  res.end(feeds[m]);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const work = join(HERE, "data", "harvest");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const sources = join(work, "sources.toml");
writeFileSync(sources, feeds.map((_, m) => `[[member]]\nname = "Medlem ${m}"\nfeeds = ["${base}/feed/${m}"]\n`).join("\n"));

spawnSync("cargo", ["build", "--quiet", "--release", "--bin", "open-data-catalogue"], { cwd: ROOT, stdio: "inherit" });
const bin = join(ROOT, "target", "release", "open-data-catalogue");

function timed(label) {
  return new Promise((resolve) => {
    const child = spawn("/usr/bin/time", ["-f", "%U %S %e %M", bin, "harvest", sources, "--out", join(work, "out")], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      const last = err.trim().split("\n").pop().split(" ").map(Number);
      const [user, sys, wall, rssKb] = last;
      const report = JSON.parse(readFileSync(join(work, "out", "report.json"), "utf8"));
      resolve({ label, code, cpu: user + sys, wall, rssMb: rssKb / 1024, datasets: report.datasets });
    });
  });
}

const rows = [await timed("first night (all fresh)"), await timed("second night (all 304)")];
server.close();
console.log(`Harvest bench, ${new Date().toISOString()}: ${MEMBERS} members, ${TOTAL} datasets, ${(feeds.reduce((n, f) => n + f.length, 0) / 1e6).toFixed(0)} MB of feeds over local HTTP.\n`);
console.log("| run | exit | datasets | CPU s | wall s | peak RSS MB |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.label} | ${r.code} | ${r.datasets} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} | ${r.rssMb.toFixed(0)} |`);
