import { json } from '@sveltejs/kit';
import { cardFaces } from '$lib/server/cards';

export const prerender = true;

export function GET() {
	return json({ version: 1, cards: cardFaces() });
}
