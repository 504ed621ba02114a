import { error } from '@sveltejs/kit';
import { exportFile, exportFileNames } from '$lib/server/exports';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => exportFileNames().map((name) => ({ name }));

export const GET: RequestHandler = ({ params }) => {
	const file = exportFile(params.name);
	if (!file) error(404, 'no such export');
	return new Response(file.body, { headers: { 'content-type': file.type } });
};
