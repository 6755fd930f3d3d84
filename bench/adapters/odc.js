// This project's engine (src/search), compiled to wasm with the `bench`
// feature (src/bench.rs, bench/build.sh). It reads the registry text itself
// with the widget's reader, so `build` takes the text, not parsed JSON.
import init, { BenchEngine } from '../dist/odc_bench.js';

export const takesText = true;

/** Fetches and instantiates the wasm. */
export async function load() {
  await init();
}

/** Registry text → {run, parseMs, buildMs}; parse = registry::read, build = Engine::new. */
export function build(text) {
  const engine = new BenchEngine(text);
  const run = (step) => {
    const answer = JSON.parse(engine.run(JSON.stringify(step)));
    answer.searchMs = engine.last_search_ms;
    return answer;
  };
  // Each part of Engine::new timed again (after the steps): where build time goes.
  const profile = () => JSON.parse(engine.build_profile());
  return { run, profile, parseMs: engine.parse_ms, buildMs: engine.build_ms, datasets: engine.datasets };
}
