import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Import boundaries: shared code runs on both sides, so it may import neither; client never imports server. */
const boundary = (message, ...patterns) => ({
	'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
});

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/',
			'.tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser }
		}
	},
	{
		files: ['src/lib/shared/**'],
		rules: boundary(
			'shared code runs on server and browser: it may not import server, client, component or route code',
			'**/server/**',
			'$lib/server/*',
			'**/client/**',
			'$lib/client/*',
			'**/components/**',
			'$lib/components/*',
			'**/routes/**',
			'ioredis',
			'ws',
			'node:*'
		)
	},
	{
		files: ['src/lib/client/**', 'src/lib/components/**'],
		rules: boundary(
			'browser code may not import server code',
			'**/server/**',
			'$lib/server/*',
			'ioredis',
			'ws',
			'node:*'
		)
	},
	{
		files: ['src/lib/server/**', 'src/lib/sim/**'],
		rules: boundary(
			'server code may not import browser code or routes',
			'**/client/**',
			'$lib/client/*',
			'**/components/**',
			'$lib/components/*',
			'**/routes/**'
		)
	},
	{
		files: ['src/lib/**'],
		ignores: ['src/lib/server/**', 'src/lib/sim/**'],
		rules: boundary('$lib may not import from routes', '**/routes/**')
	}
);
