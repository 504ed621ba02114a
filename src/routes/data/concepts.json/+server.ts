import { json } from '@sveltejs/kit';
import { conceptsJson } from '$lib/server/content';

export const prerender = true;

export function GET() {
	return json(conceptsJson());
}
