import { OrdoError } from '../../engine/errors/index.js';

export interface LoginRateLimitOptions {
  /** Failed attempts allowed per user name and address within the window. */
  maxFailures: number;
  windowMs: number;
  /** Bound on remembered keys, so a flood of user names cannot grow memory without end. */
  maxKeys: number;
  now?: () => number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
};

interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Counts failed logins per (user name, client address) in memory, one process only. Guessing
 * passwords is slowed down without letting a stranger lock a user out from everywhere.
 */
export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;

  constructor(private readonly options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT) {
    this.now = options.now ?? Date.now;
  }

  /** Throws ORDO_ERR_RATE_LIMITED while the key has used up its failures. */
  check(username: string, address: string): void {
    const window = this.current(key(username, address));
    if (window !== undefined && window.failures >= this.options.maxFailures) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + this.options.windowMs - this.now()) / 1000));
      throw new OrdoError('ORDO_ERR_RATE_LIMITED', `Too many failed sign-ins; try again in ${retryAfter} s.`, {
        extra: { retryAfter },
      });
    }
  }

  recordFailure(username: string, address: string): void {
    const id = key(username, address);
    const window = this.current(id);
    if (window !== undefined) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= this.options.maxKeys) this.evictOldest();
    this.windows.set(id, { failures: 1, startedAt: this.now() });
  }

  recordSuccess(username: string, address: string): void {
    this.windows.delete(key(username, address));
  }

  private current(id: string): Window | undefined {
    const window = this.windows.get(id);
    if (window !== undefined && this.now() - window.startedAt >= this.options.windowMs) {
      this.windows.delete(id);
      return undefined;
    }
    return window;
  }

  private evictOldest(): void {
    // Map iteration follows insertion order, so the first key is the oldest window.
    const oldest = this.windows.keys().next();
    if (oldest.done !== true) this.windows.delete(oldest.value);
  }
}

function key(username: string, address: string): string {
  return `${username.toLowerCase()}\u0000${address}`;
}
