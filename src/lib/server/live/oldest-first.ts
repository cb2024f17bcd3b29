/**
 * Deletes the oldest entry (first in insertion order) of a bounded map, in amortised constant time.
 *
 * `map.keys().next()` starts from the front of the map's table, and entries deleted from the front
 * stay there as holes until the table is rebuilt: a map held at its cap by "add one, delete the
 * oldest" walks ever more holes per deletion, about 150 µs each at 500,000 entries. A map iterator
 * kept between calls starts where the last deletion was (the engine carries it across rebuilds), and
 * everything before it has been deleted, so its next key is the oldest.
 */
const cursors = new WeakMap<Map<unknown, unknown>, Iterator<unknown>>();

export function deleteOldest<K, V>(map: Map<K, V>): K | undefined {
	let cursor = cursors.get(map) as Iterator<K> | undefined;
	let next = cursor?.next();
	if (!cursor || next!.done) {
		cursor = map.keys();
		cursors.set(map, cursor);
		next = cursor.next();
	}
	if (next!.done) return undefined;
	map.delete(next!.value);
	return next!.value;
}
