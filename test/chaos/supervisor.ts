// The bank's processes as the chaos run starts them: each app and worker a separate Node.js process
// from dist (as `npm start` runs them), its output in a log file, killed with SIGKILL by the faults and
// restarted as a process manager would. Recovery is measured from the restart to /health answering 200
// (apps) or to the worker's "worker started" line.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './services';

const dist = join(__dirname, '..', '..');
/** How long a start may take before the run gives up on it (a loaded two-core machine starts Nest slowly). */
const READY_TIMEOUT_MS = 120_000;

export interface ProcessSpec {
  /** `portal`, `worker-1`, … */
  name: string;
  /** The app under dist/apps (`portal`, `intake`, `gateway`, `ethics-board`, `worker`). */
  app: string;
  /** The HTTP port, or null for a worker. */
  port: number | null;
  env: Record<string, string>;
}

export class ManagedProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream;
  private started = false;
  /** Exits the run did not cause (a crash under a fault); each is restarted. */
  readonly unexpectedExits: { at: number; code: number | null; signal: string | null }[] = [];
  private stopping = false;
  private expectedExit = false;

  constructor(
    readonly spec: ProcessSpec,
    logDirectory: string,
  ) {
    this.log = createWriteStream(join(logDirectory, `${spec.name}.log`), { flags: 'a' });
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  /** Starts the process; resolves once it is ready, with the milliseconds that took. */
  async start(): Promise<number> {
    const began = Date.now();
    this.started = false;
    this.expectedExit = false;
    const child = spawn(process.execPath, [join(dist, 'apps', this.spec.app, 'src', 'main.js')], {
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const watch = (chunk: Buffer): void => {
      this.log.write(chunk);
      if (!this.started && this.spec.port === null && chunk.toString('utf8').includes('worker started')) this.started = true;
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.expectedExit || this.stopping) return;
      this.unexpectedExits.push({ at: Date.now(), code, signal });
      this.log.write(`\n[chaos] ${this.name} exited by itself (code ${code}, signal ${signal}); restarting\n`);
      void sleep(1_000)
        .then(() => (this.stopping ? undefined : this.start()))
        .catch(() => undefined);
    });
    await this.untilReady(began);
    return Date.now() - began;
  }

  /** `kill -9`, waiting for the exit. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    this.expectedExit = true;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.log.write(`\n[chaos] ${this.name} killed with SIGKILL\n`);
  }

  /** Whether /health answers 200 now (apps), or the worker runs. */
  async healthy(): Promise<boolean> {
    if (this.child === null) return false;
    if (this.spec.port === null) return this.started;
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** Stops for good (SIGTERM, then SIGKILL after a grace period). */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child !== null && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  /** Kills at once without waiting (the last resort on exit). */
  killNow(): void {
    this.stopping = true;
    if (this.child !== null && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private async untilReady(began: number): Promise<void> {
    while (Date.now() - began < READY_TIMEOUT_MS) {
      if (this.stopping) return;
      if (this.child === null) throw new Error(`${this.name} exited while starting (see its log)`);
      if (await this.healthy()) return;
      await sleep(this.spec.port === null ? 50 : 100);
    }
    throw new Error(`${this.name} was not ready within ${READY_TIMEOUT_MS / 1000} s (see its log)`);
  }
}
