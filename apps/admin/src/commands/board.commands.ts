import type { BoardRosterEntry, Expertise } from '@infobank/review';
import { withAdminContext } from '../admin-context';
import { listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

function renderRoster(members: BoardRosterEntry[]): string {
  return listTable(
    members,
    [
      ['id', (member) => member.id],
      ['name', (member) => member.name],
      ['expertise', (member) => member.expertise],
      ['external', (member) => (member.external ? 'yes' : 'no')],
      ['e-mail', (member) => member.email],
      ['status', (member) => (member.removed ? 'removed' : 'member')],
    ],
    'The board has no members yet (board:add-member adds one).',
  );
}

export const BOARD_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'board:add-member',
    usage: 'add a data ethics board member (signs in at the ethics board); the same profile again prints the same id',
    options: [
      { name: 'email', valueName: 'EMAIL', required: true, description: 'sign-in e-mail' },
      { name: 'password-file', valueName: 'FILE', required: true, description: 'a file whose first line is the password' },
      { name: 'name', valueName: 'TEXT', required: true, description: 'display name' },
      { name: 'expertise', valueName: 'FIELD', required: true, description: 'engineer, security, legal, data_ethics, consumer or media' },
      { name: 'external', type: 'boolean', description: 'an outside member (not bank staff); every quorum needs one' },
    ],
    fields: { '/email': 'email', '/password': 'password-file', '/name': 'name', '/expertise': 'expertise', '/external': 'external' },
    examples: ['board:add-member --email kimura@example.jp --password-file pw.txt --name "木村 公子" --expertise consumer --external'],
    run: async (config, options) => {
      const command = {
        email: options.required('email'),
        password: options.secretFile('password-file'),
        name: options.required('name'),
        expertise: options.required('expertise') as Expertise,
        external: options.flag('external'),
      };
      const { AddBoardMemberUseCase } = await import('@infobank/review');
      return withAdminContext(config, (app, ctx) => app.get(AddBoardMemberUseCase).execute(ctx, command));
    },
  },
  listingCommand({
    name: 'board:list',
    usage: 'the members of the data ethics board, removed ones included: name, expertise, external, e-mail, status',
    options: [],
    examples: ['board:list', 'board:list --json'],
    run: async (config) => {
      const { ListBoardRosterUseCase } = await import('@infobank/review');
      return withAdminContext(config, (app, ctx) => app.get(ListBoardRosterUseCase).execute(ctx));
    },
    render: renderRoster,
  }),
  {
    name: 'board:remove-member',
    usage:
      'remove a member from the board: their account is disabled at once (no sign-in, live tokens stop working); past votes and decisions stay',
    options: [{ name: 'member', valueName: 'ID', required: true, description: "the member's id (see board:list)" }],
    fields: { '/memberId': 'member' },
    run: async (config, options) => {
      const command = { memberId: options.required('member') };
      const { RemoveBoardMemberUseCase } = await import('@infobank/review');
      return withAdminContext(config, (app, ctx) => app.get(RemoveBoardMemberUseCase).execute(ctx, command));
    },
  },
];
