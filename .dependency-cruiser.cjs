/** The dependency rule (docs/adr/0002-layers-and-dependency-rule.md), checked in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports only src/domain: no frameworks, drivers, node built-ins or other layers.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'application-depends-on-domain-only',
      comment: 'src/application may use the domain, its own ports and node built-ins, never adapters or edges.',
      severity: 'error',
      from: { path: '^src/application' },
      to: { path: '^src/(infrastructure|interfaces|main)' },
    },
    {
      name: 'application-no-frameworks',
      severity: 'error',
      from: { path: '^src/application' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'interfaces-do-not-reach-infrastructure',
      comment: 'Edges reach aggregates through application handlers; only the composition root wires adapters.',
      severity: 'error',
      from: { path: '^src/interfaces' },
      to: { path: '^src/(infrastructure|main)' },
    },
    {
      name: 'infrastructure-does-not-reach-edges',
      severity: 'error',
      from: { path: '^src/infrastructure' },
      to: { path: '^src/(interfaces|main)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist' },
  },
};
