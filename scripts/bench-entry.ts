// Runs inside Chromium (bundled by scripts/bench.js): times the hot paths of a review session.
import { buildQueue } from '../src/lib/srs/queue';
import { Rating, Scheduler, State, newCardState, type CardState } from '../src/lib/srs/scheduler';
import { IdbBackend, ProgressStore } from '../src/lib/storage/store';
import { Journal, pageId } from '../src/lib/storage/journal';
import { createRng } from '../src/lib/random';
import type { Question } from '../src/lib/content/types';
import type { Assignment } from '../src/lib/formats/assignment-link';
import { encodeAssignment } from '../src/lib/formats/assignment-link';
import { createResultFile } from '../src/lib/formats/result-file';
import { assignmentPaper } from '../src/lib/quiz/assignment';
import { collectResults, gradebook } from '../src/lib/quiz/collect';
import { itemAnalysis } from '../src/lib/stats/class';

function stats(samples: number[]) {
	const s = [...samples].sort((a, b) => a - b);
	const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
	return { runs: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

async function main() {
	const rng = createRng(42);
	const now = Date.parse('2026-06-01T08:00:00+08:00');
	const ids: string[] = [];
	const states = new Map<string, CardState>();
	for (let i = 0; i < 10_000; i++) {
		const id = `concept-${i}:card`;
		ids.push(id);
		if (rng() < 0.2) continue; // 20 % new
		const due = now + (rng() - 0.3) * 30 * 86_400_000;
		states.set(id, { ...newCardState(new Date(now)), state: State.Review, due, stability: 1 + rng() * 60, difficulty: 1 + rng() * 9, reps: 3, last_review: Math.min(now - 86_400_000, due - 10 * 86_400_000), scheduled_days: 10 });
	}
	const scheduler = new Scheduler({ retention: 0.9 });
	const input = { cardIds: ids, states, now, newPerDay: 20, newSeenToday: 0, dayStartHour: 4, utcOffsetMinutes: 480, retention: 0.9, scheduler, examDate: now + 14 * 86_400_000 };

	for (let i = 0; i < 5; i++) buildQueue(input); // warm-up
	const queueTimes: number[] = [];
	let last = buildQueue(input);
	for (let i = 0; i < 50; i++) {
		const t = performance.now();
		last = buildQueue(input);
		queueTimes.push(performance.now() - t);
	}

	// The path a page's rating takes: noted in the localStorage journal, written through the store's queue, struck off.
	const backend = await IdbBackend.open(() => {}, `bench-${Date.now()}`);
	const store = new ProgressStore(backend, true, () => {}, new Journal(localStorage, pageId(Date.now(), Math.random())));
	const rateTimes: number[] = [];
	for (let i = 0; i < 120; i++) {
		const id = ids[i]!;
		const t = performance.now();
		const { state, entry } = scheduler.rate(id, states.get(id) ?? null, Rating.Good, new Date(now + i * 1000));
		await store.save({ method: 'saveReview', args: [state, entry] });
		if (i >= 20) rateTimes.push(performance.now() - t);
	}
	backend.close();
	return { queue: stats(queueTimes), rate: stats(rateTimes), due: last.due.length, exam: last.exam.length, grading: gradeClass() };
}

/**
 * An instructor drops 200 result files of a per-student 42-question paper drawn from a 504-question
 * bank: every file is checked (SHA-256), every paper rebuilt and re-graded, then the gradebook and
 * the item analysis are computed.
 */
function gradeClass() {
	const rng = createRng(7);
	const pos = { file: 'x.md', line: 1 };
	const options = ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `选项 ${key}` }));
	const bank: Question[] = [];
	for (let i = 0; i < 84; i++) {
		const c = { chapter: `ch${i % 12}`, stem: `题干 ${i}`, explanation: '', concepts: [], source: 'authored' as const, tags: [], pos };
		bank.push({ ...c, id: `s-${i}`, type: 'single', options, answer: 'A' });
		bank.push({ ...c, id: `m-${i}`, type: 'multiple', options, answer: ['A', 'C'] });
		bank.push({ ...c, id: `j-${i}`, type: 'judge', options: [], answer: true });
		bank.push({ ...c, id: `f-${i}`, type: 'fill', options: [], answer: { blanks: [['甲'], ['乙']], anyOrder: true } });
		bank.push({ ...c, id: `d-${i}`, type: 'define', options: [], answer: { model: '定义', points: ['一', '二'] } });
		bank.push({ ...c, id: `h-${i}`, type: 'short', options: [], answer: { model: '要点', points: ['一', '二', '三'] } });
	}
	const assignment: Assignment = { v: 1, id: 'bench', title: '基准', draw: { chapters: [], counts: [10, 5, 10, 10, 4, 3] }, marks: [2, 2, 1, 1, 5, 10], partialCredit: true, timeLimitMin: 60, passMark: 60, attempts: 1, showAnswers: true, seed: null };
	const code = encodeAssignment(assignment);
	const files = Array.from({ length: 200 }, (_, n) => {
		const seed = n + 1;
		const { paper } = assignmentPaper(assignment, bank, seed);
		const answers = Object.fromEntries(
			paper.items.map((it) => {
				const pick = options[Math.floor(rng() * 4)]!.key;
				const r = { single: { type: 'single', choice: pick }, multiple: { type: 'multiple', choices: [pick] }, judge: { type: 'judge', value: rng() < 0.7 }, fill: { type: 'fill', blanks: ['甲', '丙'] }, define: { type: 'define', text: '……', ticked: [0] }, short: { type: 'short', text: '……', ticked: [0, 1] } }[it.type];
				return [it.questionId, r];
			})
		);
		const file = createResultFile({ format: 'crm-study-result', version: 1, assignment, assignmentCode: code, student: { name: `学生${n}`, number: String(2024000 + n) }, startedAt: '2026-06-01T08:00:00.000Z', finishedAt: '2026-06-01T08:40:00.000Z', seed, questionIds: paper.items.map((i) => i.questionId), answers, score: { earned: 0, max: 100 } });
		return { name: `${n}.json`, text: JSON.stringify(file) };
	});
	const times: number[] = [];
	let rows = 0;
	for (let run = 0; run < 6; run++) {
		const t = performance.now();
		const { accepted } = collectResults(files, assignment, new Map([[assignment.id, assignment]]), [], bank, 0);
		const book = gradebook(accepted, assignment, bank);
		itemAnalysis(book, new Map(bank.map((q) => [q.id, q])));
		if (run > 0) times.push(performance.now() - t);
		rows = book.length;
	}
	return { ...stats(times), rows };
}

(window as unknown as { __bench: Promise<unknown> }).__bench = main();
