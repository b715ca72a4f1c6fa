// The boundaries of the code, checked by `npm run lint` (dependency-cruiser): layers, module faces, table owners.
// A violation fails with the rule's name. Imports that still break a rule are in `exceptions` below, each
// with its reason; the list only shrinks (issue 12).

/**
 * A module's public face: its index.ts. identity still has a second one, auth-index.ts (the services that
 * load better-auth, kept apart so the light face can be read without it); folding it into index.ts is
 * issue 12's next step.
 */
const moduleFace = '^src/modules/([^/]+/index|identity/auth-index)\\.ts$';

/** The layer rules and the module rules; `$1` in a `to` is the group matched in the `from` path. */
const rules = [
  {
    name: 'domain-is-pure',
    comment: 'src/domain holds pure rules: no database, modules, flows, HTTP, jobs or CLI.',
    from: { path: '^src/domain/' },
    to: { path: '^src/(db|modules|flows|http|jobs|cli)/' },
  },
  {
    name: 'db-below-modules',
    comment: 'src/db is the bottom layer: schema, migrations and the client know no module or use case.',
    from: { path: '^src/db/' },
    to: { path: '^src/(modules|flows|http|jobs|cli)/' },
  },
  {
    name: 'modules-below-flows',
    comment: 'A module imports no flow, route, job or command: those call modules, not the other way round.',
    from: { path: '^src/modules/' },
    to: { path: '^src/(flows|http|jobs|cli)/' },
  },
  {
    name: 'flows-below-http',
    comment:
      'A flow is a use case, callable from a route, a job or the CLI alike: it imports no HTTP or CLI code.',
    from: { path: '^src/flows/' },
    to: { path: '^src/(http|cli)/' },
  },
  {
    name: 'jobs-below-http',
    comment: 'Job handlers call modules and flows, never routes.',
    from: { path: '^src/jobs/' },
    to: { path: '^src/(http|cli)/' },
  },
  {
    name: 'web-apart-from-server',
    comment:
      'The web app talks to the server over HTTP only; its types come from the generated OpenAPI client. The one shared source is the form rules (src/domain/forms and the zod issue messages), pure code both sides validate with, so a form says what the server would.',
    from: { path: '^web/' },
    to: { path: '^src/', pathNot: '^src/domain/(forms/|validation\\.ts$)' },
  },
  {
    name: 'module-through-index',
    comment: 'Another module is reached only through its index.ts, its whole public surface.',
    from: { path: '^src/modules/([^/]+)/' },
    to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', moduleFace] },
  },
  {
    name: 'module-through-index',
    comment: 'Routes, flows, jobs and the CLI reach a module only through its index.ts.',
    from: { path: '^src/', pathNot: '^src/modules/' },
    to: { path: '^src/modules/[^/]+/', pathNot: [moduleFace] },
  },
  {
    name: 'table-owned-by-module',
    comment:
      "A module imports only its own schema file (src/db/schema/<module>.ts): other tables are another module's.",
    from: { path: '^src/modules/([^/]+)/' },
    to: { path: '^src/db/schema/', pathNot: '^src/db/schema/$1\\.ts$' },
  },
  {
    name: 'table-owned-by-module',
    comment:
      'Only the owning module and src/db import a schema file: flows, routes, jobs and the CLI call services.',
    from: { path: '^src/', pathNot: '^src/(modules|db)/' },
    to: { path: '^src/db/schema/' },
  },
];

/**
 * Imports that break a rule today, each with its reason and the issue that removes it. Write the exact
 * file paths; the rule keeps applying to every other import of the same file.
 */
const exceptions = [
  {
    rule: 'table-owned-by-module',
    from: 'src/modules/identity/lockout-counters.ts',
    to: 'src/db/schema/operators.ts',
    reason:
      "the member and operator lockouts share these counters; the operators' table comes in through operators once the lockout is one mechanism (issue 12)",
  },
  ...['src/modules/identity/resend-sign-in-code.ts', 'src/modules/identity/get-member-record.ts'].map(
    (from) => ({
      rule: 'table-owned-by-module',
      from,
      to: 'src/db/schema/audit.ts',
      reason:
        'reads audit_log for the sign-in history and the code resend limit; audit needs a read service (issue 12)',
    }),
  ),
  ...[
    'src/modules/billing/close-billing-month.ts',
    'src/modules/billing/close-run-view.ts',
    'src/modules/billing/get-invoice.ts',
    'src/modules/billing/invoice-view.ts',
    'src/modules/billing/ledger-balance.ts',
    'src/modules/billing/search-invoices.ts',
  ].map((from) => ({
    rule: 'table-owned-by-module',
    from,
    to: 'src/db/schema/invoices.ts',
    reason:
      "billing's invoice tables live in their own schema file beside the billing profiles' while both are built at once; one schema file per module again when they merge (issue 15)",
  })),
];

/** Each rule, and for each file with exceptions a copy that lets through only the listed imports. */
function withExceptions(rule) {
  const own = exceptions.filter((e) => e.rule === rule.name && new RegExp(rule.from.path).test(e.from));
  if (own.length === 0) return [rule];
  const exact = (path) => `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  const files = [...new Set(own.map((e) => e.from))];
  const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const general = {
    ...rule,
    from: { ...rule.from, pathNot: [...list(rule.from.pathNot), ...files.map(exact)] },
  };
  const perFile = files.map((file) => ({
    ...rule,
    from: { ...rule.from, path: exact(file) },
    to: {
      ...rule.to,
      pathNot: [
        // `$1` refers to the rule's own group, which an exact path has no longer: resolve it here.
        ...list(rule.to.pathNot).map((p) =>
          p.replaceAll('$1', new RegExp(rule.from.path).exec(file)?.[1] ?? '$1'),
        ),
        ...own.filter((e) => e.from === file).map((e) => exact(e.to)),
      ],
    },
  }));
  return [general, ...perFile];
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: rules.flatMap((rule) => withExceptions({ severity: 'error', ...rule })),
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // Type-only imports count: a table's type is still another module's table.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
