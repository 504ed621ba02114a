/** Rows keyed by chapter id, in the course's chapter order (unknown chapters last). */
export function inChapterOrder<T>(entries: readonly [string, T][], chapters: readonly { id: string; order: number }[]): [string, T][] {
	const order = new Map(chapters.map((c) => [c.id, c.order]));
	return [...entries].sort((a, b) => (order.get(a[0]) ?? Infinity) - (order.get(b[0]) ?? Infinity));
}
