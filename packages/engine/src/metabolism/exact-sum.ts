/**
 * Exact summation of doubles (Shewchuk's algorithm, as Python's `math.fsum`): the partial sums are
 * kept as a non-overlapping expansion whose exact total is rounded once at the end. The result is
 * the correctly rounded sum, so it does not depend on the order of the terms — the accounts give
 * the same figures whatever the order of the flows.
 */
export class ExactSum {
  private partials: number[] = [];

  /** Adds a finite number. */
  add(value: number): void {
    let x = value;
    const partials = this.partials;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }

  /** Adds another exact sum, exactly (its expansion term by term). */
  addSum(other: ExactSum): void {
    for (const p of other.partials) this.add(p);
  }

  /** The correctly rounded total (round-half-even of the exact sum). */
  value(): number {
    const partials = this.partials;
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n] as number;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-way case: the rest of the expansion says which way to round.
    if (n > 0 && ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }
}

/** The correctly rounded sum of the numbers (order-independent). */
export function exactSum(values: Iterable<number>): number {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
}
