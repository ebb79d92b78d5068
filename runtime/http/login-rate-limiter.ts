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

  /**
   * Counts one sign-in attempt before the password is checked, so requests already in flight cannot
   * all slip past the limit; throws ORDO_ERR_RATE_LIMITED once the key has used up its attempts.
   */
  attempt(username: string, address: string): void {
    const id = key(username, address);
    const window = this.current(id);
    if (window !== undefined && window.failures >= this.options.maxFailures) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + this.options.windowMs - this.now()) / 1000));
      throw new OrdoError('ORDO_ERR_RATE_LIMITED', `Too many failed sign-ins; try again in ${retryAfter} s.`, {
        extra: { retryAfter },
      });
    }
    if (window !== undefined) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= this.options.maxKeys) this.evictOldestOpen();
    this.windows.set(id, { failures: 1, startedAt: this.now() });
  }

  /** A sign-in that succeeded clears the key's count. */
  succeeded(username: string, address: string): void {
    this.windows.delete(key(username, address));
  }

  /** An attempt that failed for another reason than the password (the database was down) does not count. */
  refund(username: string, address: string): void {
    const window = this.current(key(username, address));
    if (window !== undefined && window.failures > 0) window.failures -= 1;
  }

  private current(id: string): Window | undefined {
    const window = this.windows.get(id);
    if (window !== undefined && this.now() - window.startedAt >= this.options.windowMs) {
      this.windows.delete(id);
      return undefined;
    }
    return window;
  }

  /**
   * Makes room for a new key. A locked window is kept, so cycling through made-up user names cannot
   * reset a victim's count; only when every window is locked does the oldest go.
   */
  private evictOldestOpen(): void {
    // Map iteration follows insertion order, so the first keys are the oldest windows.
    for (const [id, window] of this.windows) {
      if (window.failures < this.options.maxFailures) {
        this.windows.delete(id);
        return;
      }
    }
    const oldest = this.windows.keys().next();
    if (oldest.done !== true) this.windows.delete(oldest.value);
  }
}

function key(username: string, address: string): string {
  return `${username.toLowerCase()}\u0000${address}`;
}
