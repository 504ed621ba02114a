import { json } from '@sveltejs/kit';
import { questionsJson } from '$lib/server/content';

export const prerender = true;

export function GET() {
	return json(questionsJson());
}
