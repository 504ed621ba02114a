import { describe, expect, it } from 'vitest';
import { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';
import { Rating, State } from '../../../src/lib/srs/card-state';

describe('card-state constants', () => {
	it('are ts-fsrs’s card states and ratings', () => {
		expect(State).toEqual({ New: FsrsState.New, Learning: FsrsState.Learning, Review: FsrsState.Review, Relearning: FsrsState.Relearning });
		expect(Rating).toEqual({ Again: FsrsRating.Again, Hard: FsrsRating.Hard, Good: FsrsRating.Good, Easy: FsrsRating.Easy });
	});
});
