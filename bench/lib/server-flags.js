// The Node flags the production server runs with: read from `npm start` in package.json, so a bench
// that starts the server runs it as production does, and there is one place to change them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './proc.js';

/** The flags between `node` and `server/index.js` in the start script, e.g. `['--max-semi-space-size=32']`. */
export function serverNodeFlags() {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const words = String(pkg.scripts?.start ?? '').split(/\s+/);
	const node = words.indexOf('node');
	const entry = words.indexOf('server/index.js');
	return node >= 0 && entry > node ? words.slice(node + 1, entry) : [];
}
