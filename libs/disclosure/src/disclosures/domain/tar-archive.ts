// A minimal POSIX ustar writer and reader: a bundle is one `.tar` any `tar -xf` opens, with no
// dependency. Only regular files with names of at most 100 bytes are written (the bundle's own names).

/** One file of an archive. */
export interface ArchiveEntry {
  name: string;
  content: Buffer;
}

const BLOCK = 512;

/** Writes the files as an uncompressed ustar archive, all dated `modifiedAt`, mode 0644. */
export function writeTar(entries: readonly ArchiveEntry[], modifiedAt: Date): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    blocks.push(header(entry, modifiedAt));
    blocks.push(entry.content);
    const padding = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
    if (padding > 0) blocks.push(Buffer.alloc(padding));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(blocks);
}

/** Reads the regular files of a ustar archive (what writeTar writes); throws on a damaged header. */
export function readTar(archive: Buffer): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const stored = octal(block.subarray(148, 156));
    const sum = checksum(block);
    if (stored !== sum) throw new Error(`Damaged tar header at byte ${offset}`);
    const name = text(block.subarray(0, 100));
    const size = octal(block.subarray(124, 136));
    const type = String.fromCharCode(block[156] || 0x30);
    offset += BLOCK;
    if (type === '0') entries.push({ name, content: Buffer.from(archive.subarray(offset, offset + size)) });
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function header(entry: ArchiveEntry, modifiedAt: Date): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  if (name.length > 100) throw new RangeError(`Archive name longer than 100 bytes: ${entry.name}`);
  const block = Buffer.alloc(BLOCK);
  name.copy(block, 0);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, entry.content.length);
  writeOctal(block, 136, 12, Math.floor(modifiedAt.getTime() / 1000));
  block.fill(0x20, 148, 156);
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'binary');
  writeOctal(block, 148, 7, checksum(block));
  return block;
}

function writeOctal(block: Buffer, offset: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'ascii');
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 0x20 : block[index];
  return sum;
}

function octal(field: Buffer): number {
  const digits = text(field).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}
