import {
  disclosureDueAt,
  disclosureExpiresAt,
  DISCLOSURE_SECTIONS,
  isInProgress,
  isOverdue,
  mayBuild,
  parseDisclosureOrder,
} from './disclosure';

const DAY = 24 * 3600 * 1000;

describe('a disclosure request (開示請求)', () => {
  describe('given a request body', () => {
    it('reads "all" as every section, in bundle order', () => {
      expect(parseDisclosureOrder({ scope: 'all', format: 'json' })).toEqual({ sections: [...DISCLOSURE_SECTIONS], format: 'json' });
    });

    it('keeps the sections asked for, in bundle order whatever order they came in', () => {
      expect(parseDisclosureOrder({ scope: ['notices', 'profile', 'records'], format: 'csv' })).toEqual({
        sections: ['profile', 'records', 'notices'],
        format: 'csv',
      });
    });

    it.each([
      [{ scope: 'everything', format: 'json' }, ['/scope']],
      [{ scope: [], format: 'json' }, ['/scope']],
      [{ scope: ['records', 'diary', 7], format: 'json' }, ['/scope/1', '/scope/2']],
      [{ scope: ['records', 'records'], format: 'json' }, ['/scope/1']],
      [{ scope: 'all', format: 'xml' }, ['/format']],
      [{ scope: 'all' }, ['/format']],
      [{ format: 'json' }, ['/scope']],
      [{ scope: 'all', format: 'json', extra: true }, ['/extra']],
      [[], ['']],
      [null, ['']],
    ])('refuses %j, naming %j', (body, paths) => {
      const order = parseDisclosureOrder(body);
      expect('problems' in order && order.problems.map((problem) => problem.path)).toEqual(paths);
    });
  });

  describe('given when it was asked for', () => {
    const requestedAt = new Date('2026-12-01T00:00:00Z');

    it('is due DISCLOSURE_DUE_DAYS later, and its bundle is kept 7 days after it is ready', () => {
      expect(disclosureDueAt(requestedAt, 14).getTime() - requestedAt.getTime()).toBe(14 * DAY);
      expect(disclosureExpiresAt(requestedAt).getTime() - requestedAt.getTime()).toBe(7 * DAY);
    });

    it('is overdue when still not ready past its due date, or when it became ready after it', () => {
      const dueAt = disclosureDueAt(requestedAt, 14);
      const before = new Date(dueAt.getTime() - 1);
      const after = new Date(dueAt.getTime() + 1);
      expect(isOverdue({ dueAt, readyAt: null }, before)).toBe(false);
      expect(isOverdue({ dueAt, readyAt: null }, after)).toBe(true);
      expect(isOverdue({ dueAt, readyAt: before }, after)).toBe(false);
      expect(isOverdue({ dueAt, readyAt: after }, after)).toBe(true);
    });
  });

  it('is built only while requested or building, and blocks a second request only then', () => {
    expect((['requested', 'building', 'ready', 'expired'] as const).map((status) => [mayBuild(status), isInProgress(status)])).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
    ]);
  });
});
