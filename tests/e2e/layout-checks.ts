import type { Page } from '@playwright/test';

export interface LayoutProblem {
	kind: 'overflow' | 'offscreen';
	what: string;
	detail: string;
}

/**
 * Every element of the wallboard that holds text and is cut off (its content wider than its box), and every element that reaches past the viewport. Inline boxes have no client size and are
 * judged by their block parent; SVG is left to the chart's own geometry.
 */
export function layoutProblems(page: Page): Promise<LayoutProblem[]> {
	return page.evaluate(() => {
		const problems: { kind: 'overflow' | 'offscreen'; what: string; detail: string }[] = [];
		const root = document.querySelector('[data-testid="wallboard"]');
		if (!root) return [{ kind: 'overflow' as const, what: 'wallboard', detail: 'not rendered' }];
		const name = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
		for (const el of root.querySelectorAll<HTMLElement>('*')) {
			if (el instanceof SVGElement || el.closest('svg') || el.closest('dialog')) continue;
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			const rect = el.getBoundingClientRect();
			if (rect.width === 0 && rect.height === 0) continue;
			if (rect.left < -1 || rect.top < -1 || rect.right > innerWidth + 1 || rect.bottom > innerHeight + 1) {
				problems.push({
					kind: 'offscreen',
					what: name(el),
					detail: `${Math.round(rect.left)},${Math.round(rect.top)}-${Math.round(rect.right)},${Math.round(rect.bottom)}`
				});
			}
			const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
			if (!hasText || style.display === 'inline') continue;
			// Width only: a line-height-1 figure's glyphs reach past its line box without being cut.
			if (el.scrollWidth > el.clientWidth + 1) {
				problems.push({
					kind: 'overflow',
					what: name(el),
					detail: `scroll ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`
				});
			}
		}
		const doc = document.documentElement;
		if (doc.scrollWidth > innerWidth || doc.scrollHeight > innerHeight) {
			problems.push({
				kind: 'offscreen',
				what: 'document',
				detail: `${doc.scrollWidth}×${doc.scrollHeight}`
			});
		}
		return problems;
	});
}
