import { DomainError } from '@infobank/platform';
import { ScryptGate, type ScryptLane } from './scrypt-gate';

/** Work that runs until the test finishes it, recording when it started. */
function controlledWork(started: string[], name: string) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => (started.push(name), done), finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ScryptGate', () => {
  it('Given a flood of new passwords, then they use all slots but one, and a sign-in starts at once', async () => {
    const gate = new ScryptGate(3);
    const started: string[] = [];
    const works = Array.from({ length: 6 }, (_, index) => controlledWork(started, `new-${index}`));
    const runs = works.map((work) => gate.run('new-password', work.work));
    await tick();
    expect(started).toEqual(['new-0', 'new-1']);
    const signIn = controlledWork(started, 'sign-in');
    const signInRun = gate.run('sign-in', signIn.work);
    await tick();
    expect(started).toEqual(['new-0', 'new-1', 'sign-in']);
    signIn.finish();
    works.forEach((work) => work.finish());
    await Promise.all([signInRun, ...runs]);
    expect(started).toHaveLength(7);
  });

  it('Given every slot busy, then a freed slot goes to a waiting sign-in before waiting new passwords', async () => {
    const gate = new ScryptGate(2);
    const started: string[] = [];
    const first = controlledWork(started, 'sign-in-0');
    const second = controlledWork(started, 'sign-in-1');
    const running = [gate.run('sign-in', first.work), gate.run('sign-in', second.work)];
    const queued: [ScryptLane, ReturnType<typeof controlledWork>][] = [
      ['new-password', controlledWork(started, 'new')],
      ['sign-in', controlledWork(started, 'sign-in-2')],
    ];
    const later = queued.map(([lane, work]) => gate.run(lane, work.work));
    await tick();
    first.finish();
    await tick();
    expect(started).toEqual(['sign-in-0', 'sign-in-1', 'sign-in-2']);
    second.finish();
    queued.forEach(([, work]) => work.finish());
    await Promise.all([...running, ...later]);
    expect(started).toContain('new');
  });

  it('Given a full queue of new passwords, then the next is refused at once with SERVICE_UNAVAILABLE', async () => {
    const gate = new ScryptGate(2);
    const started: string[] = [];
    const works = Array.from({ length: 17 }, (_, index) => controlledWork(started, `new-${index}`));
    const runs = works.map((work) => gate.run('new-password', work.work));
    await expect(gate.run('new-password', async () => 'never')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(gate.run('new-password', async () => 'never')).rejects.toBeInstanceOf(DomainError);
    works.forEach((work) => work.finish());
    await Promise.all(runs);
  });
});
