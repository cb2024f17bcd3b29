/**
 * Splits a formatted figure into its number and a trailing unit ("95.3 %" → "95.3", " %"), so the unit can
 * be drawn smaller: on a big tile a full-size "%" costs as much width as a digit the room needs to read.
 */
export function splitUnit(text: string): { number: string; unit: string } {
	const m = /^(.*?\d)(\s*%)$/.exec(text);
	return m ? { number: m[1] ?? text, unit: m[2] ?? '' } : { number: text, unit: '' };
}

/** Unit scale used by the tiles for the split-off unit. */
export const UNIT_SCALE = 0.55;

/**
 * Approximate rendered width of a figure in em (tabular digits of a sans face are ~0.58 em; separators
 * narrower; CJK and dashes a full em). Tiles divide their width by this to draw each figure as large as
 * it fits, so "1,873" and "18,730" both fill the tile instead of one being clipped.
 */
export function estimateWidthEm(text: string): number {
	let em = 0;
	for (const ch of text) {
		if (ch >= '0' && ch <= '9') em += 0.58;
		else if (ch === ':' || ch === '.' || ch === ',') em += 0.28;
		else if (ch === ' ') em += 0.26;
		else if (ch === '%') em += 0.86;
		else if (ch.charCodeAt(0) < 0x2000) em += 0.6;
		else em += 1;
	}
	return em;
}

/** Width in em of a tile figure as drawn: number, unit at its smaller scale, and the status icon if any. */
export function figureWidthEm(text: string, withIcon: boolean): number {
	const { number, unit } = splitUnit(text);
	return estimateWidthEm(number) + estimateWidthEm(unit) * UNIT_SCALE + (withIcon ? 1 : 0);
}
