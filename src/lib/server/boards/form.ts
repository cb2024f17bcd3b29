import { t, type Locale } from '../../shared/i18n';
import type { BoardIssue } from './schema';

/** Splits a list field ("a, b\nc") into ids. */
export function listField(value: FormDataEntryValue | null): string[] {
	return String(value ?? '')
		.split(/[\s,]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/**
 * The editor form as a board body for `parseBoard`: pages are one line each, tile ids separated by
 * commas; thresholds are JSON. Returns the issues of the fields that cannot even be read.
 */
export function boardFromForm(
	form: FormData,
	locale: Locale = 'en'
): { input: Record<string, unknown>; issues: BoardIssue[] } {
	const issues: BoardIssue[] = [];
	const pages = String(form.get('pages') ?? '')
		.split('\n')
		.map((line) => listField(line))
		.filter((tiles) => tiles.length > 0)
		.map((tiles) => ({ tiles }));
	const rotation = String(form.get('rotationSec') ?? '').trim();
	let thresholds: unknown = {};
	const thresholdText = String(form.get('thresholds') ?? '').trim();
	if (thresholdText) {
		try {
			thresholds = JSON.parse(thresholdText);
		} catch {
			issues.push({ field: 'thresholds', message: t(locale, 'boardIssueThresholdsJson') });
		}
	}
	const en = String(form.get('titleEn') ?? '').trim();
	return {
		input: {
			boardId: String(form.get('boardId') ?? '').trim(),
			title: { 'zh-CN': String(form.get('titleZh') ?? '').trim(), ...(en ? { en } : {}) },
			ownerTeamId: String(form.get('ownerTeamId') ?? '').trim(),
			queues: form.getAll('queues').map(String),
			teams: form.getAll('teams').map(String),
			pages,
			rotationSec: rotation === '' ? null : Number(rotation),
			language: String(form.get('language') ?? 'zh-CN'),
			theme: String(form.get('theme') ?? 'dark'),
			thresholds
		},
		issues
	};
}
