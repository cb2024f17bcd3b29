import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRuntime } from './runtime';

/** Entry for the dev server's upgrade glue (loaded through Vite's SSR loader). */
export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
	getRuntime().handleUpgrade(req, socket, head);
}
