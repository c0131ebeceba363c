import type { LogVerificationView } from '@infobank/oversight';

const BAR_WIDTH = 30;

/**
 * Reports a verification's progress on stderr (stdout carries only the JSON result): a bar redrawn in
 * place on a terminal, plain lines (at most one per 5%) otherwise, so logs stay readable.
 */
export function logVerificationProgress(stream: NodeJS.WriteStream = process.stderr): (run: LogVerificationView) => void {
  let lastStep = -1;
  return (run) => {
    const total = Math.max(1, run.toSize - run.fromSize);
    const done = run.checkedSize - run.fromSize;
    const share = Math.min(1, done / total);
    const text = `${done}/${run.toSize - run.fromSize} leaves, ${run.checkpointsChecked} checkpoints, ${run.failureCount} failures`;
    if (stream.isTTY) {
      const filled = Math.round(share * BAR_WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${text}`);
      if (run.status !== 'running') stream.write('\n');
      return;
    }
    const step = Math.floor(share * 20);
    if (step === lastStep && run.status === 'running') return;
    lastStep = step;
    stream.write(`log verification ${run.id}: ${Math.floor(share * 100)}% ${text}${run.status === 'running' ? '' : ` (${run.status})`}\n`);
  };
}
