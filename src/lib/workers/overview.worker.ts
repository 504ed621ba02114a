/**
 * Counts and plans over the whole card index, off the main thread: parsing the index and walking
 * every card for every deck would otherwise block the page for as long as the bank is big.
 * The index is fetched once per worker; each request brings the learner's records with it.
 */
import { fromCardIndexRow, type CardIndexRow, type CardMeta } from '$lib/srs/cards';
import { overview, type Overview, type OverviewInput } from '$lib/srs/overview';

export interface OverviewRequest {
	id: number;
	/** Where the card index is published (the site's base path included). */
	indexUrl: string;
	input: OverviewInput;
}

export type OverviewReply = { id: number; overview: Overview } | { id: number; error: string };

interface WorkerScope {
	onmessage: ((e: MessageEvent<OverviewRequest>) => void) | null;
	postMessage(message: OverviewReply): void;
}
const scope = self as unknown as WorkerScope;

let index: Promise<CardMeta[]> | null = null;

async function fetchIndex(url: string): Promise<CardMeta[]> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return ((await response.json()) as { cards: CardIndexRow[] }).cards.map(fromCardIndexRow);
}

scope.onmessage = async ({ data: { id, indexUrl, input } }) => {
	try {
		const cards = await (index ??= fetchIndex(indexUrl));
		scope.postMessage({ id, overview: overview(cards, input) });
	} catch (e) {
		// A failed download is tried again on the next request (e.g. back online).
		index = null;
		scope.postMessage({ id, error: String(e) });
	}
};
