import { describe, expect, it } from 'vitest';
import { Sequencer } from './sequencer';

const ev = (id: string, seq: number, source = 'pbx1') => ({ id, seq, source });

describe('Sequencer', () => {
	it('applies the first event of a source whatever its seq', () => {
		expect(new Sequencer().admit(ev('a', 41))).toEqual({ kind: 'apply' });
	});

	it('applies events whose seq steps by one', () => {
		const s = new Sequencer();
		s.admit(ev('a', 1));
		expect(s.admit(ev('b', 2))).toEqual({ kind: 'apply' });
		expect(s.expectedSeq('pbx1')).toBe(3);
	});

	it('applies a repeated id once', () => {
		const s = new Sequencer();
		s.admit(ev('a', 1));
		expect(s.admit(ev('a', 1))).toEqual({ kind: 'duplicate' });
		expect(s.admit(ev('b', 2))).toEqual({ kind: 'apply' });
	});

	it('reports a seq jump as a gap naming the missing range', () => {
		const s = new Sequencer();
		s.admit(ev('a', 1));
		expect(s.admit(ev('d', 4))).toEqual({ kind: 'gap', expectedSeq: 2, gotSeq: 4 });
		expect(s.expectedSeq('pbx1')).toBe(5);
	});

	it('treats a step back as a restart of that source', () => {
		const s = new Sequencer();
		s.admit(ev('a', 10));
		expect(s.admit(ev('b', 0))).toEqual({ kind: 'restart', previousSeq: 10 });
		expect(s.admit(ev('c', 1))).toEqual({ kind: 'apply' });
	});

	it('tracks sources independently', () => {
		const s = new Sequencer();
		s.admit(ev('a', 1, 'pbx1'));
		s.admit(ev('b', 7, 'chat1'));
		expect(s.admit(ev('c', 2, 'pbx1'))).toEqual({ kind: 'apply' });
		expect(s.admit(ev('d', 8, 'chat1'))).toEqual({ kind: 'apply' });
	});

	it('remembers at least the configured number of ids and forgets older ones', () => {
		const s = new Sequencer({ maxRememberedIds: 3, maxSources: 10 });
		for (let i = 0; i < 7; i++) s.admit(ev(`id${i}`, i));
		expect(s.seen('id3')).toBe(true);
		expect(s.seen('id5')).toBe(true);
		expect(s.seen('id0')).toBe(false);
	});

	it('forgets the least recently seen source beyond the source limit', () => {
		const s = new Sequencer({ maxRememberedIds: 100, maxSources: 2 });
		s.admit(ev('a', 1, 's1'));
		s.admit(ev('b', 1, 's2'));
		s.admit(ev('c', 2, 's1'));
		s.admit(ev('d', 1, 's3'));
		expect(s.expectedSeq('s2')).toBeNull();
		expect(s.expectedSeq('s1')).toBe(3);
	});
});
