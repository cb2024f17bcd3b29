/** The logging the server needs; console in production, a silent or capturing one in tests. */
export interface Logger {
	info(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, scope: string, message: string, fields?: Record<string, unknown>): string {
	const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
	return `${new Date().toISOString()} ${level} [${scope}] ${message}${extra}`;
}

export function consoleLogger(scope: string): Logger {
	return {
		info: (m, f) => console.log(line('INFO', scope, m, f)),
		warn: (m, f) => console.warn(line('WARN', scope, m, f)),
		error: (m, f) => console.error(line('ERROR', scope, m, f))
	};
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
