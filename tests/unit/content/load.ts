import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../../../src/lib/content/types';

/** Reads content/ from disk the way the build's import.meta.glob('/content/[0-9]*.md') does. */
export function loadContentFiles(root = process.cwd()): ContentFile[] {
	const dir = join(root, 'content');
	return readdirSync(dir)
		.filter((name) => /^[0-9].*\.md$/.test(name))
		.map((name) => ({ path: `content/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
