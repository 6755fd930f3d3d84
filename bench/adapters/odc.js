// This project's engine (src/search), compiled to wasm with the `bench`
// feature (src/bench.rs, bench/build.sh). It reads the registry text itself
// with the widget's reader, so `build` takes the text, not parsed JSON, and
// feeds it in chunks (a stream of its bytes) as the widget feeds a
// download: the whole text is never copied into wasm memory.
import init, { BenchReader } from '../dist/odc_bench.js';

export const takesText = true;
/** Given the registry's bytes as well, it reads those, as the widget reads a download. */
export const takesBytes = true;

const CHUNK = 64 * 1024;

/** Fetches and instantiates the wasm. */
export async function load() {
  await init();
}

/** Registry text → {run, parseMs, buildMs}; parse = registry::stream, build = Engine::new. */
export async function build(text, bytes = new TextEncoder().encode(text)) {
  const reader = new BenchReader();
  // The bytes in 64 KB chunks, about what a download's body stream gives.
  for (let at = 0; at < bytes.length; at += CHUNK) reader.feed(bytes.subarray(at, at + CHUNK));
  const engine = reader.build();
  const run = (step) => {
    const answer = JSON.parse(engine.run(JSON.stringify(step)));
    answer.searchMs = engine.last_search_ms;
    return answer;
  };
  // Each part of Engine::new timed again (after the steps): where build time goes.
  const profile = () => JSON.parse(engine.build_profile());
  return { run, profile, parseMs: engine.parse_ms, buildMs: engine.build_ms, datasets: engine.datasets };
}
