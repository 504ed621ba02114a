import { describe, expect, it } from 'vitest';
import { parseCourse } from '../../../src/lib/content/parse';
import { loadContentFiles } from './load';

// `npm run content:check` runs just this file: the fastest way for an author to validate content/.
describe('content/', () => {
	it('parses and validates without errors', () => {
		const course = parseCourse(loadContentFiles());
		expect(course.chapters.length).toBeGreaterThan(0);
		console.log(
			`content OK: ${course.chapters.length} chapters, ${course.concepts.length} concepts, ${course.questions.length} questions`
		);
	});
});
