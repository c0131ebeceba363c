import { AddDeskStaffUseCase, ListDeskStaffUseCase } from '@infobank/rights';
import { withAdminContext } from '../admin-context';
import type { AdminCommand } from './admin-command';

/** The complaints desk's members (苦情相談窓口): they sign in at the ethics board's app with the role `staff`. */
export const STAFF_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'staff:add',
    usage:
      '--email E --password-file FILE --name S: add a complaints desk member (role staff, signs in at the ethics board); the same e-mail again prints the same id',
    options: ['email', 'password-file', 'name'],
    fields: { '/email': 'email', '/password': 'password-file', '/displayName': 'name' },
    run: (config, options) => {
      const command = { email: options.required('email'), password: options.secretFile('password-file'), name: options.required('name') };
      return withAdminContext(config, (app, ctx) => app.get(AddDeskStaffUseCase).execute(ctx, command));
    },
  },
  {
    name: 'staff:list',
    usage: 'list the complaints desk members (id, e-mail, name, disabled)',
    options: [],
    run: (config) => withAdminContext(config, (app, ctx) => app.get(ListDeskStaffUseCase).execute(ctx)),
  },
];
