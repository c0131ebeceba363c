import type { OrganisationDetails, OrganisationRole, OrganisationSummary } from '@infobank/catalog';
import type { JWK } from '@infobank/crypto';
import { withAdminContext } from '../admin-context';
import { CliUsageError, type CommandOptions } from '../cli-arguments';
import { detailsTable, listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

/** Reads a signing key set: a JWKS (`{ "keys": [...] }`), an array of JWKs, or one JWK. */
function signingKeys(options: CommandOptions): JWK[] {
  const content = options.jsonFile('signing-jwks');
  if (Array.isArray(content)) return content as JWK[];
  if (typeof content === 'object' && content !== null && Array.isArray((content as { keys?: unknown }).keys)) {
    return (content as { keys: JWK[] }).keys;
  }
  if (typeof content === 'object' && content !== null && 'kty' in content) return [content as JWK];
  throw new CliUsageError('--signing-jwks: the file must hold a JWK Set ({ "keys": [...] }), an array of JWKs or one JWK');
}

function oneKey(options: CommandOptions, name: string): JWK {
  const content = options.jsonFile(name);
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new CliUsageError(`--${name}: the file must hold one JWK (a JSON object)`);
  }
  return content as JWK;
}

const ORG = { name: 'org', valueName: 'ID', required: true, description: "the organisation's id (see org:list)" } as const;

function renderList(organisations: OrganisationSummary[]): string {
  return listTable(
    organisations,
    [
      ['id', (o) => o.id],
      ['法人番号', (o) => o.corporateNumber],
      ['name', (o) => o.name.ja],
      ['roles', (o) => o.roles],
      ['status', (o) => o.status],
      ['enc. key', (o) => (o.hasEncryptionKey ? 'yes' : 'no')],
      ['webhook', (o) => (o.hasWebhook ? 'yes' : 'no')],
    ],
    'No organisations registered yet (org:create registers one).',
  );
}

function renderDetails(organisation: OrganisationDetails): string {
  const keys = organisation.signingKeys.map(
    (key) => `${key.kid ?? '(no kid)'} ${key.alg ?? key.kty}${key.crv ? `/${key.crv}` : ''} added ${key.addedAt}`,
  );
  const encryption = organisation.encryptionKey;
  return detailsTable([
    ['id', organisation.id],
    ['法人番号', organisation.corporateNumber],
    ['name (ja)', organisation.name.ja],
    ['name (en)', organisation.name.en],
    ['country', organisation.country],
    ['roles', organisation.roles],
    ['status', organisation.status],
    ['contract', organisation.termsVersion],
    ['signing keys', keys.join('\n                ')],
    [
      'encryption key',
      encryption === null ? null : `${encryption.kid ?? '(no kid)'} ${encryption.kty}${encryption.crv ? `/${encryption.crv}` : ''}`,
    ],
    ['webhook', organisation.webhookUrl ?? 'none (pulls notices)'],
    ['registered', organisation.createdAt],
    ['updated', organisation.updatedAt],
  ]);
}

