import { AddBoardMemberUseCase, type Expertise } from '@infobank/review';
import { withAdminContext } from '../admin-context';
import type { AdminCommand } from './admin-command';

export const BOARD_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'board:add-member',
    usage:
      '--email E --password-file FILE --name S --expertise engineer|security|legal|data_ethics|consumer|media [--external]: add a data ethics board member; the same profile again prints the same id',
    options: ['email', 'password-file', 'name', 'expertise', 'external'],
    fields: { '/email': 'email', '/password': 'password-file', '/name': 'name', '/expertise': 'expertise', '/external': 'external' },
    run: (config, options) => {
      const command = {
        email: options.required('email'),
        password: options.secretFile('password-file'),
        name: options.required('name'),
        expertise: options.required('expertise') as Expertise,
        external: options.flag('external'),
      };
      return withAdminContext(config, (app, ctx) => app.get(AddBoardMemberUseCase).execute(ctx, command));
    },
  },
];
