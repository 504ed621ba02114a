/** A small synthetic question bank: chapters a, b, c with six questions of every type each. */
import type { AuthoredQuestionType, Question } from '../../src/lib/content/types';

const pos = { file: 'x.md', line: 1 };

export function smallBank(): Question[] {
	const out: Question[] = [];
	const types: AuthoredQuestionType[] = ['single', 'multiple', 'judge', 'fill', 'define', 'short'];
	for (const chapter of ['a', 'b', 'c']) {
		types.forEach((type) => {
			for (let i = 0; i < 6; i++) {
				const common = { id: `${chapter}-${type}-${i}`, chapter, stem: '?', explanation: '', concepts: [], source: 'authored' as const, tags: [], pos };
				const options = ['A', 'B', 'C', 'D'].map((key) => ({ key, text: key }));
				if (type === 'single') out.push({ ...common, type, options, answer: 'A' });
				else if (type === 'multiple') out.push({ ...common, type, options, answer: ['A', 'B'] });
				else if (type === 'judge') out.push({ ...common, type, options: [], answer: true });
				else if (type === 'fill') out.push({ ...common, type, options: [], answer: { blanks: [['x']], anyOrder: false } });
				else out.push({ ...common, type, options: [], answer: { model: '', points: ['p1', 'p2'] } });
			}
		});
	}
	return out;
}