export const ORGANISATION_COMMANDS: readonly AdminCommand[] = [
  listingCommand({
    name: 'org:list',
    usage: 'every registered provider and recipient: id, 法人番号, name, roles, status, whether it has an encryption key and a webhook',
    options: [],
    examples: ['org:list', 'org:list --json'],
    run: async (config) => {
      const { ListOrganisationsUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(ListOrganisationsUseCase).execute(ctx));
    },
    render: renderList,
  }),
  listingCommand({
    name: 'org:show',
    usage: 'one organisation in full: its signing keys (kid, algorithm), encryption key, webhook and contract version',
    options: [ORG],
    fields: { '/organisationId': 'org' },
    run: async (config, options) => {
      const command = { organisationId: options.required('org') };
      const { GetOrganisationUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(GetOrganisationUseCase).execute(ctx, command));
    },
    render: renderDetails,
  }),
  {
    name: 'org:create',
    usage: 'register a provider and/or recipient with its public keys; the same details again print the same id',
    options: [
      { name: 'corporate-number', valueName: 'N', required: true, description: '法人番号, 13 digits with a valid check digit' },
      { name: 'name-ja', valueName: 'TEXT', required: true, description: 'name in Japanese' },
      { name: 'name-en', valueName: 'TEXT', description: 'name in English' },
      { name: 'country', valueName: 'CC', required: true, description: 'ISO 3166-1 alpha-2 country, e.g. JP' },
      { name: 'roles', valueName: 'LIST', required: true, description: 'provider, recipient or provider,recipient' },
      {
        name: 'signing-jwks',
        valueName: 'FILE',
        required: true,
        description: 'public signing keys: a JWK Set, an array of JWKs or one JWK',
      },
      { name: 'encryption-jwk', valueName: 'FILE', description: 'public X25519 or P-256 key packages are encrypted to' },
      { name: 'webhook-url', valueName: 'URL', description: 'https URL notices are posted to' },
      { name: 'terms-version', valueName: 'V', required: true, description: 'the contract version it accepted' },
    ],
    fields: {
      '/corporateNumber': 'corporate-number',
      '/name/ja': 'name-ja',
      '/name/en': 'name-en',
      '/name': 'name-ja',
      '/country': 'country',
      '/roles': 'roles',
      '/signingKeys': 'signing-jwks',
      '/encryptionKey': 'encryption-jwk',
      '/webhookUrl': 'webhook-url',
      '/termsVersion': 'terms-version',
    },
    examples: [
      'org:create --corporate-number 9700110000001 --name-ja さくらマート株式会社 --country JP --roles recipient --signing-jwks jwks.json --terms-version 2026-04',
    ],
    run: async (config, options) => {
      const nameEn = options.optional('name-en');
      const command = {
        corporateNumber: options.required('corporate-number'),
        name: { ja: options.required('name-ja'), ...(nameEn === undefined ? {} : { en: nameEn }) },
        country: options.required('country'),
        roles: options.list('roles') as OrganisationRole[],
        signingKeys: signingKeys(options),
        encryptionKey: options.optional('encryption-jwk') === undefined ? undefined : oneKey(options, 'encryption-jwk'),
        webhookUrl: options.optional('webhook-url'),
        termsVersion: options.required('terms-version'),
      };
      const { CreateOrganisationUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(CreateOrganisationUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:add-key',
    usage: 'register another public signing key (rotation: add the new, then remove the old)',
    options: [
      ORG,
      { name: 'jwk', valueName: 'FILE', required: true, description: 'the public signing JWK (EdDSA, ES256 or PS256, with a kid)' },
    ],
    fields: { '/organisationId': 'org', '/jwk': 'jwk' },
    run: async (config, options) => {
      const command = { organisationId: options.required('org'), jwk: oneKey(options, 'jwk') };
      const { AddSigningKeyUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(AddSigningKeyUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:remove-key',
    usage: 'stop accepting a signing key (the last one cannot be removed)',
    options: [ORG, { name: 'kid', valueName: 'KID', required: true, description: 'the key id (see org:show)' }],
    fields: { '/organisationId': 'org', '/kid': 'kid' },
    run: async (config, options) => {
      const command = { organisationId: options.required('org'), kid: options.required('kid') };
      const { RemoveSigningKeyUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(RemoveSigningKeyUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:set-encryption-key',
    usage: 'replace the public key packages are encrypted to (packages built from now on use it); the same key again changes nothing',
    options: [ORG, { name: 'jwk', valueName: 'FILE', required: true, description: 'the public X25519 or P-256 JWK' }],
    fields: { '/organisationId': 'org', '/jwk': 'jwk' },
    run: async (config, options) => {
      const command = { organisationId: options.required('org'), jwk: oneKey(options, 'jwk') };
      const { SetEncryptionKeyUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(SetEncryptionKeyUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:set-webhook',
    usage: 'set the https URL notices are posted to, or --clear it (the organisation then pulls its notices)',
    options: [
      ORG,
      { name: 'url', valueName: 'URL', description: 'the https URL (checked as at registration)' },
      { name: 'clear', type: 'boolean', description: 'remove the webhook' },
    ],
    fields: { '/organisationId': 'org', '/webhookUrl': 'url' },
    examples: ['org:set-webhook --org ID --url https://hooks.example.jp/infobank', 'org:set-webhook --org ID --clear'],
    run: async (config, options) => {
      const url = options.optional('url');
      const clear = options.flag('clear');
      if ((url === undefined) === !clear) throw new CliUsageError('org:set-webhook needs either --url URL or --clear (not both)');
      const command = { organisationId: options.required('org'), webhookUrl: clear ? null : (url as string) };
      const { SetWebhookUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(SetWebhookUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:suspend',
    usage: 'no new tokens, and its live tokens stop working at once',
    options: [ORG],
    fields: { '/organisationId': 'org' },
    run: async (config, options) => {
      const command = { organisationId: options.required('org') };
      const { SuspendOrganisationUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(SuspendOrganisationUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:activate',
    usage: 'lift a suspension',
    options: [ORG],
    fields: { '/organisationId': 'org' },
    run: async (config, options) => {
      const command = { organisationId: options.required('org') };
      const { ActivateOrganisationUseCase } = await import('@infobank/catalog');
      return withAdminContext(config, (app, ctx) => app.get(ActivateOrganisationUseCase).execute(ctx, command));
    },
  },
];
