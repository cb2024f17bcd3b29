import { describe, expect, it } from 'vitest';
import { RecentContacts, type RecentContact } from './recent-contacts';

const finished = (queueId: string, fields: Partial<RecentContact> = {}): RecentContact => ({
	queueId,
	channel: 'voice',
	vip: false,
	customerId: null,
	repeat: null,
	dormantLegs: null,
	...fields
});

describe('RecentContacts', () => {
	it('gives back what was remembered, flags and all', () => {
		const recent = new RecentContacts(10);
		recent.remember('c1', finished('q1', { vip: true, customerId: 'u1', repeat: true, channel: 'chat' }));
		recent.remember('c2', finished('q2', { repeat: false }));
		expect(recent.get('c1')).toEqual(
			finished('q1', { vip: true, customerId: 'u1', repeat: true, channel: 'chat' })
		);
		expect(recent.get('c2')).toMatchObject({ repeat: false, vip: false, customerId: null });
		expect(recent.queueIdOf('c2')).toBe('q2');
		expect(recent.get('c3')).toBeUndefined();
	});

	it('forgets the oldest beyond its limit, across the wrap of its ring', () => {
		const recent = new RecentContacts(3);
		for (let i = 1; i <= 7; i++) recent.remember(`c${i}`, finished(`q${i}`));
		expect([...recent.keys()]).toEqual(['c5', 'c6', 'c7']);
		expect(recent.size).toBe(3);
		expect(recent.has('c4')).toBe(false);
		expect(recent.queueIdOf('c5')).toBe('q5');
	});

	it('takes a contact out when it is open again, and puts it at the young end when it finishes again', () => {
		const recent = new RecentContacts(3);
		for (const id of ['c1', 'c2', 'c3']) recent.remember(id, finished('q'));
		expect(recent.take('c1')).toMatchObject({ queueId: 'q' });
		expect(recent.has('c1')).toBe(false);
		recent.remember('c1', finished('q9'));
		expect([...recent.keys()]).toEqual(['c2', 'c3', 'c1']);
		// Finishing again, c1 took its own old slot (the oldest: nobody forgotten); c4 then forgets c2
		recent.remember('c4', finished('q'));
		expect([...recent.keys()]).toEqual(['c3', 'c1', 'c4']);
		expect(recent.size).toBe(3);
		expect(recent.has('c2')).toBe(false);
		expect(recent.queueIdOf('c1')).toBe('q9');
	});

	it('replaces an entry remembered twice without counting it twice', () => {
		const recent = new RecentContacts(5);
		recent.remember('c1', finished('q1'));
		recent.remember('c1', finished('q2'));
		expect(recent.size).toBe(1);
		expect(recent.get('c1')?.queueId).toBe('q2');
		expect([...recent.keys()]).toEqual(['c1']);
		// Its first slot, when overwritten, forgets nobody: c1 stays until its own slot comes round
		for (const id of ['c2', 'c3', 'c4', 'c5']) recent.remember(id, finished('q'));
		expect(recent.has('c1')).toBe(true);
		recent.remember('c6', finished('q'));
		expect(recent.has('c1')).toBe(false);
	});

	it('grows past its first columns', () => {
		const recent = new RecentContacts(5000);
		for (let i = 0; i < 3000; i++) recent.remember(`c${i}`, finished('q', { vip: i % 2 === 0 }));
		expect(recent.size).toBe(3000);
		expect(recent.get('c2998')?.vip).toBe(true);
		expect(recent.get('c2999')?.vip).toBe(false);
	});
});
