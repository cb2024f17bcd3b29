import { describe, expect, it } from 'vitest';
import { countAgentRows } from './count-agents';

describe('countAgentRows', () => {
	it('partitions the staffed agents by displayed state and leaves offline ones out', () => {
		const counts = countAgentRows([
			{ state: 'ready', reason: null },
			{ state: 'ready', reason: null },
			{ state: 'on_contact', reason: null },
			{ state: 'wrap_up', reason: null },
			{ state: 'not_ready', reason: 'break' },
			{ state: 'not_ready', reason: 'break' },
			{ state: 'not_ready', reason: null },
			{ state: 'offline', reason: null }
		]);
		expect(counts).toEqual({
			staffed: 7,
			available: 2,
			onContact: 1,
			wrapUp: 1,
			notReady: 3,
			notReadyByReason: { break: 2, '': 1 }
		});
	});
});
