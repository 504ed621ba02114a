import { json } from '@sveltejs/kit';
import { cardIndex } from '$lib/server/cards';

export const prerender = true;

/** What pages need to count, plan and filter cards, without their faces (those are in cards.json). */
export function GET() {
	return json({ version: 2, cards: cardIndex() });
}
