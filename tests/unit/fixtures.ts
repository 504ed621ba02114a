/** A small synthetic question bank: chapters a, b, c with six questions of every type each. */
import { encodeAssignment, type Assignment } from '../../src/lib/formats/assignment-link';
import { createResultFile } from '../../src/lib/formats/result-file';
import { assignmentPaper, regrade } from '../../src/lib/quiz/assignment';
import type { Response } from '../../src/lib/quiz/types';
import type { AuthoredQuestionType, Question, QuestionType } from '../../src/lib/content/types';

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

/** A checksummed result file for an assignment, as a student's browser would write it (times fixed, 12 minutes). */
export function resultFileFor(
	a: Assignment,
	bank: readonly Question[],
	student: { name: string; number: string },
	seed: number,
	answer: (id: string) => Response | undefined,
	claimed?: number,
	finishedAt = '2026-11-20T08:12:00.000Z'
) {
	const { paper } = assignmentPaper(a, bank, seed);
	const ids = paper.items.map((i) => i.questionId);
	const answers = Object.fromEntries(
		ids.flatMap((id) => {
			const r = answer(id);
			return r ? [[id, r] as const] : [];
		})
	);
	const r = regrade(a, seed, ids, answers, bank);
	return createResultFile({
		format: 'crm-study-result',
		version: 1,
		assignment: a,
		assignmentCode: encodeAssignment(a),
		student,
		startedAt: '2026-11-20T08:00:00.000Z',
		finishedAt,
		seed,
		questionIds: ids,
		answers,
		score: { earned: claimed ?? (r.ok ? r.score.earned : 0), max: r.ok ? r.score.max : 0 }
	});
}
