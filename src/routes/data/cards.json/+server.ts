import { json } from '@sveltejs/kit';
import { cardFaces } from '$lib/server/cards';

export const prerender = true;

/** Card faces, fetched only when a review session starts. */
export function GET() {
	return json({ version: 2, cards: cardFaces().map(({ id, title, front, back }) => ({ id, title, front, back })) });
}
