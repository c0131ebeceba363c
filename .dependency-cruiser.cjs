/** Architecture rules checked by `npm run lint` (see docs/architecture.md §3); test/architecture proves each one fires. */
const { LIBRARY_RANKS, FRAMEWORK_PACKAGES, WEB_LIBRARIES, WEB_APPS, CLIENT_LIBRARIES } = require('./architecture.cjs');

const CLIENT_LIBRARY_PATHS = `^libs/(?:${CLIENT_LIBRARIES.join('|')})/`;

const WEB_LIBRARY_PATHS = `^libs/(?:${WEB_LIBRARIES.join('|')})/`;
const WEB_CODE = `^(?:apps/(?:${WEB_APPS.join('|')})|libs/(?:${WEB_LIBRARIES.join('|')}))/`;

/** Any `domain/` folder at any depth inside a library; group 1 is the library. */
const LIBRARY_DOMAIN = '^libs/([^/]+)/src/(?:.*/|)domain/';

const FRAMEWORKS = `node_modules/(?:${FRAMEWORK_PACKAGES.map((name) => name.replace(/[.]/g, '\\.')).join('|')})/`;

/** One rule per library: it may import only the libraries ranked below it. */
const libraryRankRules = LIBRARY_RANKS.slice(0, -1).map((library, rank) => ({
  name: 'libraries-import-only-lower-ranks',
  severity: 'error',
  comment: `${library} (rank ${rank}) imports only libraries ranked below it: ${LIBRARY_RANKS.slice(0, rank).join(', ') || 'none'}.`,
  from: { path: `^libs/${library}/` },
  to: { path: `^libs/(?:${LIBRARY_RANKS.slice(rank + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle means two contexts want one concept.', from: {}, to: { circular: true } },
    { name: 'libs-never-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'apps-never-import-other-apps',
      severity: 'error',
      comment: 'Each app is its own process; what two apps share belongs in a library.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'apps-use-public-surfaces',
      severity: 'error',
      comment: 'Apps import a library through @infobank/<lib> (its index.ts) only.',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-use-each-others-public-surfaces',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    ...libraryRankRules,
    {
      name: 'libraries-have-a-rank',
      severity: 'error',
      comment: 'Every library takes its place in LIBRARY_RANKS (architecture.cjs) before it imports anything.',
      from: { path: '^libs/', pathNot: `^libs/(?:${[...LIBRARY_RANKS, ...WEB_LIBRARIES, ...CLIENT_LIBRARIES].join('|')})/` },
      to: {},
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ folders (at any depth) are plain TypeScript: no Nest, Fastify, TypeORM, pg, jose, BullMQ or Redis.',
      from: { path: '(?:^|/)domain/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        'From its own library, domain code imports only domain code: never its application, infrastructure, module, entities or errors.',
      from: { path: LIBRARY_DOMAIN },
      to: { path: '^libs/$1/', pathNot: LIBRARY_DOMAIN.replace('([^/]+)', '$1') },
    },
    {
      name: 'only-crypto-imports-jose',
      severity: 'error',
      comment: 'The bank signs and verifies in libs/crypto; the browser verifies proofs in libs/web-ui; tests play organisations.',
      from: { pathNot: `^(?:libs/crypto/|test/|${WEB_CODE.slice(1)}|${CLIENT_LIBRARY_PATHS.slice(1)})` },
      to: { path: 'node_modules/jose/' },
    },
    {
      name: 'only-web-apps-import-web-libraries',
      severity: 'error',
      comment: 'Web libraries are browser-only: server apps and libraries never import them.',
      from: { path: '^(?:apps|libs)/', pathNot: WEB_CODE },
      to: { path: WEB_LIBRARY_PATHS },
    },
    {
      name: 'web-code-imports-no-server-code',
      severity: 'error',
      comment: 'Web apps and web libraries run in the browser: they import no server library.',
      from: { path: WEB_CODE },
      to: { path: '^libs/', pathNot: WEB_LIBRARY_PATHS },
    },
    {
      name: 'client-libraries-depend-on-jose-only',
      severity: 'error',
      comment: 'The SDK is published on its own: it imports jose and Node.js built-ins, never Nest or another library.',
      from: { path: CLIENT_LIBRARY_PATHS },
      to: { path: '^(?:apps/|libs/|node_modules/)', pathNot: [CLIENT_LIBRARY_PATHS, 'node_modules/jose/'] },
    },
    {
      name: 'only-tests-import-client-libraries',
      severity: 'error',
      comment: 'The SDK is for organisations; the bank itself never uses it (tests play organisations with it).',
      from: { path: '^(?:apps|libs)/', pathNot: CLIENT_LIBRARY_PATHS },
      to: { path: CLIENT_LIBRARY_PATHS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // test/architecture/fixtures break every rule on purpose; the architecture spec cruises them on their own.
    exclude: {
      path: '(^dist/|^libs/[^/]+/dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|^test/architecture/fixtures/|^test/architecture/layer-fixtures/)',
    },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
