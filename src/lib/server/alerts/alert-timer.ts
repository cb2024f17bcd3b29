import type { Logger } from '../util/logger';
import type { AlertService } from './alert-service';

/** Evaluation period: alerts are promised within a minute, and a second keeps ticker durations honest. */
export const ALERT_EVALUATE_EVERY_MS = 1000;

/**
 * Runs the alert evaluation on a timer; returns the function that stops it. A failing pass is logged
 * (at most once a minute) and the next one runs as usual: alerts must not die with one bad pass.
 */
export function startAlertTimer(
	alerts: AlertService,
	logger: Logger,
	everyMs = ALERT_EVALUATE_EVERY_MS
): () => void {
	let lastErrorMs = Number.NEGATIVE_INFINITY;
	const timer = setInterval(() => {
		try {
			alerts.tick();
		} catch (err) {
			const now = Date.now();
			if (now - lastErrorMs < 60_000) return;
			lastErrorMs = now;
			logger.error('alert evaluation failed', { error: String(err) });
		}
	}, everyMs);
	timer.unref?.();
	return () => clearInterval(timer);
}
