// Production entry: adapter-node's own server (PORT, HOST, ORIGIN, graceful shutdown) plus the
// WebSocket upgrade glue on the same port. It knows the live runtime only by its process-wide key,
// never by importing src/, because Kit's bundle holds the one runtime instance.
process.env.HOST ??= '127.0.0.1';

// Without ORIGIN or PROTOCOL_HEADER the Node adapter takes every request for HTTPS, so on plain HTTP the
// form origin check refuses sign-in and session cookies come back Secure. When the operator configured
// neither, tell the adapter the truth from the socket itself, in a header of our own that we overwrite on
// every request so a client cannot forge it. Behind a TLS proxy, set ORIGIN (docs/auth.md).
const SOCKET_PROTOCOL_HEADER = 'x-cc-socket-proto';
const deriveProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (deriveProtocol) process.env.PROTOCOL_HEADER = SOCKET_PROTOCOL_HEADER;

const RUNTIME_KEY = Symbol.for('cc-wallboard.runtime');
// The path is a variable so the type-checker does not demand a build before `npm run check`.
const buildEntry = '../build/index.js';
/** @type {{ server: { server: import('node:http').Server } }} */
const { server } = await import(buildEntry).catch((/** @type {{ code?: string }} */ err) => {
	if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
	console.error(
		'build/ is missing: run `npm run build` first (or `npm run serve`, which installs, builds and starts)'
	);
	process.exit(1);
});

if (deriveProtocol) {
	server.server.prependListener('request', (req) => {
		const encrypted = /** @type {{ encrypted?: boolean }} */ (req.socket).encrypted === true;
		req.headers[SOCKET_PROTOCOL_HEADER] = encrypted ? 'https' : 'http';
	});
}

/** @typedef {{ handleUpgrade(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void }} UpgradeTarget */

server.server.on('upgrade', (req, socket, head) => {
	const runtime = /** @type {Record<symbol, UpgradeTarget | undefined>} */ (
		/** @type {unknown} */ (globalThis)
	)[RUNTIME_KEY];
	if (!runtime) {
		socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\nstarting\n');
		return;
	}
	// Unknown paths get a 404 from the hub: an ignored upgrade would leave the socket hanging.
	runtime.handleUpgrade(req, socket, head);
});

export {};
