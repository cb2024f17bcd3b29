/**
 * The rendering watchdog: a TV whose page stopped painting (a wedged compositor, a render loop that
 * threw) looks alive from the server's side, so nobody notices until someone climbs a ladder. The page
 * beats on every animation frame and on every rendered clock tick; a timer checks both and reloads a
 * page that has stopped, a bounded number of times.
 */

/** No animation frame for this long while the page is visible: painting has stopped. */
export const WATCHDOG_FRAME_STALL_MS = 30_000;
/** The rendered clock (updated every second) this far behind: the reactive render has stopped. */
export const WATCHDOG_RENDER_STALL_MS = 45_000;
export const WATCHDOG_CHECK_MS = 5_000;
/** At most this many watchdog reloads in the window; beyond that the page waits (a loop helps no one). */
export const WATCHDOG_MAX_RELOADS = 3;
export const WATCHDOG_RELOAD_WINDOW_MS = 30 * 60_000;

export interface WatchdogReading {
	nowMs: number;
	/** Whether the page is on screen: hidden tabs get no animation frames, and that is not a stall. */
	visible: boolean;
	/** Since when the page has been visible (frames only count from then). */
	visibleSinceMs: number;
	lastFrameMs: number;
	/** The clock value the page last rendered, or null before the first render. */
	renderedClockMs: number | null;
	/** The watchdog's own reloads so far, epoch ms. */
	recentReloads: readonly number[];
}

export type WatchdogVerdict = 'ok' | 'reload' | 'stalled-but-capped';

export function watchdogVerdict(r: WatchdogReading): WatchdogVerdict {
	if (!r.visible) return 'ok';
	const frameStalled = r.nowMs - Math.max(r.lastFrameMs, r.visibleSinceMs) > WATCHDOG_FRAME_STALL_MS;
	const renderStalled = r.renderedClockMs !== null && r.nowMs - r.renderedClockMs > WATCHDOG_RENDER_STALL_MS;
	if (!frameStalled && !renderStalled) return 'ok';
	const recent = r.recentReloads.filter((t) => r.nowMs - t >= 0 && r.nowMs - t < WATCHDOG_RELOAD_WINDOW_MS);
	return recent.length >= WATCHDOG_MAX_RELOADS ? 'stalled-but-capped' : 'reload';
}

const STORAGE_KEY = 'wallboard.watchdogReloads';

function readReloads(): number[] {
	try {
		const v: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
		return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];
	} catch {
		return [];
	}
}

function recordReload(nowMs: number, previous: readonly number[]): void {
	try {
		const kept = previous.filter((t) => nowMs - t < WATCHDOG_RELOAD_WINDOW_MS);
		sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...kept, nowMs]));
	} catch {
		// Storage may be disabled on kiosk browsers; the cap is then per page load only.
	}
}

export interface WatchdogOptions {
	/** The clock value the page has rendered last (read from the DOM, so it proves rendering happened). */
	renderedClock: () => number | null;
	reload?: () => void;
	now?: () => number;
}

/** Starts the heartbeat and the check in the browser; returns a stop function. */
export function startWatchdog(options: WatchdogOptions): () => void {
	const now = options.now ?? Date.now;
	const reload = options.reload ?? (() => location.reload());
	let lastFrameMs = now();
	let visibleSinceMs = now();
	let frame = 0;
	const beat = () => {
		lastFrameMs = now();
		frame = requestAnimationFrame(beat);
	};
	frame = requestAnimationFrame(beat);
	const onVisibility = () => {
		if (document.visibilityState === 'visible') visibleSinceMs = now();
	};
	document.addEventListener('visibilitychange', onVisibility);
	let warned = false;
	const timer = setInterval(() => {
		const reloads = readReloads();
		const verdict = watchdogVerdict({
			nowMs: now(),
			visible: document.visibilityState === 'visible',
			visibleSinceMs,
			lastFrameMs,
			renderedClockMs: options.renderedClock(),
			recentReloads: reloads
		});
		if (verdict === 'reload') {
			recordReload(now(), reloads);
			reload();
		} else if (verdict === 'stalled-but-capped' && !warned) {
			warned = true;
			console.warn('[watchdog] rendering stalled, but the page was reloaded too often; waiting');
		}
	}, WATCHDOG_CHECK_MS);
	return () => {
		cancelAnimationFrame(frame);
		clearInterval(timer);
		document.removeEventListener('visibilitychange', onVisibility);
	};
}
