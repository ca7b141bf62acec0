/**
 * The allowed directions between the parts of the code base, checked by `npm run lint`.
 *
 * - A lib reaches another lib only through its index (`#platform`, `#identity`, ...), and only in
 *   the direction of LIB_DEPENDENCIES: features depend on platform and identity, never the other
 *   way round, and no cycle between libs.
 * - apps/, bench/, seeds/ and test/ use libs through their indexes too; nothing outside a lib
 *   imports its internals by relative path.
 * - libs never import apps/, bench/, seeds/ or test/; apps never import bench/ or test/.
 */
const LIB_DEPENDENCIES = {
  platform: [],
  identity: ['platform'],
  calls: ['identity', 'platform'],
  notifications: ['identity', 'platform'],
  applications: ['calls', 'identity', 'notifications', 'platform'],
  reviews: ['applications', 'calls', 'identity', 'notifications', 'platform'],
  // Proposal documents: requirements per call, uploaded versions, their part of each frozen submission.
  documents: ['applications', 'calls', 'identity', 'platform'],
  reporting: ['calls', 'identity', 'platform', 'reviews'],
  // Call forms: the questions of each call, their JSON Schema, the answers of each proposal.
  forms: ['applications', 'calls', 'documents', 'identity', 'platform'],
  // The schema gathers every feature's entities and the migrations.
  schema: ['applications', 'calls', 'documents', 'forms', 'identity', 'notifications', 'platform', 'reviews'],
  // Development and operations tools (migration generator, streaming replicas): never loaded by a running service.
  tooling: ['platform'],
};

const libDirections = Object.entries(LIB_DEPENDENCIES).map(([lib, allowed]) => ({
  name: `lib-direction-${lib}`,
  comment: `libs/${lib} may use only: ${allowed.join(', ') || 'no other lib'}`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: '^libs/([^/]+)/', pathNot: [`^libs/${lib}/`, ...allowed.map((other) => `^libs/${other}/`)] },
}));

module.exports = {
  forbidden: [
    ...libDirections,
    {
      name: 'lib-internals',
      comment: "Another lib's internals are reached only through its index (#name).",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'outside-into-lib-internals',
      comment: 'apps, bench, seeds and tests use a lib through its index (#name), never its files.',
      severity: 'error',
      from: { path: '^(apps|bench|seeds|test)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-stand-alone',
      comment: "libs do not depend on the apps, the benchmark, the seeds or the tests (a lib's own specs may use test fixtures).",
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(apps|bench|seeds|test)/' },
    },
    {
      name: 'apps-not-on-tooling',
      comment: 'Running code does not depend on the benchmark or the tests.',
      severity: 'error',
      from: { path: '^(apps|seeds)/' },
      to: { path: '^(bench|test)/' },
    },
    {
      name: 'runtime-not-on-tooling',
      comment: 'The api, the worker and the seeds they load never reach the development tools (#tooling).',
      severity: 'error',
      from: { path: '^(apps/api|apps/worker|seeds)/' },
      to: { path: '^libs/tooling/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|apps/web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // `#platform` and the like resolve to the TypeScript sources, as for the type-checker.
      conditionNames: ['source', 'import', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
