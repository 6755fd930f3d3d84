// This project's engine (src/search), compiled to wasm with the `bench`
// feature (src/bench.rs, bench/build.sh). It reads the registry text itself
// with the widget's reader, so `build` takes the text, not parsed JSON, and
// feeds it in chunks (a stream of its bytes) as the widget feeds a
// download: the whole text is never copied into wasm memory.
import init, { BenchReader } from '../dist/odc_bench.js';

export const takesText = true;

/** Fetches and instantiates the wasm. */
export async function load() {
  await init();
}

/** Registry text → {run, parseMs, buildMs}; parse = registry::stream, build = Engine::new. */
export async function build(text) {
  const reader = new BenchReader();
  const chunks = new Blob([text]).stream().getReader();
  for (let next = await chunks.read(); !next.done; next = await chunks.read()) reader.feed(next.value);
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
