// Prints the closing line "N passed, N failed" summed over vitest's and Playwright's JSON reports,
// and exits non-zero when anything failed, a step failed, or no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

if (vitestFile && existsSync(vitestFile)) {
	const r = JSON.parse(readFileSync(vitestFile, 'utf8'));
	passed += r.numPassedTests ?? 0;
	failed += r.numFailedTests ?? 0;
	skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
	notes.push(`vitest ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
} else notes.push('vitest: no report');

if (playwrightFile && existsSync(playwrightFile)) {
	const s = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats ?? {};
	passed += (s.expected ?? 0) + (s.flaky ?? 0);
	failed += s.unexpected ?? 0;
	skipped += s.skipped ?? 0;
	notes.push(`playwright ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed`);
} else notes.push('playwright: no report');

console.log(`\n${notes.join('; ')}`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps.length > 0 || passed === 0 ? 1 : 0);
