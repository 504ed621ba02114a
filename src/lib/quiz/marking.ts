/**
 * Marking: one pure function of (question, response, marks, rules). Papers are scored by
 * summing these, so every score in the app comes from the same rules.
 */
import type { Question } from '../content/types';
import { judgeCalcField } from './calc-ids';
import { judgeBlank } from './normalize';
import type { MarkResult, MarkingRules, Paper, Response } from './types';

export function emptyResponse(q: Question): Response {
	switch (q.type) {
		case 'single':
			return { type: 'single', choice: null };
		case 'multiple':
			return { type: 'multiple', choices: [] };
		case 'judge':
			return { type: 'judge', value: null };
		case 'fill':
			return { type: 'fill', blanks: q.answer.blanks.map(() => '') };
		case 'calc':
			return { type: 'calc', values: q.answer.fields.map(() => '') };
		default:
			return { type: q.type, text: '', ticked: null };
	}
}

export function isAnswered(r: Response | undefined): boolean {
	if (!r) return false;
	switch (r.type) {
		case 'single':
			return r.choice !== null;
		case 'multiple':
			return r.choices.length > 0;
		case 'judge':
			return r.value !== null;
		case 'fill':
			return r.blanks.some((b) => b.trim() !== '');
		case 'calc':
			return r.values.some((v) => v.trim() !== '');
		default:
			return r.text.trim() !== '' || (r.ticked?.length ?? 0) > 0;
	}
}

