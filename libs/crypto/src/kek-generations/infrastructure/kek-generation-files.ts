import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CryptoError } from '../../crypto.errors';
import { createFileOnce, errorCode, readOptionalFile } from '../../keys/infrastructure/key-files';

/** Bytes of one KEK generation's key (AES-256). */
export const GENERATION_KEK_BYTES = 32;

const HELD = /^generation-([1-9]\d{0,8})\.kek$/;
const PENDING = /^generation-([1-9]\d{0,8})\.pending$/;

/** Which generation files a directory holds: usable ones, and pending ones a rotation has not activated. */
export interface GenerationFileListing {
  held: number[];
  pending: number[];
}

/**
 * KEK generations as files, one per generation (`generation-7.kek`, base64url of 32 bytes, mode 0600)
 * in a directory every process shares and no database backup contains. A rotation writes the new key
 * as `generation-N.pending` and renames it once the database has recorded the generation, so no
 * process wraps under a generation the database does not know. Destruction overwrites the file with
 * random bytes, flushes it and unlinks it.
 */
export class KekGenerationFiles {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  /** The generation files present, each list ascending. */
  async list(): Promise<GenerationFileListing> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { held: [], pending: [] };
      throw error;
    }
    const numbers = (pattern: RegExp) =>
      names
        .map((name) => pattern.exec(name))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => Number(match[1]))
        .sort((left, right) => left - right);
    return { held: numbers(HELD), pending: numbers(PENDING) };
  }

  /** The generation's key, or undefined when its file is absent (never made, pending or destroyed). */
  async read(generation: number): Promise<Buffer | undefined> {
    const text = await readOptionalFile(this.heldPath(generation));
    if (text === undefined) return undefined;
    const key = /^[A-Za-z0-9_-]+$/.test(text.trim()) ? Buffer.from(text.trim(), 'base64url') : undefined;
    if (key?.length !== GENERATION_KEK_BYTES) {
      throw new CryptoError(
        'KEY_MATERIAL_INVALID',
        `KEK generation file ${this.heldPath(generation)} is not base64url of ${GENERATION_KEK_BYTES} bytes.`,
      );
    }
    return key;
  }

  /** Writes a fresh key for the generation as a pending file; refuses if any file of that generation exists. */
  async createPending(generation: number): Promise<void> {
    if (await exists(this.heldPath(generation))) throw this.collision(generation);
    const created = await createFileOnce(this.pendingPath(generation), `${randomBytes(GENERATION_KEK_BYTES).toString('base64url')}\n`);
    if (!created) throw this.collision(generation);
  }

  /** Makes a pending generation usable (idempotent: an already held generation stays as it is). */
  async activate(generation: number): Promise<void> {
    try {
      await rename(this.pendingPath(generation), this.heldPath(generation));
    } catch (error) {
      if (errorCode(error) === 'ENOENT' && (await exists(this.heldPath(generation)))) return;
      throw error;
    }
  }

  /** Overwrites and unlinks the generation's files (held and pending); true when there was one. */
  async erase(generation: number): Promise<boolean> {
    const erasedHeld = await overwriteAndUnlink(this.heldPath(generation));
    const erasedPending = await overwriteAndUnlink(this.pendingPath(generation));
    return erasedHeld || erasedPending;
  }

  private heldPath(generation: number): string {
    return join(this.directory, `generation-${generation}.kek`);
  }

  private pendingPath(generation: number): string {
    return join(this.directory, `generation-${generation}.pending`);
  }

  private collision(generation: number): CryptoError {
    return new CryptoError(
      'KEY_MATERIAL_INVALID',
      `A file for KEK generation ${generation} already exists in ${this.directory}; is another database using this directory?`,
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Replaces the file's bytes with random ones on disk before unlinking it, so the key does not linger in
 * freed blocks of an ordinary filesystem (copy-on-write filesystems and SSD wear levelling may still keep
 * old blocks: keep the directory on storage that is not snapshotted, see the README).
 */
async function overwriteAndUnlink(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(Math.max(size, GENERATION_KEK_BYTES)), 0, Math.max(size, GENERATION_KEK_BYTES), 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(path);
  return true;
}
