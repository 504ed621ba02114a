/**
 * Counts and plans over the whole card index, off the main thread: parsing the index and walking
 * every card for every deck would otherwise block the page for as long as the bank is big.
 * The index is fetched once per worker; each request brings the learner's records with it.
 */
import { fromCardIndexRow, type CardIndexRow, type CardMeta } from '$lib/srs/cards';
import { overview, type OverviewInput } from '$lib/srs/overview';
import { fetchOnce, serve } from './serve';

export interface OverviewRequest {
	/** Where the card index is published (the site's base path included). */
	indexUrl: string;
	input: OverviewInput;
}

const readIndex = (json: unknown): CardMeta[] => (json as { cards: CardIndexRow[] }).cards.map(fromCardIndexRow);

serve(async ({ indexUrl, input }: OverviewRequest) => overview(await fetchOnce(indexUrl, readIndex), input));
