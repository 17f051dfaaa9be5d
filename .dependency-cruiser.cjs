/**
 * The dependency rules of the code base, checked by test/unit/architecture.test.ts and
 * `npm run lint:deps`. Type-only imports count: a cycle through types is still a cycle to read.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Every module can be read before the ones that import it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schemas-do-not-import-core',
      comment: 'Contracts (config, events, messages) are the vocabulary the core is written in, never the reverse.',
      severity: 'error',
      from: { path: '^lambdas/schemas/' },
      to: { path: ['^lambdas/(core|ports|adapters|handlers)/', '^(local|tools|lib|bench|test|cli)/'] },
    },
    {
      name: 'core-is-pure',
      comment: 'The core takes ports in and gives values out: no adapters, handlers, AWS SDK, Powertools, local runtime or tools.',
      severity: 'error',
      from: { path: '^lambdas/core/' },
      to: { path: ['^lambdas/(adapters|handlers)/', '^(local|tools|lib|bench|test|cli)/', '@aws-sdk', '@aws-lambda-powertools', 'aws-cdk-lib'] },
    },
    {
      name: 'ports-depend-on-domain-types-only',
      comment: 'Ports are the interfaces adapters implement; they name domain types and nothing that implements them.',
      severity: 'error',
      from: { path: '^lambdas/ports/' },
      to: { path: ['^lambdas/(adapters|handlers)/', '^(local|tools|lib|bench|test|cli)/', 'node_modules'] },
    },
    {
      name: 'functions-do-not-import-the-local-runtime-or-the-tools',
      comment: 'What is deployed (schemas, core, ports, adapters, handlers) never bundles the emulators (local/) or the operator, developer and client tools (tools/).',
      severity: 'error',
      from: { path: '^lambdas/' },
      to: { path: '^(local|tools|lib|bench|test|cli)/' },
    },
    {
      name: 'the-runtime-does-not-import-the-tools',
      comment: 'The local runtime (what `npm start` runs) and the stack stand on their own; the tools use them, never the reverse.',
      severity: 'error',
      from: { path: '^(local|lib)/' },
      to: { path: '^tools/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
