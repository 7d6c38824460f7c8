/**
 * The run rule of both detectors: a level shift or a doubled CPA shows as several moderate
 * deviations of one sign before any single one clears the bar.
 */

/** Runs of RUN_MIN to RUN_MAX same-sign deviations count. */
const RUN_MIN = 3;
const RUN_MAX = 7;

/**
 * The run rule: k consecutive deviations of one sign (3 <= k <= RUN_MAX), each of at least 1
 * (signed z), score |z1 + ... + zk| / sqrt(k); the best k counts. A CPA doubled for a week on
 * five conversions a day shows no single day beyond the bar, but its week does.
 */
export class RunRule {
  private readonly recent = new Float64Array(RUN_MAX);
  private count = 0;

  reset(): void {
    this.count = 0;
  }

  /** Adds the next signed z and returns the run z ending there (0: no run). */
  push(z: number): number {
    const { recent } = this;
    recent[this.count % RUN_MAX] = z;
    this.count++;
    if (z > -1 && z < 1) return 0;
    let sum = 0;
    let best = 0;
    const available = this.count < RUN_MAX ? this.count : RUN_MAX;
    for (let k = 1; k <= available; k++) {
      const back = recent[(this.count - k) % RUN_MAX]!;
      if (z > 0 ? back < 1 : back > -1) break;
      sum += back;
      if (k >= RUN_MIN) {
        const run = (sum < 0 ? -sum : sum) / Math.sqrt(k);
        if (run > best) best = run;
      }
    }
    return best;
  }
}
