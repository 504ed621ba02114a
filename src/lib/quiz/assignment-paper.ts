/**
 * Instructor assignments as papers. A student's paper is a pure function of the assignment, the
 * question bank and one seed, so the teacher can rebuild every student's paper from the seed in
 * their result file and re-grade it (./assignment) without trusting anything else the file says.
 */
import type { Question } from '../content/types';
import { ASSIGNMENT_TYPES, type Assignment } from '../formats/assignment-link';
import { createResultFile, type ResultFile } from '../formats/result-file';
import type { AttemptData } from './attempt';
import { createRng, shuffle } from '../random';
import { assemblePaper, type PaperQuestion, type Shortfall } from './paper';
import { scorePaper } from './marking';
import type { Paper, PaperItem, Response } from './types';

// Links made before 计算 existed carry six counts and marks: the missing 计算 row draws nothing.
const marksFor = (a: Assignment, type: Question['type']) => a.marks[ASSIGNMENT_TYPES.indexOf(type)] ?? 5;

/**
 * Hand-picked questions keep the teacher's order on a fixed paper and are shuffled, with their
 * options, on a per-student paper. Drawn papers are assembled like a mock exam.
 */
export function assignmentPaper(a: Assignment, bank: readonly PaperQuestion[], seed: number): { paper: Paper; shortfalls: Shortfall[] } {
	const rules = { partialCredit: a.partialCredit };
	if (a.draw) {
		const rows = ASSIGNMENT_TYPES.map((type, i) => ({ type, count: a.draw!.counts[i] ?? 0, marks: marksFor(a, type) }));
		// A link without a 计算 set was made before the newer calculators: it draws from set 0, as it always did.
		return assemblePaper(bank, { rows, chapters: a.draw.chapters, shuffleOptions: a.seed === null, rules, calcSet: a.calcSet ?? 0 }, seed);
	}
	const byId = new Map(bank.map((q) => [q.id, q]));
	const picked = (a.questionIds ?? []).flatMap((id) => byId.get(id) ?? []);
	const perStudent = a.seed === null;
	const rng = createRng(seed);
	const ordered = perStudent ? shuffle(picked, rng) : picked;
	const items: PaperItem[] = ordered.map((q) => ({
		questionId: q.id,
		type: q.type,
		marks: marksFor(a, q.type),
		...(q.options.length ? { optionOrder: perStudent ? shuffle(q.options.map((o) => o.key), rng) : q.options.map((o) => o.key) } : {})
	}));
	return { paper: { seed, items, rules }, shortfalls: [] };
}

/** Total marks of an assignment's paper (the same for every student). */
export function assignmentMax(a: Assignment, bank: readonly PaperQuestion[]): number {
	return assignmentPaper(a, bank, a.seed ?? 0).paper.items.reduce((s, i) => s + i.marks, 0);
}

/**
 * Keeps only answers that have the shape their question expects, so a hand-edited or damaged
 * file can never crash marking; anything else counts as unanswered.
 */
export function sanitizeAnswers(raw: unknown, questions: ReadonlyMap<string, Question>): Record<string, Response> {
	const out: Record<string, Response> = {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
	const isStr = (v: unknown): v is string => typeof v === 'string';
	for (const [id, r] of Object.entries(raw as Record<string, unknown>)) {
		const q = questions.get(id);
		if (!q || typeof r !== 'object' || r === null) continue;
		const x = r as Record<string, unknown>;
		if (x.type !== q.type) continue;
		switch (q.type) {
			case 'single':
				if (x.choice === null || (isStr(x.choice) && q.options.some((o) => o.key === x.choice))) out[id] = { type: 'single', choice: x.choice as string | null };
				break;
			case 'multiple':
				if (Array.isArray(x.choices) && x.choices.every((c) => isStr(c) && q.options.some((o) => o.key === c))) out[id] = { type: 'multiple', choices: [...new Set(x.choices as string[])] };
				break;
			case 'judge':
				if (x.value === null || typeof x.value === 'boolean') out[id] = { type: 'judge', value: x.value };
				break;
			case 'fill':
				if (Array.isArray(x.blanks) && x.blanks.every(isStr)) out[id] = { type: 'fill', blanks: (x.blanks as string[]).slice(0, q.answer.blanks.length) };
				break;
			case 'define':
			case 'short':
				if (isStr(x.text) && (x.ticked === null || (Array.isArray(x.ticked) && x.ticked.every((t) => Number.isInteger(t))))) {
					out[id] = { type: q.type, text: x.text, ticked: x.ticked as number[] | null };
				}
				break;
			case 'calc':
				if (Array.isArray(x.values) && x.values.every(isStr)) out[id] = { type: 'calc', values: (x.values as string[]).slice(0, q.answer.fields.length) };
				break;
		}
	}
	return out;
}

/** The file a student hands in: their finished attempt, re-scored, with its checksum. */
export function toResultFile(data: AttemptData, assignment: Assignment, questions: ReadonlyMap<string, Question>): ResultFile {
	if (!data.assignment || data.finishedAt === null) throw new Error('not a finished assignment attempt');
	const score = scorePaper(data.paper, questions, data.answers);
	return createResultFile({
		format: 'crm-study-result',
		version: 1,
		assignment,
		assignmentCode: data.assignment.code,
		student: { ...data.assignment.student },
		startedAt: new Date(data.startedAt).toISOString(),
		finishedAt: new Date(data.finishedAt).toISOString(),
		seed: data.paper.seed,
		questionIds: data.paper.items.map((i) => i.questionId),
		answers: data.answers,
		score: { earned: score.earned, max: score.max }
	});
}

/** A file name that is safe on every system and tells the teacher whose file it is. */
export function resultFileName(title: string, student: { name: string; number: string }): string {
	const clean = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').trim().slice(0, 40);
	return `${[clean(title), clean(student.number), clean(student.name)].filter(Boolean).join('-') || '作业结果'}.json`;
}
