import nx from '@nx/eslint-plugin';

// Frameworks that must never leak into the pure layers (model, SDK, plugins):
// adapters are pure functions from bytes to a normalised batch.
const frameworkImports = ['@nestjs/*', 'typeorm', 'typeorm/*', '@angular/*', 'pg', 'express'];

export const depConstraints = [
  // Layers (type:*)
  {
    sourceTag: 'type:model',
    onlyDependOnLibsWithTags: ['type:model'],
    bannedExternalImports: frameworkImports,
  },
  {
    sourceTag: 'type:engine',
    onlyDependOnLibsWithTags: ['type:model', 'type:engine'],
    bannedExternalImports: frameworkImports,
  },
  {
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: ['type:model', 'type:engine', 'type:contract'],
    bannedExternalImports: frameworkImports,
  },
  {
    sourceTag: 'type:sdk',
    onlyDependOnLibsWithTags: ['type:model', 'type:sdk'],
    bannedExternalImports: frameworkImports,
  },
  {
    sourceTag: 'type:plugin',
    onlyDependOnLibsWithTags: ['type:model', 'type:sdk'],
    bannedExternalImports: frameworkImports,
  },
  // Only the generated registry may import plugins.
  {
    sourceTag: 'type:registry',
    onlyDependOnLibsWithTags: ['type:model', 'type:sdk', 'type:plugin'],
    bannedExternalImports: frameworkImports,
  },
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:model', 'type:engine', 'type:contract', 'type:util'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: [
      'type:model',
      'type:engine',
      'type:contract',
      'type:sdk',
      'type:registry',
      'type:util',
      'type:data-access',
    ],
  },
  {
    sourceTag: 'type:ui',
    onlyDependOnLibsWithTags: ['type:model', 'type:contract', 'type:util', 'type:ui'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:model',
      'type:engine',
      'type:contract',
      'type:sdk',
      'type:registry',
      'type:util',
      'type:data-access',
      'type:ui',
      'type:feature',
    ],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:model',
      'type:engine',
      'type:contract',
      'type:sdk',
      'type:registry',
      'type:util',
      'type:data-access',
      'type:ui',
      'type:feature',
    ],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:model', 'type:engine', 'type:contract', 'type:util'],
  },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: ['type:model', 'type:sdk', 'type:tooling'],
  },
  // The benchmark measures the API's ingestion and assessment pieces with real adapters.
  {
    sourceTag: 'type:bench',
    onlyDependOnLibsWithTags: [
      'type:model',
      'type:engine',
      'type:contract',
      'type:sdk',
      'type:plugin',
      'type:util',
      'type:feature',
      'type:tooling',
    ],
  },
  // Who may talk to whom (scope:*)
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:adapter', onlyDependOnLibsWithTags: ['scope:shared', 'scope:adapter'] },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:adapter', 'scope:api'],
  },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared', 'scope:console'] },
  {
    sourceTag: 'scope:cli',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:adapter', 'scope:cli'],
  },
  {
    sourceTag: 'scope:tools',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:adapter', 'scope:tools'],
  },
  {
    sourceTag: 'scope:bench',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:adapter', 'scope:api', 'scope:tools'],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-fixtures', '**/.cache', '**/.data', '**/files/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports; default exports are not used in this codebase.',
        },
      ],
    },
  },
  {
    // Config files that tools load by default export.
    files: ['**/*.config.{ts,mts,cts,mjs,js}', '**/jest.config.*', '**/playwright.config.*'],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
