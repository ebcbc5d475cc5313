// One flat config for the workspace. Module boundaries are enforced with Nx tags:
// scope:shared may only use scope:shared; api and web may use themselves and shared;
// libs never import a framework (typeorm, @nestjs/*, react) so nothing leaks into the web bundle.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// forms validate through lib/zod-resolver.ts, which sets zod's messages in the UI language (see that file)
const ZOD_RESOLVER = {
  name: '@hookform/resolvers/zod',
  message: 'Import zodResolver from lib/zod-resolver (zod messages in the UI language, zod loaded with forms).',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', '.nx/**', '.data/**', '**/vite.config.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.cjs'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['typeorm', '@nestjs/*', 'react', 'react-dom', 'pg'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['react', 'react-dom'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: ['typeorm', '@nestjs/*', 'pg'],
            },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // features do not import each other (bulletproof-react): shared code lives in components/ lib/ i18n/
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../features/*', '../features/*', '**/features/*/**'],
              message: 'Features do not import each other; move shared code to components/ or lib/.',
            },
          ],
          paths: [ZOD_RESOLVER],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/app/**/*.tsx', 'apps/web/src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ZOD_RESOLVER] }] },
  },
  {
    files: ['apps/web/src/lib/zod-resolver.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // feature code calls the API only through the endpoint table: api(endpoints.x.y, …), never a path string
    files: ['apps/web/src/features/**/*.ts', 'apps/web/src/features/**/*.tsx'],
    ignores: ['apps/web/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/(api|v1)\\//]',
          message: 'Call the API with api(endpoints.…) from lib/api-client.',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/(api|v1)\\//]',
          message: 'Call the API with api(endpoints.…) from lib/api-client.',
        },
      ],
    },
  },
  {
    // the API throws only codes of the contracts' error catalogue (AppError), never Nest's HTTP exceptions
    files: ['apps/api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: [
                'HttpException',
                'BadRequestException',
                'NotFoundException',
                'ForbiddenException',
                'ConflictException',
                'UnauthorizedException',
              ],
              message: 'Throw AppError with a code from libs/contracts/src/errors.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // web tests (jest.web.config.cjs) and their helpers: Jest's globals beside the browser's
    files: [
      'apps/web/src/**/*.test.ts',
      'apps/web/src/**/*.test.tsx',
      'apps/web/src/**/__tests__/**/*.{ts,tsx}',
      'apps/web/src/test/**/*.{ts,tsx,cjs}',
    ],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['tools/**/*.mjs', 'tools/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
