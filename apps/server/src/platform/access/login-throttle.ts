/**
 * Brute-force protection of sign-in: failed attempts are counted per e-mail and per client
 * address over a sliding window; past the limit, sign-in is refused (429) until the oldest
 * failure leaves the window, whether or not the password is right. A success clears the
 * e-mail's count. In memory: one process; several processes behind a balancer each count theirs.
 */
export interface ThrottleLimits {
  /** Failures allowed per e-mail within the window. */
  perEmail: number;
  /** Failures allowed per client address within the window (many e-mails from one address). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perEmail: 10, perAddress: 50, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(email: string, address: string): number {
    const waits: number[] = [];
    for (const [key, limit] of [
      [`e:${email}`, this.limits.perEmail],
      [`a:${address}`, this.limits.perAddress],
    ] as const) {
      const list = this.recent(key);
      if (list.length >= limit) waits.push((list[list.length - limit] ?? this.now()) + this.limits.windowMs - this.now());
    }
    return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : 0;
  }

  failed(email: string, address: string): void {
    for (const key of [`e:${email}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 100_000) {
      // Bounded memory under a flood of distinct e-mails: drop the stale keys.
      for (const key of [...this.failures.keys()]) this.recent(key);
    }
  }

  succeeded(email: string): void {
    this.failures.delete(`e:${email}`);
  }
}
