import { error } from '@sveltejs/kit';
import { conceptView, getCourse } from '$lib/server/content';

export function entries() {
	return getCourse().concepts.map((c) => ({ id: c.id }));
}

export function load({ params }) {
	const concept = conceptView(params.id);
	if (!concept) error(404, `没有 id 为 ${params.id} 的概念`);
	return { concept };
}
