/**
 * Stored records of every kind, made by the app's own functions (never typed by hand), so the
 * schemas are tested against the shapes the app really writes.
 */
import { smallBank } from '../fixtures';
import { base64urlnopad } from '@scure/base';
import { encodeAssignment, type Assignment } from '../../../src/lib/formats/assignment-link';
import { createBackup, type BackupData } from '../../../src/lib/formats/backup';
import { sha256Hex } from '../../../src/lib/formats/digest';
import { createResultFile, type ResultFile } from '../../../src/lib/formats/result-file';
import { finish, newAttempt, type AttemptData } from '../../../src/lib/quiz/attempt';
import { recordAnswer, type Mistake } from '../../../src/lib/quiz/mistakes';
import { assemblePaper } from '../../../src/lib/quiz/paper';
import { DEFAULT_MAKEUP } from '../../../src/lib/quiz/types';
import { Rating, Scheduler } from '../../../src/lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/lib/srs/settings';

export const T0 = Date.parse('2026-06-01T08:00:00Z');

const bank = smallBank();
const byId = new Map(bank.map((q) => [q.id, q]));

export function sampleAttempt(finished = true): AttemptData {
	const { paper } = assemblePaper(bank, { rows: DEFAULT_MAKEUP.map((r) => ({ ...r, count: 1 })), chapters: [], shuffleOptions: true, rules: { partialCredit: true } }, 7);
	const a = newAttempt('mock', '模拟考试', paper, T0, 90);
	const [single, multiple, , fill, define] = ['single', 'multiple', 'judge', 'fill', 'define'].map((t) => paper.items.find((i) => i.type === t)!.questionId);
	a.answers[single!] = { type: 'single', choice: 'B' };
	a.answers[multiple!] = { type: 'multiple', choices: ['A', 'C'] };
	a.answers[fill!] = { type: 'fill', blanks: ['x'] };
	a.answers[define!] = { type: 'define', text: '客户关系', ticked: [0] };
	a.checked.push(define!);
	return finished ? finish(a, byId, T0 + 60_000) : a;
}

export function sampleMistake(questionId = 'a-single-0'): Mistake {
	return recordAnswer(undefined, questionId, false, { type: 'single', choice: 'B' }, T0)!;
}

export function sampleData(): BackupData {
	const s = new Scheduler({ retention: 0.9 });
	const first = s.rate('crm:card', null, Rating.Good, new Date(T0));
	const second = s.rate('crm:card', first.state, Rating.Again, new Date(T0 + 86_400_000));
	const attempt = sampleAttempt();
	return {
		cards: [{ id: 'crm:card', state: second.state }],
		reviews: [first.entry, second.entry],
		attempts: [{ id: 'a1', status: 'finished', kind: attempt.mode, startedAt: attempt.startedAt, updatedAt: attempt.finishedAt!, data: attempt }],
		mistakes: [{ questionId: 'a-single-0', data: sampleMistake() }],
		settings: [
			{ key: 'study', value: { ...DEFAULT_SETTINGS, retention: 0.85, examDate: '2026-12-25', fsrsWeights: null } },
			{ key: 'decks', value: [{ id: 'd1', name: '我的卡组', filter: { chapters: ['a'], kinds: ['term'], tags: [] }, custom: true }] },
			{ key: 'mistakesClearAfter', value: 3 },
			{ key: 'practiceResume', value: { 'single|a': 4 } },
			{ key: 'mockSetup', value: { rows: DEFAULT_MAKEUP, timeLimit: '90', partialCredit: true } }
		]
	};
}

export const sampleBackup = () => createBackup(sampleData(), T0 + 2 * 86_400_000);

export const sampleAssignment: Assignment = {
	v: 1,
	id: 'hw1',
	title: '作业一',
	questionIds: ['a-single-0', 'a-judge-0'],
	marks: [2, 2, 1, 1, 5, 10],
	partialCredit: false,
	timeLimitMin: 30,
	passMark: 60,
	attempts: 2,
	showAnswers: true,
	seed: 1
};

export function sampleResult(student = { name: '张三', number: '2024001' }, assignment: Assignment = sampleAssignment): ResultFile {
	return createResultFile({
		format: 'crm-study-result',
		version: 1,
		assignment,
		assignmentCode: encodeAssignment(assignment),
		student,
		startedAt: '2026-11-20T08:00:00.000Z',
		finishedAt: '2026-11-20T08:10:00.000Z',
		seed: 1,
		questionIds: ['a-single-0', 'a-judge-0'],
		answers: { 'a-single-0': { type: 'single', choice: 'A' }, 'a-judge-0': { type: 'judge', value: false } },
		score: { earned: 2, max: 3 }
	});
}

/** A link code for any positional payload, correctly signed, as a hand-made link would be. */
export function signedCode(positional: unknown): string {
	const payload = base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(positional)));
	return `1.${payload}.${sha256Hex(payload).slice(0, 8)}`;
}

/** The positional form of sampleAssignment, as encodeAssignment lays it out. */
export const samplePositional = (): unknown[] => ['hw1', '作业一', ['a-single-0', 'a-judge-0'], 0, [2, 2, 1, 1, 5, 10], 0, 30, 60, 2, 1, 1];

/** Values that break naive code: String() throws on the first two, the rest have the wrong type. */
export const HOSTILE: unknown[] = [{ toString: 0 }, { valueOf: 0, toString: 0 }, JSON.parse('{"__proto__":1,"constructor":0,"hasOwnProperty":0}'), null, '', 'x', -1, 1.5, 1e308, true, [], [{}], {}];

/** Every path to a value inside a JSON value (objects and arrays), root excluded. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (typeof value !== 'object' || value === null) return [];
	const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((x, i) => [i, x]) : Object.entries(value);
	return entries.flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
}

/** A deep copy with the value at `path` replaced. */
export function replaced<T>(value: T, path: (string | number)[], by: unknown): T {
	const copy = JSON.parse(JSON.stringify(value)) as T;
	let at = copy as Record<string | number, unknown>;
	for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
	// defineProperty, so that a "__proto__" key stays an own data property as JSON.parse makes it.
	Object.defineProperty(at, path.at(-1)!, { value: JSON.parse(JSON.stringify(by) ?? 'null'), enumerable: true, writable: true, configurable: true });
	return copy;
}

/** Han characters: a message meant for the learner is in Chinese. */
export const CHINESE = /[\u4e00-\u9fff]/;
