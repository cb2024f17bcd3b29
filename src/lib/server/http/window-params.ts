import type { CentreSetup } from '../../shared/centre/setup';
import { isMetricWindow, WINDOWS, type MetricWindow } from '../../shared/metrics/figures';
import { badRequest } from './api-auth';

export interface WindowParams {
	window: MetricWindow;
	/** `shift=<shiftId>`: the `shift` window of that shift rather than the one that started last. */
	shiftId?: string;
}

/**
 * Reads `window` (default `fallback`) and `shift` from a query string, or gives the 400 that names the
 * parameter. `shift` is refused when the set-up configures no shifts: inventing one would show figures
 * no one could explain.
 */
export function parseWindowParams(
	url: URL,
	setup: CentreSetup,
	fallback: MetricWindow,
	allowed: readonly MetricWindow[] = WINDOWS
): WindowParams | Response {
	const window = url.searchParams.get('window') ?? fallback;
	if (!isMetricWindow(window) || !allowed.includes(window)) {
		return badRequest(`window must be one of ${allowed.join(', ')} (got "${window}")`, 'window');
	}
	const shiftId = url.searchParams.get('shift');
	if (window === 'shift' && setup.shifts.length === 0) {
		return badRequest('window=shift needs shifts in the centre set-up, and it configures none', 'window');
	}
	if (shiftId === null) return { window };
	if (window !== 'shift') return badRequest('shift is only used with window=shift', 'shift');
	const ids = setup.shifts.map((s) => s.shiftId);
	if (!ids.includes(shiftId)) {
		return badRequest(`shift must be one of ${ids.join(', ')} (got "${shiftId}")`, 'shift');
	}
	return { window, shiftId };
}
