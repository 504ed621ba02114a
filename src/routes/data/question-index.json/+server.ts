import { json } from '@sveltejs/kit';
import { questionIndexJson } from '$lib/server/content';

export const prerender = true;

/** Ids, chapters, types and option keys: enough to choose questions and assemble a paper. */
export function GET() {
	return json(questionIndexJson());
}
