import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

/**
 * Lint rules for every Angular project (the console app and its libs): the root rules
 * with module boundaries, Angular's recommended rules, and the `eff` selector prefix.
 * One definition here instead of a copy per project.
 */
export const angularConfig = [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'eff', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'eff', style: 'kebab-case' },
      ],
    },
  },
];
