import { describe, expect, it } from 'vitest';
import { cardIndex } from '$lib/server/cards';
import { getCourse } from '$lib/server/content';
import { buildCards, fromCardIndexRow } from '$lib/srs/cards';

// Pages count, plan and filter from /data/card-index.json; a field lost or swapped in the rows
// would put cards in the wrong chapter or deck without any error.
describe('the card index published for counting and planning', () => {
	const rows = cardIndex();
	const cards = buildCards(getCourse());

	it('gives back every card, in course order, with its id, kind, chapter, concept, source and tags', () => {
		expect(rows.map(fromCardIndexRow)).toEqual(cards.map(({ id, kind, chapter, concept, source, tags }) => ({ id, kind, chapter, concept, source, tags })));
	});

	it('is a third smaller than the same cards as objects', () => {
		const objects = rows.map(fromCardIndexRow);
		expect(JSON.stringify(rows).length).toBeLessThan((JSON.stringify(objects).length * 2) / 3);
	});
});
