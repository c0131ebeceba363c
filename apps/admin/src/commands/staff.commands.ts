import type { DeskStaffMember } from '@infobank/rights';
import { withAdminContext } from '../admin-context';
import { listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

/** The complaints desk's members (苦情相談窓口): they sign in at the ethics board's app with the role `staff`. */
export const STAFF_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'staff:add',
    usage: 'add a complaints desk member (role staff, signs in at the ethics board); the same e-mail again prints the same id',
    options: [
      { name: 'email', valueName: 'EMAIL', required: true, description: 'sign-in e-mail' },
      { name: 'password-file', valueName: 'FILE', required: true, description: 'a file whose first line is the password' },
      { name: 'name', valueName: 'TEXT', required: true, description: 'display name' },
    ],
    fields: { '/email': 'email', '/password': 'password-file', '/displayName': 'name' },
    run: async (config, options) => {
      const command = { email: options.required('email'), password: options.secretFile('password-file'), name: options.required('name') };
      const { AddDeskStaffUseCase } = await import('@infobank/rights');
      return withAdminContext(config, (app, ctx) => app.get(AddDeskStaffUseCase).execute(ctx, command));
    },
  },
  listingCommand({
    name: 'staff:list',
    usage: 'list the complaints desk members (id, e-mail, name, disabled)',
    options: [],
    run: async (config) => {
      const { ListDeskStaffUseCase } = await import('@infobank/rights');
      return withAdminContext(config, (app, ctx) => app.get(ListDeskStaffUseCase).execute(ctx));
    },
    render: (staff: DeskStaffMember[]) =>
      listTable(
        staff,
        [
          ['id', (member) => member.id],
          ['name', (member) => member.name],
          ['e-mail', (member) => member.email],
          ['status', (member) => (member.disabled ? 'disabled' : 'active')],
        ],
        'The complaints desk has no members yet (staff:add adds one).',
      ),
  }),
];
