import { DomainError } from '@infobank/platform';

/** Which work waits for a scrypt slot: checking a password at sign-in, or hashing a new one. */
export type ScryptLane = 'sign-in' | 'new-password';

interface Waiter {
  start: () => void;
}

/** Work that may wait for a slot, per lane; beyond that the request is refused at once (503) instead of queueing. */
const MAX_WAITING: Readonly<Record<ScryptLane, number>> = { 'sign-in': 256, 'new-password': 16 };

/**
 * Caps the scrypt computations one process runs at once (each holds 128·N·r bytes: 128 MiB at
 * N = 2^17), so a flood cannot exhaust memory or Node's thread pool. New passwords (registration)
 * may use all slots but one, and sign-in is served first when a slot frees, so a registration flood
 * cannot starve sign-in; a lane whose queue is full is refused at once with SERVICE_UNAVAILABLE.
 */
export class ScryptGate {
  private running = 0;
  private runningNewPasswords = 0;
  private readonly waiting: Record<ScryptLane, Waiter[]> = { 'sign-in': [], 'new-password': [] };

  constructor(private readonly maxConcurrency: number) {
    if (!Number.isSafeInteger(maxConcurrency) || maxConcurrency < 2) throw new Error('ScryptGate needs at least 2 slots.');
  }

  /** Runs `work` in a slot of `lane`, waiting for one if need be. */
  async run<T>(lane: ScryptLane, work: () => Promise<T>): Promise<T> {
    if (!this.mayStart(lane)) {
      if (this.waiting[lane].length >= MAX_WAITING[lane]) {
        throw new DomainError('SERVICE_UNAVAILABLE', 'Too many password checks are in progress; try again shortly.');
      }
      await new Promise<void>((resolve) => this.waiting[lane].push({ start: resolve }));
    } else {
      this.take(lane);
    }
    try {
      return await work();
    } finally {
      this.release(lane);
    }
  }

  private mayStart(lane: ScryptLane): boolean {
    if (this.running >= this.maxConcurrency) return false;
    return lane === 'sign-in' || this.runningNewPasswords < this.maxConcurrency - 1;
  }

  private take(lane: ScryptLane): void {
    this.running += 1;
    if (lane === 'new-password') this.runningNewPasswords += 1;
  }

  private release(lane: ScryptLane): void {
    this.running -= 1;
    if (lane === 'new-password') this.runningNewPasswords -= 1;
    // Sign-in first; the slot passes straight to the next waiter, counted before it resumes.
    for (const next of ['sign-in', 'new-password'] as const) {
      if (this.waiting[next].length > 0 && this.mayStart(next)) {
        this.take(next);
        this.waiting[next].shift()?.start();
        return;
      }
    }
  }
}
