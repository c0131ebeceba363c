import { decideIncidentStep, parseOpenIncident } from './incident';
import { incidentNotificationMessage, regulatorReport } from './incident-texts';

const RECIPIENT = '3f1c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f';

describe('opening an incident', () => {
  const valid = {
    kind: 'recipient_breach',
    recipientId: RECIPIENT,
    categories: ['purchase.receipts', 'purchase.receipts'],
    from: '2026-11-01T00:00:00+09:00',
    to: '2026-12-01T00:00:00+09:00',
    description: '  設定誤り  ',
  };

  it('given a recipient breach with a window, when parsed, then the window is UTC, categories are unique and the text trimmed', () => {
    expect(parseOpenIncident(valid)).toEqual({
      command: {
        kind: 'recipient_breach',
        recipientId: RECIPIENT,
        providerId: null,
        categories: ['purchase.receipts'],
        from: '2026-10-31T15:00:00.000000Z',
        to: '2026-11-30T15:00:00.000000Z',
        description: '設定誤り',
        measures: null,
      },
      problems: [],
    });
  });

  it('given the organisation of another kind of incident, when parsed, then each wrong field is named', () => {
    const { command, problems } = parseOpenIncident({ ...valid, kind: 'bank_breach', providerId: RECIPIENT });
    expect(command).toBeNull();
    expect(problems.map((problem) => problem.path)).toEqual(['/recipientId', '/providerId']);
  });

  it('given a window that ends before it starts and no description, when parsed, then both are refused', () => {
    const { problems } = parseOpenIncident({ ...valid, to: valid.from, description: undefined });
    expect(problems).toEqual([
      { path: '/to', message: 'must be after from' },
      { path: '/description', message: 'is required' },
    ]);
  });

  it('given an unknown kind and a bad category, when parsed, then both are named', () => {
    const { problems } = parseOpenIncident({ ...valid, kind: 'leak', categories: ['Bad Code'] });
    expect(problems.map((problem) => problem.path)).toEqual(['/kind', '/categories/0']);
  });
});

describe('the steps of an incident', () => {
  it('goes open → notifying → notified → closed and refuses any other order', () => {
    expect(decideIncidentStep('open', 'notify', 3)).toEqual({ outcome: 'accepted', next: 'notifying' });
    expect(decideIncidentStep('notifying', 'complete', 3)).toEqual({ outcome: 'accepted', next: 'notified' });
    expect(decideIncidentStep('notified', 'close', 3)).toEqual({ outcome: 'accepted', next: 'closed' });
    expect(decideIncidentStep('open', 'close', 3).outcome).toBe('rejected');
    expect(decideIncidentStep('notifying', 'close', 3).outcome).toBe('rejected');
    expect(decideIncidentStep('notified', 'notify', 3).outcome).toBe('rejected');
    expect(decideIncidentStep('closed', 'complete', 3).outcome).toBe('rejected');
  });

  it('closes an open incident at once when it affected no one', () => {
    expect(decideIncidentStep('open', 'close', 0)).toEqual({ outcome: 'accepted', next: 'closed' });
  });
});

describe('what is written about an incident', () => {
  const items = [{ id: 'purchase.receipts#/store', label: { ja: '店舗', en: 'Store' } }];

  it('tells an individual where, when, what and what they can do, in Japanese and English', () => {
    const message = incidentNotificationMessage({
      kind: 'recipient_breach',
      organisationName: { ja: '商店', en: 'Shop' },
      from: new Date('2026-10-31T15:00:00Z'),
      to: new Date('2026-11-30T15:00:00Z'),
      items,
      records: 2,
    });
    expect(message.lines.ja[0]).toContain('提供先「商店」');
    expect(message.lines.ja[0]).toContain('2026-11-01 00:00〜2026-12-01 00:00');
    expect(message.lines.ja[1]).toBe('対象となったデータ: 店舗（2件）。');
    expect(message.lines.en[1]).toBe('Data concerned: Store (2 records).');
    expect(message.lines.ja.join('')).toContain('苦情相談窓口');
  });

  it('reports to the regulator with counts, items, cause and measures only', () => {
    const report = regulatorReport({
      incidentId: 'i',
      kind: 'bank_breach',
      state: 'closed',
      organisation: null,
      discoveredAt: new Date('2026-12-01T00:00:00Z'),
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      numberOfPeople: 12,
      records: 30,
      items,
      cause: '原因',
      measures: '対策',
      notifiedPeople: 12,
      notificationStartedAt: null,
      notificationCompletedAt: null,
      stopUseOrderId: null,
      generatedAt: new Date('2026-12-02T00:00:00Z'),
    });
    expect(report).toMatchObject({
      numberOfPeople: 12,
      records: 30,
      cause: '原因',
      measures: '対策',
      responseToIndividuals: { notifiedPeople: 12 },
    });
    expect(Object.keys(report)).not.toEqual(expect.arrayContaining(['individuals', 'subjects']));
  });
});
