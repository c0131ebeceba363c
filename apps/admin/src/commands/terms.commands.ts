import type { ContractAudience, TermsAudience, TermsVersionSummary } from '@infobank/rights';
import { withAdminContext } from '../admin-context';
import { listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

const AUDIENCE = {
  name: 'audience',
  valueName: 'AUDIENCE',
  required: true,
  description: 'individual (terms), recipient or provider (contracts)',
} as const;

export const TERMS_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'terms:publish',
    usage:
      'publish a new version of the terms (individuals) or contract (organisations); it is current at once and never changes; the same texts again print the same version',
    options: [
      AUDIENCE,
      { name: 'version', valueName: 'V', required: true, description: 'the version label, e.g. 2026-12' },
      { name: 'ja', valueName: 'FILE', required: true, description: 'the Japanese text (UTF-8)' },
      { name: 'en', valueName: 'FILE', required: true, description: 'the English text (UTF-8)' },
    ],
    examples: ['terms:publish --audience individual --version 2026-12 --ja terms.ja.txt --en terms.en.txt'],
    fields: { '/audience': 'audience', '/version': 'version', '/ja': 'ja', '/en': 'en' },
    run: async (config, options) => {
      const text = {
        audience: options.required('audience') as TermsAudience,
        version: options.required('version'),
        ja: options.textFile('ja'),
        en: options.textFile('en'),
      };
      const { PublishTermsUseCase } = await import('@infobank/rights');
      return withAdminContext(config, (app, ctx) => app.get(PublishTermsUseCase).execute(ctx, text));
    },
  },
  listingCommand({
    name: 'terms:list',
    usage: 'every published version, newest first per audience (the first is current), without texts',
    options: [{ ...AUDIENCE, required: false, description: 'only this audience (individual, recipient or provider)' }],
    fields: { '/audience': 'audience' },
    run: async (config, options) => {
      const audience = options.optional('audience') as TermsAudience | undefined;
      const { ListTermsUseCase } = await import('@infobank/rights');
      return withAdminContext(config, (app, ctx) => app.get(ListTermsUseCase).execute(ctx, { audience }));
    },
    render: (versions: TermsVersionSummary[]) =>
      listTable(
        versions,
        [
          ['audience', (version) => version.audience],
          ['version', (version) => version.version],
          ['published', (version) => version.publishedAt],
          ['characters ja/en', (version) => `${version.characters.ja}/${version.characters.en}`],
        ],
        'No terms published yet (terms:publish publishes a version).',
      ),
  }),
  {
    name: 'terms:record-acceptance',
    usage: 'record that an organisation accepted the current contract on paper (signed copy kept by the bank)',
    options: [
      { name: 'organisation', valueName: 'ID', required: true, description: "the organisation's id" },
      { ...AUDIENCE, description: 'recipient or provider' },
      { name: 'version', valueName: 'V', required: true, description: 'the contract version signed' },
      { name: 'signed-at', valueName: 'ISO-TIME', description: 'when it was signed (default: now)' },
    ],
    fields: { '/organisationId': 'organisation', '/audience': 'audience', '/version': 'version', '/signedAt': 'signed-at' },
    run: async (config, options) => {
      const command = {
        organisationId: options.required('organisation'),
        audience: options.required('audience') as ContractAudience,
        version: options.required('version'),
        signedAt: options.optional('signed-at'),
      };
      const { RecordPaperAcceptanceUseCase } = await import('@infobank/rights');
      return withAdminContext(config, (app, ctx) => app.get(RecordPaperAcceptanceUseCase).execute(ctx, command));
    },
  },
];
