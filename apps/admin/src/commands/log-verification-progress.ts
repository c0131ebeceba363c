import type { LogVerificationView } from '@infobank/oversight';
import { progressOn, type ProgressStream } from '../output/progress';

/**
 * Reports a verification's progress on stderr (stdout carries only the JSON result): a bar redrawn in
 * place on a terminal, plain lines (at most one per 10%) otherwise, so logs stay readable.
 */
export function logVerificationProgress(stream: ProgressStream = process.stderr): (run: LogVerificationView) => void {
  let progress: ReturnType<typeof progressOn> | undefined;
  return (run) => {
    progress ??= progressOn(`log verification ${run.id}`, stream);
    const detail = `leaves, ${run.checkpointsChecked} checkpoints, ${run.failureCount} failures`;
    progress.update(run.checkedSize - run.fromSize, run.toSize - run.fromSize, detail);
    if (run.status !== 'running') progress.finish(`${detail} (${run.status})`);
  };
}
