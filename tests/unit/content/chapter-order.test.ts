import { describe, expect, it } from 'vitest';
import { inChapterOrder } from '../../../src/lib/content/chapter-order';

describe('inChapterOrder', () => {
	it('sorts chapter rows by the course order, unknown ones last', () => {
		const chapters = [
			{ id: 'overview', order: 1 },
			{ id: 'value', order: 10 },
			{ id: 'satisfaction', order: 7 }
		];
		expect(inChapterOrder([['value', 1], ['zzz', 2], ['overview', 3], ['satisfaction', 4]], chapters).map(([k]) => k)).toEqual(['overview', 'satisfaction', 'value', 'zzz']);
	});
});
