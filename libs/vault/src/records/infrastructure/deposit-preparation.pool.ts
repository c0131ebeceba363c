import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CatalogCategoryRules } from '../application/catalog-category-rules';
import {
  prepareDeposit,
  type DepositPreparationInput,
  type DepositRefusal,
  type PreparedDeposit,
} from '../application/deposit-preparation';

/** What preparing a batch gives: a refusal of the whole batch, or the batch ready for the database. */
export type DepositPreparation = { refusal: DepositRefusal } | { prepared: PreparedDeposit };

/**
 * Worker threads in one process. Two: while one batch is parsed and checked, another's can be, and the
 * main thread meanwhile does the database work and encryption of a third; on a busy machine, the
 * deposit's CPU work is no longer one thread against the many processes around it.
 */
const THREADS = 2;

/** The compiled worker; absent when running from TypeScript sources (tests), where batches are prepared in-process. */
const WORKER_FILE = join(__dirname, 'deposit-preparation.worker.js');

interface Task {
  input: DepositPreparationInput;
  resolve: (preparation: DepositPreparation) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
}

/**
 * Prepares deposit batches (prepareDeposit: signature over the bytes, one parse, every check that
 * needs no database, canonical JSON) on worker threads, started on first use and stopped with the
 * application. A worker that dies fails its batch (the provider sends it again) and is replaced.
 */
@Injectable()
export class DepositPreparationPool implements OnModuleDestroy {
  private readonly threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private readonly threaded = existsSync(WORKER_FILE);
  private closed = false;

  constructor(private readonly rules: CatalogCategoryRules) {}

  prepare(input: DepositPreparationInput): Promise<DepositPreparation> {
    if (!this.threaded || this.closed) return prepareDeposit(input, this.rules);
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((candidate) => candidate.task === null) ?? this.start();
      if (thread === undefined) return;
      const task = this.queue.shift() as Task;
      thread.task = task;
      thread.worker.postMessage(task.input, ownedBytes(task.input.jws));
    }
  }

  private start(): Thread | undefined {
    if (this.threads.length >= THREADS) return undefined;
    const thread: Thread = { worker: new Worker(WORKER_FILE), task: null };
    // An idle pool never keeps the process alive.
    thread.worker.unref();
    thread.worker.on('message', (message: { outcome?: DepositPreparation; failure?: string }) => {
      const task = thread.task;
      thread.task = null;
      if (message.outcome !== undefined) task?.resolve(withBuffers(message.outcome));
      else task?.reject(new Error(`Preparing a deposit batch failed: ${message.failure ?? 'unknown failure'}`));
      this.dispatch();
    });
    thread.worker.on('error', (error) => this.lose(thread, error));
    thread.worker.on('exit', (code) => this.lose(thread, new Error(`The deposit preparation thread stopped (exit code ${code}).`)));
    this.threads.push(thread);
    return thread;
  }

  private lose(thread: Thread, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
    const task = thread.task;
    thread.task = null;
    task?.reject(new Error('Preparing a deposit batch failed in its worker thread.', { cause: error }));
    if (!this.closed) this.dispatch();
  }
}

/**
 * The memory of a body handed to a worker: moved, not copied (a structured clone copies megabytes), when the
 * bytes are the whole of their own ArrayBuffer (a body Fastify read into one buffer); shared or pooled memory
 * (a slice of a larger buffer) is copied. Moved, the caller's view is emptied: the use case passes the body on
 * and never reads it again.
 */
function ownedBytes(jws: string | Uint8Array): ArrayBuffer[] {
  if (typeof jws === 'string' || !(jws.buffer instanceof ArrayBuffer)) return [];
  return jws.byteOffset === 0 && jws.byteLength === jws.buffer.byteLength && jws.byteLength > 0 ? [jws.buffer] : [];
}

/** Byte fields arrive from a worker as plain Uint8Arrays (whatever their declared type): made Buffers again, without copying. */
function withBuffers(preparation: DepositPreparation): DepositPreparation {
  if (!('prepared' in preparation)) return preparation;
  const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { prepared } = preparation;
  return {
    prepared: {
      ...prepared,
      jwsDigest: asBuffer(prepared.jwsDigest),
      payloadDigest: asBuffer(prepared.payloadDigest),
      plaintexts: asBuffer(prepared.plaintexts),
    },
  };
}
