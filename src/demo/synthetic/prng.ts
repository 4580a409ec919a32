/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32): the synthetic corpus must be
 * the same on every run and machine, so that a batch can be regenerated and skipped when present.
 */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A derived generator: the same parent seed and label give the same stream. */
  static derive(seed: number, ...labels: (string | number)[]): Prng {
    let hash = seed >>> 0;
    for (const label of labels) {
      for (const char of String(label)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
      hash = Math.imul(hash ^ 0xff, 0x01000193) >>> 0;
    }
    return new Prng(hash);
  }

  uint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }

  /**
   * Picks with a Zipf-like skew: index k is about 1/(k+1)^s as likely as the first, so the head of
   * a list is common and its tail rare, as words are in real text.
   */
  zipf<T>(values: readonly T[], s = 1): T {
    // Inverse transform of a continuous power law over [1, n+1).
    const n = values.length;
    const u = this.next();
    const index =
      s === 1
        ? Math.floor(Math.exp(u * Math.log(n + 1))) - 1
        : Math.floor((u * ((n + 1) ** (1 - s) - 1) + 1) ** (1 / (1 - s))) - 1;
    const value = values[Math.min(n - 1, Math.max(0, index))];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }

  /** A UUIDv7 at this instant with random bits from this stream: ids sort by time, as real ones. */
  uuidAt(epochMs: number): string {
    const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(digits, "0");
    const high = Math.floor(epochMs / 0x10000);
    const low = epochMs % 0x10000;
    const r1 = this.uint32();
    const r2 = this.uint32();
    const r3 = this.uint32();
    return (
      `${hex(high, 8)}-${hex(low, 4)}-7${hex(r1 & 0xfff, 3)}-${hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4)}-` +
      `${hex(r2 & 0xffff, 4)}${hex(r3, 8)}`
    );
  }
}
