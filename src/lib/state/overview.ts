/** The exam plan and the counts the flashcards, progress and home pages show, from a worker. */
import { base } from '$app/paths';
import { fetchCardIndex } from './cards';
import { offThread } from './off-thread';
import type { Overview, OverviewInput } from '$lib/srs/overview';
import type { OverviewRequest } from '$lib/workers/overview.worker';

const ask = offThread<OverviewRequest, Overview>(
	() => new Worker(new URL('../workers/overview.worker.ts', import.meta.url), { type: 'module' }),
	async ({ input }) => {
		const [{ overview }, cards] = await Promise.all([import('$lib/srs/overview'), fetchCardIndex()]);
		return overview(cards, input);
	}
);

export function cardOverview(input: OverviewInput): Promise<Overview> {
	return ask({ indexUrl: `${base}/data/card-index.json`, input });
}
