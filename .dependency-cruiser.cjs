/**
 * The dependency rules of the code base (docs/ARCHITECTURE.md, "Dependency rules"), checked by
 * `npm run lint` (`depcruise`). Each rule says what the layout promises; a violation names the
 * file and the import that breaks it.
 */
/** The server's composition root: the files that put platform and modules together. */
const SERVER_ROOT = '^apps/server/src/(app|modules|repositories|server|index|main|config)\\.ts$';
const TESTS = '(\\.test\\.tsx?$|/testing/|/e2e/|fuzz-generators\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycle anywhere: a cycle makes two modules one, and their load order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-no-io',
      severity: 'error',
      comment: 'The engine is pure computation: no Node built-in, no database, HTTP or file library, no other workspace.',
      from: { path: '^packages/engine/src/', pathNot: TESTS },
      to: {
        pathNot: ['^packages/engine/src/', 'node_modules/(zod|proj4|highs)/'],
      },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      comment:
        'Platform code (HTTP, database, access, audit) serves every module and depends on none of them, nor on the composition root.',
      from: { path: '^apps/server/src/platform/', pathNot: TESTS },
      to: { path: ['^apps/server/src/modules/', SERVER_ROOT] },
    },
    {
      name: 'modules-through-their-index',
      severity: 'error',
      comment: "A module uses another only through its public interface, the other module's index.ts.",
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'modules-not-the-root',
      severity: 'error',
      comment: 'Modules do not import the composition root (app, module list); only tests build a whole app.',
      from: { path: '^apps/server/src/modules/', pathNot: TESTS },
      to: { path: SERVER_ROOT },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP only: it never imports server or CLI code (its end-to-end tests start a server).',
      from: { path: '^apps/web/src/', pathNot: '\\.e2e\\.test\\.ts$' },
      to: { path: ['^apps/server/', '^apps/cli/', 'node_modules/@boucles/(server|cli)'] },
    },
    {
      name: 'web-shared-knows-no-module',
      severity: 'error',
      comment: "The web app's shared layers (ui, api) serve every module and depend on none.",
      from: { path: '^apps/web/src/(ui|api)/' },
      to: { path: '^apps/web/src/modules/' },
    },
    {
      name: 'web-modules-through-their-index',
      severity: 'error',
      comment: "A web module uses another only through that module's index.ts.",
      from: { path: '^apps/web/src/modules/([^/]+)/' },
      to: {
        path: '^apps/web/src/modules/',
        pathNot: ['^apps/web/src/modules/$1/', '^apps/web/src/modules/[^/]+/index\\.tsx?$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-test|node_modules)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
  },
};
