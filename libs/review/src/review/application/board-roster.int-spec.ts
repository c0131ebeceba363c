import { AccountStore, CreateAccountUseCase, PasswordHasher } from '@infobank/identity';
import { createRequestContext, Transactions } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import { AddBoardMemberUseCase } from './add-board-member.use-case';
import { ListBoardRosterUseCase, RemoveBoardMemberUseCase } from './board-roster.use-cases';

describe('the board roster and removing a member over Postgres (operator only)', () => {
  const operator = createRequestContext({ type: 'operator', name: 'test' });
  let dataSource: DataSource;
  let addMember: AddBoardMemberUseCase;
  let roster: ListBoardRosterUseCase;
  let remove: RemoveBoardMemberUseCase;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const members = new BoardMemberStore(dataSource);
    const accounts = new AccountStore(dataSource);
    const transactions = new Transactions(dataSource);
    addMember = new AddBoardMemberUseCase(
      transactions,
      members,
      new CreateAccountUseCase(transactions, accounts, new PasswordHasher(testConfig())),
    );
    roster = new ListBoardRosterUseCase(members, accounts);
    remove = new RemoveBoardMemberUseCase(transactions, members, accounts);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('disables the removed member’s account at the context’s time, lists them as removed, and keeps their profile', async () => {
    const email = `roster.${randomUUID()}@example.jp`;
    const { id } = await addMember.execute(operator, {
      email,
      password: 'board member passphrase',
      name: '中村 名簿',
      expertise: 'media',
      external: true,
    });
    const at = new Date('2026-12-01T09:00:00Z');
    expect(await remove.execute({ ...operator, now: () => at }, { memberId: id })).toEqual({ id, removed: true });
    const [account] = await dataSource.query('SELECT disabled_at FROM accounts WHERE id = $1', [id]);
    expect(account.disabled_at).toEqual(at);
    expect(await roster.execute(operator)).toContainEqual({
      id,
      name: '中村 名簿',
      expertise: 'media',
      external: true,
      email,
      removed: true,
    });
  });

  it('refuses anyone but the bank’s operator and processes, and a member id that is not a UUID', async () => {
    const member = createRequestContext({ type: 'board_member', id: randomUUID() });
    await expect(roster.execute(member)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(remove.execute(member, { memberId: randomUUID() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(remove.execute(operator, { memberId: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: '/memberId' })],
    });
  });
});
