const BAR_WIDTH = 30;
// Without a terminal, a plain line at most every this many percent, so logs stay readable.
const PLAIN_STEP_PERCENT = 10;

/** Where progress goes: stderr, whose isTTY says whether a bar can be redrawn in place. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Reports how far a long operation is: `update(done, total, detail)`, then `finish(detail)`. */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  finish(detail?: string): void;
}

/**
 * Progress of a long operation on stderr (stdout carries only the result): on a terminal a bar redrawn
 * in place; otherwise plain lines, one per 10% and one at the end.
 */
export function progressOn(label: string, stream: ProgressStream = process.stderr): Progress {
  let lastStep = -1;
  let drawn = false;
  let last = { done: 0, total: 0 };
  return {
    update(done, total, detail) {
      last = { done, total };
      const share = total <= 0 ? 1 : Math.min(1, done / total);
      const percent = Math.floor(share * 100);
      const text = `${label}: ${done}/${total}${detail ? ` ${detail}` : ''}`;
      if (stream.isTTY) {
        const filled = Math.round(share * BAR_WIDTH);
        stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${text}`);
        drawn = true;
        return;
      }
      const step = Math.floor(percent / PLAIN_STEP_PERCENT);
      if (step === lastStep) return;
      lastStep = step;
      stream.write(`${text} (${percent}%)\n`);
    },
    finish(detail) {
      const text = `${label}: done ${last.done}/${last.total}${detail ? ` ${detail}` : ''}`;
      stream.write(stream.isTTY && drawn ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}
