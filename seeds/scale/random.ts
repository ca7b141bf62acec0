/**
 * Seeded randomness for the synthetic data sets: a 32-bit generator (mulberry32) and integer
 * hashes, in plain integer arithmetic, so a seed gives the same numbers on every machine.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32 that spreads every input bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One uint32 from several: a seed for the random stream of one object (an application, a call). */
export function hash32(...parts: readonly number[]): number {
  let h = 0x2545f491;
  for (const part of parts) h = mix32((h ^ mix32(part + 0x9e3779b9)) + 0x7f4a7c15);
  return h;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uint32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** In [0, 1). */
  float(): number {
    return this.next() / 4_294_967_296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** An index drawn with the weights whose running totals `cumulative` holds. */
  weighted(cumulative: Float64Array): number {
    const target = this.float() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** `count` distinct integers of [0, size), in random order (a partial Fisher-Yates shuffle). */
  sample(size: number, count: number): number[] {
    const taken = new Map<number, number>();
    const result: number[] = [];
    for (let i = 0; i < Math.min(count, size); i++) {
      const j = i + Math.floor(this.float() * (size - i));
      result.push(taken.get(j) ?? j);
      taken.set(j, taken.get(i) ?? i);
    }
    return result;
  }
}

/** Running totals of weights, for Random.weighted. */
export function cumulative(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight;
    totals[i] = sum;
  });
  return totals;
}

/** Splits `total` into whole parts proportional to `weights` (largest remainder), each at least `floor`. */
export function apportion(total: number, weights: readonly number[], floor = 0): number[] {
  const rest = total - floor * weights.length;
  if (rest < 0) throw new Error(`cannot give ${weights.length} parts at least ${floor} each out of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let missing = rest - parts.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    parts[i]!++;
  }
  return parts.map((p) => p + floor);
}

/** Zipf weights 1/r^s for ranks 1..n. */
export function zipf(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, r) => 1 / Math.pow(r + 1, exponent));
}

const BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** The low 8, 16 or 32 bits as 2, 4 or 8 hex digits. */
const hex2 = (v: number): string => BYTE[v & 0xff]!;
const hex4 = (v: number): string => BYTE[(v >>> 8) & 0xff]! + BYTE[v & 0xff]!;
const hex8 = (v: number): string => hex4(v >>> 16) + hex4(v);

/**
 * Every id of the synthetic data starts with `5ca1e0` and a two-digit kind, so the rows of one
 * kind are one range of the primary key (found and deleted by range). The rest is a hash of the
 * index (version-4 layout, unique per index), so ids are spread like random UUIDs.
 */
export const SCALE_ID_PREFIX = '5ca1e0';

export function scaleId(kind: number, index: number): string {
  const a = mix32((index ^ Math.imul(kind, 0x9e3779b9)) >>> 0);
  const b = mix32(a + 0x68e31da4);
  const c = mix32(b + 0xb5297a4d);
  // 5ca1e0KK-bbbb-4bbb-Vccc-ccccaaaaaaaa, V the variant (8 to b): unique because `a` is a bijection of the index.
  return `${SCALE_ID_PREFIX}${hex2(kind)}-${hex4(b >>> 16)}-${hex4(0x4000 | (b & 0xfff))}-${hex4(0x8000 | ((c >>> 16) & 0x3fff))}-${hex4(c)}${hex8(a)}`;
}

/** The first and last id of a kind (or of every kind, without one), for range queries. */
export function scaleIdRange(kind?: number): [string, string] {
  const [low, high] = kind === undefined ? ['00', 'ff'] : [hex2(kind), hex2(kind)];
  return [`${SCALE_ID_PREFIX}${low}-0000-0000-0000-000000000000`, `${SCALE_ID_PREFIX}${high}-ffff-ffff-ffff-ffffffffffff`];
}
