import { sleep } from './services';

/** Something a run started and must undo on exit. */
export interface CleanUp {
  what: string;
  undo: () => Promise<void> | void;
}

/** How long one clean-up step may take before the run reports it and goes on to the next. */
const CLEAN_UP_STEP_TIMEOUT_MS = 20_000;

/**
 * What a command-line run over real engines (the chaos run, the scale-out run) shares: its progress lines on
 * stderr, labelled and timed, and the stack of what it started, undone newest first exactly once however the
 * run ends (success, failure or a signal). A step that fails or hangs is reported and sets a failing exit code;
 * the others still run.
 */
export function runLifecycle(label: string): { progress: (line: string) => void; cleanUps: CleanUp[]; cleanUp: () => Promise<void> } {
  const cleanUps: CleanUp[] = [];
  let cleaning: Promise<void> | null = null;
  const progress = (line: string): void => {
    process.stderr.write(`[${label} ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  };
  const cleanUp = (): Promise<void> => {
    cleaning ??= (async () => {
      for (const { what, undo } of cleanUps.reverse()) {
        try {
          await Promise.race([undo(), sleep(CLEAN_UP_STEP_TIMEOUT_MS).then(() => Promise.reject(new Error('timed out')))]);
        } catch (error) {
          progress(`could not ${what}: ${(error as Error).message}`);
          process.exitCode = 1;
        }
      }
    })();
    return cleaning;
  };
  return { progress, cleanUps, cleanUp };
}
