// Stamps the package version on the files a page loads and writes
// pkg/SHA384SUMS: one Subresource Integrity hash per shipped file, for
// `<script integrity="sha384-…">` and for checking a copy on a CDN.
//
// The version comes from pkg/package.json, which must agree with
// Cargo.toml (the build fails otherwise, so the two cannot drift). The
// generated glue (odc_core.js, odc_rdf.js) gets a banner line; the
// hand-written entry module carries the version in its first line, which
// is rewritten only when it differs, so the build stays idempotent.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";

const pkg = JSON.parse(readFileSync("pkg/package.json", "utf8"));
const cargo = readFileSync("Cargo.toml", "utf8").match(/^version = "([^"]+)"/m)?.[1];
if (pkg.version !== cargo) {
  console.error(`pkg/package.json says ${pkg.version}, Cargo.toml says ${cargo}: make them agree`);
  process.exit(1);
}
const banner = `// ${pkg.name} ${pkg.version} (${pkg.license})`;

for (const file of ["pkg/odc_core.js", "pkg/odc_rdf.js"]) {
  if (!existsSync(file)) continue;
  const text = readFileSync(file, "utf8");
  if (!text.startsWith(banner + "\n")) writeFileSync(file, `${banner}\n${text.replace(/^\/\/ open-data-catalogue [^\n]*\n/, "")}`);
}
const entry = "pkg/open-data-catalogue.js";
const entryText = readFileSync(entry, "utf8");
const entryFirst = `// ${pkg.name} ${pkg.version}: the <open-data-catalogue> custom element and mount().`;
if (!entryText.startsWith(entryFirst + "\n")) {
  writeFileSync(entry, entryText.replace(/^[^\n]*\n/, entryFirst + "\n"));
}

const shipped = pkg.files.filter((f) => f !== "SHA384SUMS" && f !== "README.md" && existsSync(`pkg/${f}`));
const lines = shipped.map((f) => `sha384-${createHash("sha384").update(readFileSync(`pkg/${f}`)).digest("base64")}  ${f}`);
writeFileSync("pkg/SHA384SUMS", lines.join("\n") + "\n");
console.log(`${pkg.name} ${pkg.version}, integrity hashes (pkg/SHA384SUMS):`);
for (const l of lines) console.log("  " + l);