/** The response that earns full marks: used by 背题 mode and by tests. */
export function correctResponse(q: Question): Response {
	switch (q.type) {
		case 'single':
			return { type: 'single', choice: q.answer };
		case 'multiple':
			return { type: 'multiple', choices: [...q.answer] };
		case 'judge':
			return { type: 'judge', value: q.answer };
		case 'fill':
			return { type: 'fill', blanks: q.answer.blanks.map((b) => b[0]!) };
		case 'calc':
			return { type: 'calc', values: q.answer.fields.map((f) => String(f.value)) };
		default:
			return { type: q.type, text: q.answer.model, ticked: q.answer.points.map((_, i) => i) };
	}
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function result(earned: number, max: number, unanswered = false): MarkResult {
	const e = round(Math.min(max, Math.max(0, earned)));
	const status = unanswered ? 'unanswered' : e >= max ? 'correct' : e > 0 ? 'partial' : 'wrong';
	return { earned: e, max, status };
}

/**
 * Finds the most blanks that can be matched when order does not matter: each typed answer
 * may fill any one expected blank, and each expected blank is used once (bipartite matching).
 * Returns, for each expected blank, the typed answer that fills it (-1 for none).
 */
function matchOwners(given: string[], expected: string[][]): number[] {
	const owner = new Array<number>(expected.length).fill(-1);
	const ok = given.map((g) => expected.map((e) => judgeBlank(g, e) === 'correct'));
	const tryAssign = (i: number, seen: boolean[]): boolean => {
		for (let j = 0; j < expected.length; j++) {
			if (!ok[i]![j] || seen[j]) continue;
			seen[j] = true;
			if (owner[j] === -1 || tryAssign(owner[j]!, seen)) {
				owner[j] = i;
				return true;
			}
		}
		return false;
	};
	given.forEach((_, i) => tryAssign(i, new Array<boolean>(expected.length).fill(false)));
	return owner;
}

function matchAnyOrder(given: string[], expected: string[][]): ('correct' | 'near' | 'wrong' | 'empty')[] {
	const matched = new Set(matchOwners(given, expected).filter((i) => i >= 0));
	return given.map((g, i) => {
		if (matched.has(i)) return 'correct';
		const verdicts = expected.map((e) => judgeBlank(g, e));
		if (verdicts.includes('empty')) return 'empty';
		return verdicts.includes('near') ? 'near' : 'wrong';
	});
}

/**
 * 顺序不限 feedback: for each box the learner typed in, the expected blank to show beside it.
 * A right answer gets the blank it matched; the other boxes get the blanks left over, in order.
 */
export function anyOrderAnswerIndex(given: readonly string[], expected: string[][]): number[] {
	const owner = matchOwners([...given], expected);
	const byGiven = new Array<number>(given.length).fill(-1);
	owner.forEach((g, j) => {
		if (g >= 0) byGiven[g] = j;
	});
	const left = expected.map((_, j) => j).filter((j) => owner[j] === -1);
	return byGiven.map((j) => (j >= 0 ? j : (left.shift() ?? 0)));
}

export function markQuestion(q: Question, r: Response | undefined, marks: number, rules: MarkingRules): MarkResult {
	if (!r || r.type !== q.type || !isAnswered(r)) {
		const base = result(0, marks, true);
		if (q.type === 'calc') return { ...base, blanks: q.answer.fields.map(() => 'empty') };
		return q.type === 'fill' ? { ...base, blanks: q.answer.blanks.map(() => 'empty') } : base;
	}
	switch (q.type) {
		case 'single':
			return result(r.type === 'single' && r.choice === q.answer ? marks : 0, marks);
		case 'judge':
			return result(r.type === 'judge' && r.value === q.answer ? marks : 0, marks);
		case 'multiple': {
			const picked = new Set(r.type === 'multiple' ? r.choices : []);
			const correct = new Set(q.answer);
			const wrongPick = [...picked].some((c) => !correct.has(c));
			const hits = [...picked].filter((c) => correct.has(c)).length;
			if (wrongPick) return result(0, marks);
			if (hits === correct.size) return result(marks, marks);
			return result(rules.partialCredit ? (marks * hits) / correct.size : 0, marks);
		}
		case 'fill': {
			const given = r.type === 'fill' ? q.answer.blanks.map((_, i) => r.blanks[i] ?? '') : [];
			const blanks = q.answer.anyOrder ? matchAnyOrder(given, q.answer.blanks) : given.map((g, i) => judgeBlank(g, q.answer.blanks[i]!));
			const right = blanks.filter((b) => b === 'correct').length;
			return { ...result((marks * right) / blanks.length, marks), blanks };
		}
		case 'calc': {
			// Each field earns its share, as each blank of a 填空 does.
			const blanks = q.answer.fields.map((f, i) => judgeCalcField(r.type === 'calc' ? (r.values[i] ?? '') : '', f));
			const right = blanks.filter((b) => b === 'correct').length;
			return { ...result((marks * right) / blanks.length, marks), blanks };
		}
		case 'define':
		case 'short': {
			if (r.type !== 'define' && r.type !== 'short') return result(0, marks);
			if (r.ticked === null) return { earned: 0, max: marks, status: 'pending' };
			const points = q.answer.points.length;
			const ticked = new Set(r.ticked.filter((i) => Number.isInteger(i) && i >= 0 && i < points)).size;
			return result((marks * ticked) / points, marks);
		}
	}
}

export interface PaperScore {
	earned: number;
	max: number;
	items: (MarkResult & { questionId: string })[];
	byType: Record<string, { earned: number; max: number; count: number }>;
	byChapter: Record<string, { earned: number; max: number; count: number }>;
}

/** Scores a whole paper from the learner's answers with the paper's marking rules. */
export function scorePaper(paper: Paper, questions: ReadonlyMap<string, Question>, answers: Readonly<Record<string, Response>>): PaperScore {
	const score: PaperScore = { earned: 0, max: 0, items: [], byType: {}, byChapter: {} };
	const add = (bucket: Record<string, { earned: number; max: number; count: number }>, key: string, m: MarkResult) => {
		const b = (bucket[key] ??= { earned: 0, max: 0, count: 0 });
		b.earned += m.earned;
		b.max += m.max;
		b.count++;
	};
	for (const item of paper.items) {
		const q = questions.get(item.questionId);
		if (!q) continue;
		const m = markQuestion(q, answers[item.questionId], item.marks, paper.rules);
		score.items.push({ ...m, questionId: q.id });
		score.earned += m.earned;
		score.max += m.max;
		add(score.byType, q.type, m);
		add(score.byChapter, q.chapter, m);
	}
	score.earned = Math.round(score.earned * 1e6) / 1e6;
	return score;
}
