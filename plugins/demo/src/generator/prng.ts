/**
 * Seeded randomness for the demo generator: sfc32 (small, fast, passes PractRand) seeded by a
 * string hash. Every entity (campaign, ad, query...) gets its own stream from `(seed, key)`, so
 * adding or reordering entities never changes the numbers of the others.
 */

/** cyrb128: a 128-bit string hash, four 32-bit words, used to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A deterministic random stream.
 *
 * @example const random = new Random(42, 'campaign:FR | Search | Marque'); random.normal()
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number, key = '') {
    [this.a, this.b, this.c, this.d] = hash128(`${seed}\u0000${key}`);
    for (let i = 0; i < 12; i++) this.next(); // let the state mix before the first draw
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max] (both included). */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A standard normal deviate (Marsaglia polar method, one spare kept). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /** A multiplicative noise factor with median 1: exp(sigma * N(0, 1)). */
  noise(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Rounds `x` up or down at random so the expected value stays `x` (x >= 0). */
  round(x: number): number {
    const floor = Math.floor(x);
    return this.next() < x - floor ? floor + 1 : floor;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /** A string of `length` decimal digits, the first not zero (platform-style numeric ids). */
  digits(length: number, prefix = ''): string {
    let text = prefix;
    if (text.length === 0) text += String(1 + Math.floor(this.next() * 9));
    while (text.length < length) text += String(Math.floor(this.next() * 10));
    return text;
  }
}
