/**
 * The card index and faces, and the study day. Kept apart from the review session so that pages
 * which only count and plan never load the scheduler (ts-fsrs).
 */
import { fetchJsonOnce } from './fetch-once';
import { app } from './app.svelte';
import { fromCardIndexRow, type CardIndexRow, type CardMeta } from '$lib/srs/cards';
import type { CardState, ReviewEntry } from '$lib/srs/scheduler';
import type { PlanContext } from '$lib/srs/session';

/** A card's faces: HTML rendered at build time (/data/cards.json). */
export interface CardFace {
	id: string;
	title: string;
	front: string;
	back: string;
}

export type { CardMeta };
export type CardData = CardMeta & CardFace;

export async function fetchCardIndex(): Promise<CardMeta[]> {
	return (await fetchJsonOnce<{ cards: CardIndexRow[] }>('/data/card-index.json')).cards.map(fromCardIndexRow);
}

/** The faces are large: fetched only when a session starts. */
export async function fetchCardFaces(): Promise<Map<string, CardFace>> {
	const { cards } = await fetchJsonOnce<{ cards: CardFace[] }>('/data/cards.json');
	return new Map(cards.map((c) => [c.id, c]));
}

export function studyDay(now: number) {
	return { dayStartHour: app.settings.dayStartHour, utcOffsetMinutes: app.utcOffsetMinutes(now) };
}

export function planContext(cards: readonly CardMeta[], states: ReadonlyMap<string, CardState>, reviews: readonly ReviewEntry[], now: number): PlanContext {
	return { ...studyDay(now), cards, states, reviews, now, settings: app.settings };
}
