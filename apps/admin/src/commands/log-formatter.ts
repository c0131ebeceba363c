const colours = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];
const reset = '\x1b[0m';

/** Turns one JSON log line of a child process into a short readable line with the process's name. */
export function formatChildLine(name: string, index: number, line: string, useColour: boolean): string {
  const label = useColour ? `${colours[index % colours.length]}${name.padEnd(12)}${reset}` : name.padEnd(12);
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
    const level = String(entry.level ?? '')
      .toUpperCase()
      .padEnd(5);
    const details = ['method', 'route', 'status', 'ms', 'context', 'url', 'errorId']
      .filter((key) => entry[key] !== undefined)
      .map((key) => `${key}=${String(entry[key])}`)
      .join(' ');
    return `${label} ${time} ${level} ${String(entry.msg ?? '')}${details ? `  ${details}` : ''}`;
  } catch {
    return `${label} ${line}`;
  }
}
