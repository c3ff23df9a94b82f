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
  {
    // Templates, including the inline ones the Angular processor extracts from .ts files.
    files: ['**/*.html'],
    rules: {
      // ng-zorro's form controls are controls: a label wrapping one is associated with it.
      '@angular-eslint/template/label-has-associated-control': [
        'error',
        {
          controlComponents: [
            'nz-input-number',
            'nz-select',
            'nz-date-picker',
            'nz-range-picker',
            'nz-switch',
            'nz-radio-group',
            'nz-checkbox',
            'nz-segmented',
            'nz-upload',
          ],
        },
      ],
    },
  },
];
