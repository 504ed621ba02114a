/** Decks: named filters over the flashcards. Pure. */
import type { CardKind, CardSpec } from './cards';

export interface DeckFilter {
	/** Empty means every chapter. */
	chapters: string[];
	/** Empty means every kind. */
	kinds: CardKind[];
	/** Empty means any tag. */
	tags: string[];
	/** Leave out 教材拓展 cards. */
	courseOnly?: boolean;
}

export interface Deck {
	id: string;
	name: string;
	filter: DeckFilter;
	custom: boolean;
}

export const ALL_DECK: Deck = { id: 'all', name: '整门课程', filter: { chapters: [], kinds: [], tags: [] }, custom: false };

export function chapterDecks(chapters: readonly { id: string; title: string; order: number }[]): Deck[] {
	return chapters.map((ch) => ({
		id: `chapter:${ch.id}`,
		name: `第 ${ch.order} 章 ${ch.title}`,
		filter: { chapters: [ch.id], kinds: [], tags: [] },
		custom: false
	}));
}

/** Cards in the deck, in course order. Reverse cards only when the learner turned them on. */
export function deckCards<T extends Pick<CardSpec, 'chapter' | 'kind' | 'tags' | 'source'>>(cards: readonly T[], filter: DeckFilter, reverseCards: boolean): T[] {
	return cards.filter(
		(c) =>
			(reverseCards || c.kind !== 'reverse') &&
			(!filter.courseOnly || c.source !== 'extension') &&
			(filter.chapters.length === 0 || filter.chapters.includes(c.chapter)) &&
			(filter.kinds.length === 0 || filter.kinds.includes(c.kind)) &&
			(filter.tags.length === 0 || c.tags.some((t) => filter.tags.includes(t)))
	);
}
