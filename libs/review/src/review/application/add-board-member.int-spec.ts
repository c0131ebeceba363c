import { AccountStore, CreateAccountUseCase, PasswordHasher } from '@infobank/identity';
import { createRequestContext, Transactions } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import { AddBoardMemberUseCase, type AddBoardMemberCommand } from './add-board-member.use-case';
import { ListBoardMembersUseCase } from './list-board-members.use-case';
import { rejection } from '../../../../../test/support/refusals';

describe('adding board members over Postgres', () => {
  const ctx = createRequestContext({ type: 'operator', name: 'test' });
  let dataSource: DataSource;
  let addMember: AddBoardMemberUseCase;
  let listMembers: ListBoardMembersUseCase;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const members = new BoardMemberStore(dataSource);
    addMember = new AddBoardMemberUseCase(
      new Transactions(dataSource),
      members,
      new CreateAccountUseCase(new Transactions(dataSource), new AccountStore(dataSource), new PasswordHasher(testConfig())),
    );
    listMembers = new ListBoardMembersUseCase(members);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const command = (overrides: Partial<AddBoardMemberCommand> = {}): AddBoardMemberCommand => ({
    email: `member.${randomUUID()}@example.jp`,
    password: 'board member passphrase',
    name: '高橋 消費者',
    expertise: 'consumer',
    external: true,
    ...overrides,
  });

  const storedHash = async (id: string): Promise<string> =>
    (await dataSource.query(`SELECT password_hash FROM accounts WHERE id = $1`, [id]))[0].password_hash;

  it('creates a board_member account and its profile under one id', async () => {
    const wanted = command();
    const { id } = await addMember.execute(ctx, wanted);
    const [account] = await dataSource.query(`SELECT kind, email, display_name, language FROM accounts WHERE id = $1`, [id]);
    expect(account).toEqual({ kind: 'board_member', email: wanted.email, display_name: '高橋 消費者', language: 'ja' });
    expect(await listMembers.execute(ctx)).toContainEqual({ id, name: '高橋 消費者', expertise: 'consumer', external: true });
  });

  it('is idempotent on the e-mail: the same member again returns the same id and keeps the password', async () => {
    const wanted = command();
    const { id } = await addMember.execute(ctx, wanted);
    const again = await addMember.execute(ctx, { ...wanted, email: wanted.email.toUpperCase(), password: 'a different passphrase' });
    expect(again.id).toBe(id);
    await expect(new PasswordHasher(testConfig()).verify('board member passphrase', await storedHash(id))).resolves.toBe(true);
  });

  it('elects one member when the same e-mail is added concurrently', async () => {
    const wanted = command();
    const results = await Promise.all([addMember.execute(ctx, wanted), addMember.execute(ctx, wanted)]);
    expect(results[0].id).toBe(results[1].id);
  });

  it('refuses the same e-mail with a different profile (BOARD_MEMBER_EXISTS) and changes nothing', async () => {
    const wanted = command();
    const { id } = await addMember.execute(ctx, wanted);
    const error = await rejection(addMember.execute(ctx, { ...wanted, expertise: 'media' }));
    expect(error.code).toBe('BOARD_MEMBER_EXISTS');
    expect(await listMembers.execute(ctx)).toContainEqual({ id, name: '高橋 消費者', expertise: 'consumer', external: true });
  });

  it('names every bad field at once and writes nothing', async () => {
    const wanted = command({ password: 'short', name: ' ', expertise: 'marketing' as never, external: 'yes' as never });
    const error = await rejection(addMember.execute(ctx, wanted));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors.map((problem) => problem.path)).toEqual(['/password', '/name', '/expertise', '/external']);
    expect(await dataSource.query(`SELECT id FROM accounts WHERE email = $1`, [wanted.email])).toEqual([]);
  });
});
