/** Seeded random streams for the latency model: one reproducible stream per method group, log-normal draws. */

/** FNV-1a over the text: turns a seed and a group name into a 32-bit stream seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A uniform stream in [0, 1) (mulberry32). Small and good enough for simulated delays; what matters is that the
 * same seed gives the same sequence on every machine, which Math.random cannot.
 */
export function uniformStream(seed: number, name: string): () => number {
  let state = hash32(`${seed}:${name}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from two uniforms (Box–Muller). */
export function standardNormal(uniform: () => number): number {
  const u = 1 - uniform(); // (0, 1]: the logarithm stays finite
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** z of the 95th percentile of the standard normal. */
const Z95 = 1.6448536269514722;

/**
 * A log-normal draw with the given median and 95th percentile (p95 ≥ median; equal means a constant):
 * ln X ~ N(ln median, σ²) with σ = ln(p95 / median) / z₀.₉₅.
 */
export function logNormal(uniform: () => number, median: number, p95: number): number {
  const sigma = Math.log(p95 / median) / Z95;
  return median * Math.exp(sigma * standardNormal(uniform));
}
