import type { RequestHandler } from './$types';

/** Liveness: the process answers. No data, no authentication. */
export const GET: RequestHandler = () => new Response('ok\n', { headers: { 'content-type': 'text/plain' } });
