// Prints raw, gzip (level 9) and brotli (quality 11) sizes of the files a
// page loads, and their total: the figures the size budget is about.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const files = process.argv.slice(2);
const rows = files.map((f) => {
  const bytes = readFileSync(f);
  return {
    file: f,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.push(rows.reduce((t, r) => ({ file: "total", raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 }));
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log("file".padEnd(34) + "raw KB".padStart(8) + " gzip KB".padStart(9) + " br KB".padStart(9));
for (const r of rows) console.log(r.file.padEnd(34) + kb(r.raw) + " " + kb(r.gzip) + " " + kb(r.brotli));
