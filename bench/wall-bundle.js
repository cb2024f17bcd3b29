// The JavaScript the wallboard route loads, gzip-compressed as a browser fetches it: the entry scripts
// the page imports, the route's nodes (layout and page, found through the stylesheets the page links)
// and every static import they pull in, from the build's Vite manifest.
// Usage: npm run build && node bench/wall-bundle.js [boardId]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib/proc.js';
import { startWallServer } from './wall-harness.js';

const BUDGET_KB = 120;
const boardId = process.argv[2] ?? 'default';
/** @type {Record<string, { file: string, css?: string[], imports?: string[] }>} */
const manifest = JSON.parse(
	readFileSync(path.join(ROOT, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
);
const byFile = new Map(Object.entries(manifest).map(([key, entry]) => [entry.file, key]));

const server = await startWallServer({ SIM_AGENTS: '50' });
try {
	const html = await (await fetch(`${server.baseUrl}/wall/${boardId}`)).text();
	const files = (/** @type {RegExp} */ re) =>
		[...html.matchAll(re)].map((m) => (m[1] ?? '').replace(/^(\.\.\/)+|^\//, ''));
	const scripts = files(/import\("([^"]+\.js)"\)/g);
	const styles = new Set(files(/href="([^"]+\.css)"/g));
	const routeNodes = Object.keys(manifest).filter(
		(key) => /nodes\/\d+\.js$/.test(key) && (manifest[key]?.css ?? []).some((css) => styles.has(css))
	);
	/** @type {Map<string, number>} */
	const sizes = new Map();
	const queue = [...scripts.map((file) => byFile.get(file) ?? file), ...routeNodes];
	while (queue.length) {
		const key = /** @type {string} */ (queue.pop());
		const file = manifest[key]?.file ?? key;
		if (sizes.has(file)) continue;
		sizes.set(file, gzipSync(readFileSync(path.join(ROOT, 'build/client', file)), { level: 9 }).length);
		queue.push(...(manifest[key]?.imports ?? []));
	}
	const total = [...sizes.values()].reduce((a, b) => a + b, 0) / 1024;
	for (const [file, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
		console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${file}`);
	}
	console.log(`route nodes: ${routeNodes.join(', ')}`);
	console.log(`wallboard JS: ${sizes.size} files, ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
	process.exitCode = total <= BUDGET_KB ? 0 : 1;
} finally {
	await server.stop();
}
