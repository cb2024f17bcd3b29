// Plain JavaScript so that both the test harness (TypeScript) and the benches (run by node as they are)
// start their private redis-server the same way.

/**
 * The command line of a private redis-server: its port on loopback, no persistence, quiet.
 * @param {number} port
 * @param {string[]} [extra] further options (a data dir, buffer limits)
 * @returns {[string, ...string[]]} the command, then its arguments
 */
export function redisServerArgs(port, extra = []) {
	return [
		'redis-server',
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		...extra,
		'--loglevel',
		'warning'
	];
}
