import type { ReportQuery } from './report-query';

/**
 * The report API's parameters for the rows on screen, so the download is the API's own answer: a
 * queue by `queue=`, a roll-up by its scope (the API has no channel filter; every channel comes along).
 */
export function exportQuery(query: Pick<ReportQuery, 'from' | 'to' | 'size' | 'view'>): string {
	const params = new URLSearchParams({ from: query.from, to: query.to, size: String(query.size) });
	if (query.view.startsWith('q:')) params.set('queue', query.view.slice(2));
	else params.set('scope', query.view === 'centre' ? 'centre' : 'channel');
	return params.toString();
}
