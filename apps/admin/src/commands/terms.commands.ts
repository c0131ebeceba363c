import {
  ListTermsUseCase,
  PublishTermsUseCase,
  RecordPaperAcceptanceUseCase,
  type ContractAudience,
  type TermsAudience,
} from '@infobank/rights';
import { withAdminContext } from '../admin-context';
import type { AdminCommand } from './admin-command';

export const TERMS_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'terms:publish',
    usage:
      '--audience individual|recipient|provider --version V --ja FILE --en FILE: publish a new version of the terms (individuals) or contract (organisations); it is current at once and never changes; the same texts again print the same version',
    options: ['audience', 'version', 'ja', 'en'],
    fields: { '/audience': 'audience', '/version': 'version', '/ja': 'ja', '/en': 'en' },
    run: (config, options) => {
      const text = {
        audience: options.required('audience') as TermsAudience,
        version: options.required('version'),
        ja: options.textFile('ja'),
        en: options.textFile('en'),
      };
      return withAdminContext(config, (app, ctx) => app.get(PublishTermsUseCase).execute(ctx, text));
    },
  },
  {
    name: 'terms:list',
    usage:
      '[--audience individual|recipient|provider]: every published version, newest first per audience (the first is current), without texts',
    options: ['audience'],
    fields: { '/audience': 'audience' },
    run: (config, options) => {
      const audience = options.optional('audience') as TermsAudience | undefined;
      return withAdminContext(config, (app, ctx) => app.get(ListTermsUseCase).execute(ctx, { audience }));
    },
  },
  {
    name: 'terms:record-acceptance',
    usage:
      '--organisation ID --audience recipient|provider --version V [--signed-at ISO-TIME]: record that an organisation accepted the current contract on paper (signed copy kept by the bank)',
    options: ['organisation', 'audience', 'version', 'signed-at'],
    fields: { '/organisationId': 'organisation', '/audience': 'audience', '/version': 'version', '/signedAt': 'signed-at' },
    run: (config, options) => {
      const command = {
        organisationId: options.required('organisation'),
        audience: options.required('audience') as ContractAudience,
        version: options.required('version'),
        signedAt: options.optional('signed-at'),
      };
      return withAdminContext(config, (app, ctx) => app.get(RecordPaperAcceptanceUseCase).execute(ctx, command));
    },
  },
];
