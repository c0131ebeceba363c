import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Owner-only: key files must not be readable by other users of the machine. */
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

/** Errors from link(2) on filesystems that have no hard links (some network and FUSE mounts). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Reads a UTF-8 file, or undefined when it does not exist. */
export async function readOptionalFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates `path` with `content` unless it already exists, and says whether this call created it.
 * Several processes may start at once: the content is written to a private temporary file first
 * and hard-linked into place, so the file appears complete or not at all, and exactly one wins.
 */
export async function createFileOnce(path: string, content: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: DIRECTORY_MODE });
  const temporary = temporaryPathFor(path);
  await writeFile(temporary, content, { flag: 'wx', mode: FILE_MODE });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error;
    // Without hard links, O_EXCL still elects one winner; readers retry while it is being written.
    try {
      await writeFile(path, content, { flag: 'wx', mode: FILE_MODE });
      return true;
    } catch (fallbackError) {
      if (errorCode(fallbackError) === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Replaces `path` atomically (temporary file + rename) so readers never see half a file. */
export async function replaceFileAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: DIRECTORY_MODE });
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, content, { flag: 'wx', mode: FILE_MODE });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The `code` of a Node.js system error, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}
