/**
 * The shape of every record the app stores, as schemas. Backups are checked against them
 * before anything is written, and each page checks what it reads, so one damaged record
 * (an old bug, a hand-edited backup, another program) is skipped and reported instead of
 * breaking the page.
 *
 * The domain types (CardState, ReviewEntry, AttemptData, Mistake, StudySettings, Deck) stay
 * where their modules define them; the `Equals` lines below fail to compile if a type and
 * its schema ever drift apart, so a new field must be added here too.
 */
import { QUESTION_TYPE_LABELS, type QuestionType } from '../content/types';
import type { AttemptData } from '../quiz/attempt';
import type { AttemptMode } from '../quiz/types';
import type { Mistake } from '../quiz/mistakes';
import type { MakeupRow, Response } from '../quiz/types';
import { CARD_KIND_LABELS, type CardKind } from '../srs/cards';
import type { Deck } from '../srs/decks';
import type { JournalEntry } from '../storage/journal';
import type { CardState, Grade, ReviewEntry, State } from '../srs/scheduler';
import { DEFAULT_SETTINGS, type StudySettings } from '../srs/settings';
import { arr, bool, check, int, num, obj, oneOf, range, str, text, time, v, type Equals } from './schema';

const questionTypes = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];
const cardKinds = Object.keys(CARD_KIND_LABELS) as CardKind[];
const nullable = <S extends v.GenericSchema>(s: S) => v.nullable(s);

// ---- flashcards ----

const fsrsState = v.pipe(int(0, 3, '应为 0–3 的整数（新卡、学习中、复习、重新学习）'), v.transform((n) => n as State));

export const cardStateSchema = obj({
	due: time(),
	stability: range(0, 1e6, '应为不小于 0 的数'),
	difficulty: range(0, 100, '应为 0–100 之间的数'),
	elapsed_days: range(0, 1e6, '应为不小于 0 的天数'),
	scheduled_days: range(0, 1e6, '应为不小于 0 的天数'),
	learning_steps: int(0, 1000),
	reps: int(0, 1e9),
	lapses: int(0, 1e9),
	state: fsrsState,
	last_review: nullable(time())
});

export const reviewEntrySchema = obj({
	id: text(1, 300, '复习记录编号'),
	cardId: text(1, 300, '卡片编号'),
	rating: v.pipe(int(1, 4, '应为 1–4 的整数（重来、困难、良好、简单）'), v.transform((n) => n as Grade)),
	state: fsrsState,
	review: time(),
	due: time(),
	stability: range(0, 1e6, '应为不小于 0 的数'),
	difficulty: range(0, 100, '应为 0–100 之间的数'),
	scheduled_days: range(0, 1e6, '应为不小于 0 的天数'),
	prev: nullable(cardStateSchema),
	origin: oneOf(['flashcard', 'quiz'], '应为 "flashcard" 或 "quiz"')
});

export const storedCardSchema = obj({ id: text(1, 300, '卡片编号'), state: cardStateSchema });

// ---- quiz ----

// Limits here are far above anything the app writes: they bound absurd records, not real ones.
const answerText = v.pipe(str(), v.maxLength(100_000, '不能超过 100000 个字'));

export const responseSchema = v.variant(
	'type',
	[
		obj({ type: v.literal('single'), choice: nullable(str()) }),
		obj({ type: v.literal('multiple'), choices: arr(str(), 26) }),
		obj({ type: v.literal('judge'), value: nullable(bool()) }),
		obj({ type: v.literal('fill'), blanks: arr(answerText, 50) }),
		obj({ type: oneOf(['define', 'short'], '应为题型'), text: answerText, ticked: nullable(arr(int(0, 100), 100)) }),
		obj({ type: v.literal('calc'), values: arr(answerText, 20) })
	],
	`应为一次作答，type 为 ${['single', 'multiple', 'judge', 'fill', 'define', 'short', 'calc'].join('、')} 之一`
);

const questionType = oneOf(questionTypes, `应为题型（${questionTypes.join('、')}）之一`);
const tally = obj({ earned: num(), max: num(), count: int(0, 1e6) });

export const paperSchema = obj({
	seed: int(0, 0xffffffff),
	items: arr(obj({ questionId: text(1, 200, '题目编号'), type: questionType, marks: range(0, 1000), optionOrder: v.optional(arr(str(), 26)) }), 10_000),
	rules: obj({ partialCredit: bool() })
});

const markStatus = oneOf(['correct', 'partial', 'wrong', 'unanswered', 'pending'], '应为评分状态（correct、partial、wrong、unanswered、pending）之一');

export const paperScoreSchema = obj({
	earned: num(),
	max: num(),
	items: arr(
		obj({
			questionId: text(1, 200, '题目编号'),
			earned: num(),
			max: num(),
			status: markStatus,
			blanks: v.optional(arr(oneOf(['correct', 'near', 'wrong', 'empty'], '应为 correct、near、wrong 或 empty'), 50))
		}),
		10_000
	),
	byType: v.record(str(), tally, '应为对象（{…}）'),
	byChapter: v.record(str(), tally, '应为对象（{…}）')
});

const modes: AttemptMode[] = ['practice', 'review', 'mock', 'mistakes', 'assignment'];

export const attemptDataSchema = obj({
	mode: oneOf(modes, `应为 ${modes.join('、')} 之一`),
	title: text(0, 2000, '标题'),
	paper: paperSchema,
	answers: v.record(str(), responseSchema, '应为对象（{…}），键为题目编号'),
	checked: arr(str(), 10_000),
	cursor: int(0, 10_000),
	startedAt: time(),
	deadline: nullable(time()),
	finishedAt: nullable(time()),
	score: nullable(paperScoreSchema),
	resume: v.optional(obj({ key: text(1, 10_000, '位置键'), offset: int(0, 1e6), total: v.optional(int(0, 1e6)) })),
	flagged: v.optional(arr(str(), 10_000)),
	assignment: v.optional(
		obj({
			id: text(1, 64, '作业编号'),
			code: text(1, 20_000, '作业链接代码'),
			student: obj({ name: text(0, 40, '姓名'), number: text(0, 40, '学号') }),
			showAnswers: bool()
		})
	)
});

export const storedAttemptSchema = obj({
	id: text(1, 200, '测验编号'),
	status: oneOf(['active', 'finished'], '应为 "active" 或 "finished"'),
	kind: text(1, 50, '测验类型'),
	startedAt: time(),
	updatedAt: time(),
	data: attemptDataSchema
});

export const mistakeSchema = obj({
	questionId: text(1, 200, '题目编号'),
	misses: int(0, 1e6),
	firstMissedAt: time(),
	lastMissedAt: time(),
	streak: int(0, 1e6),
	starred: bool(),
	lastWrong: nullable(responseSchema)
});

export const storedMistakeSchema = v.pipe(
	obj({ questionId: text(1, 200, '题目编号'), data: mistakeSchema }),
	v.check((m) => m.data.questionId === m.questionId, 'data.questionId 应与 questionId 相同')
);

// ---- the write journal (localStorage) ----

const journaledReview = obj({ state: cardStateSchema, entry: reviewEntrySchema });

export const journalEntrySchema = v.variant('method', [
	obj({ method: v.literal('saveReview'), args: v.tuple([cardStateSchema, reviewEntrySchema]) }),
	obj({ method: v.literal('undoReview'), args: v.tuple([reviewEntrySchema]) }),
	obj({ method: v.literal('putAttempt'), args: v.tuple([storedAttemptSchema]) }),
	obj({
		method: v.literal('saveQuizProgress'),
		args: v.tuple([storedAttemptSchema, arr(storedMistakeSchema), arr(text(1, 200, '题目编号')), arr(journaledReview)])
	})
]);

// ---- settings ----

const examDate = v.pipe(
	str('应为 年-月-日 形式的日期，例如 2026-12-25，或 null'),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, '应为 年-月-日 形式的日期，例如 2026-12-25，或 null'),
	v.check((s) => !Number.isNaN(Date.parse(s)), '应为存在的日期，例如 2026-12-25')
);

/** Each field of the study settings; a stored one may lack fields added since it was saved. */
export const studySettingsEntries = {
	retention: range(0.7, 0.99, '应为 0.70–0.99 之间的数，例如 0.9'),
	newPerDay: int(0, 500),
	dayStartHour: int(0, 23),
	examDate: nullable(examDate),
	reverseCards: bool(),
	minutesPerDay: int(0, 1440),
	planExcluded: arr(text(1, 200, '章节编号'), 200),
	fsrsWeights: nullable(v.pipe(arr(num(), 21), v.minLength(17, '应为 17–21 个数'))),
	extraNew: nullable(obj({ day: int(0, 1e6), count: int(0, 500) })),
	courseOnly: bool()
} satisfies { [K in keyof StudySettings]: v.GenericSchema };

export const studySettingsSchema = v.partial(obj(studySettingsEntries));

const deckSchema = obj({
	id: text(1, 200, '卡组编号'),
	name: text(1, 2000, '卡组名称'),
	filter: obj({
		chapters: arr(str(), 200),
		kinds: arr(oneOf(cardKinds, `应为卡片类型（${cardKinds.join('、')}）之一`), cardKinds.length),
		tags: arr(str(), 200),
		courseOnly: v.optional(bool())
	}),
	custom: bool()
});

export const decksSchema = arr(deckSchema, 500);

const mockSetupRow = obj({ type: questionType, count: int(0, 10_000), marks: range(0, 10_000) });

export const mockSetupSchema = obj({
	rows: arr(mockSetupRow, questionTypes.length),
	timeLimit: v.pipe(str(), v.maxLength(10, '不能超过 10 个字')),
	partialCredit: bool(),
	courseOnly: v.optional(bool())
});

export const practiceResumeSchema = v.record(str(), int(0, 1e6), '应为对象（{…}），值为题目位置');

/**
 * A class's settings on the teacher's side (ClassSettings in state/teach), checked field by
 * field: a damaged field falls back to its default and the other is kept.
 */
const classSettingsEntries = {
	selfMarks: bool(),
	roster: arr(obj({ number: str(), name: str() }), 10_000)
};

export function readClassSettings(stored: unknown): { selfMarks: boolean; roster: { number: string; name: string }[] } {
	const raw: Record<string, unknown> = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
	return {
		selfMarks: v.is(classSettingsEntries.selfMarks, raw.selfMarks) ? raw.selfMarks : false,
		roster: v.is(classSettingsEntries.roster, raw.roster) ? raw.roster : []
	};
}

/** The settings the app reads, by key. Keys not listed here are kept as they are. */
export const SETTING_SCHEMAS: Record<string, v.GenericSchema> = {
	study: studySettingsSchema,
	decks: decksSchema,
	mistakesClearAfter: int(1, 10),
	practiceResume: practiceResumeSchema,
	mockSetup: mockSetupSchema
};

// Own keys only: a stored key such as "toString" must not find Object.prototype.toString.
const settingSchema = (key: string) => (Object.prototype.hasOwnProperty.call(SETTING_SCHEMAS, key) ? SETTING_SCHEMAS[key] : undefined);

export const storedSettingSchema = v.pipe(
	obj({ key: text(1, 200, '设置项名称'), value: v.unknown() }),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const schema = settingSchema(dataset.value.key);
		if (!schema) return dataset.value;
		const r = v.safeParse(schema, dataset.value.value, { abortEarly: true });
		if (r.success) return { key: dataset.value.key, value: r.output as unknown };
		const issue = r.issues[0];
		addIssue({ message: issue.message, input: issue.input, path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'value', value: dataset.value.value }, ...(issue.path ?? [])] });
		return NEVER;
	})
);

// ---- proofs that the schemas describe the domain types exactly ----

type Proven<T extends true> = T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaProofs = [
	Proven<Equals<v.InferOutput<typeof cardStateSchema>, CardState>>,
	Proven<Equals<v.InferOutput<typeof reviewEntrySchema>, ReviewEntry>>,
	Proven<Equals<v.InferOutput<typeof responseSchema>, Response>>,
	// PaperScore items are an intersection type, which Equals tells apart from the flat schema object.
	Proven<Mutual<v.InferOutput<typeof attemptDataSchema>, AttemptData>>,
	Proven<Equals<keyof v.InferOutput<typeof attemptDataSchema>, keyof AttemptData>>,
	Proven<Equals<v.InferOutput<typeof mistakeSchema>, Mistake>>,
	Proven<Equals<Required<v.InferOutput<typeof studySettingsSchema>>, StudySettings>>,
	Proven<Equals<v.InferOutput<typeof deckSchema>, Deck>>,
	Proven<Equals<v.InferOutput<typeof mockSetupRow>, MakeupRow>>,
	Proven<Mutual<v.InferOutput<typeof journalEntrySchema>, JournalEntry>>
];

export type StoredCardRecord = v.InferOutput<typeof storedCardSchema>;
export type StoredAttemptRecord = v.InferOutput<typeof storedAttemptSchema>;
export type StoredMistakeRecord = v.InferOutput<typeof storedMistakeSchema>;
export type StoredSettingRecord = v.InferOutput<typeof storedSettingSchema>;

// ---- checks for what a page reads ----

/** What survived a check, and how many records were damaged. */
export interface Sifted<T> {
	valid: T[];
	skipped: number;
	/** The first problem found, for the console and for tests. */
	firstProblem: string | null;
}

/** Keeps the records that pass the schema; never throws, whatever was stored. */
export function sift<S extends v.GenericSchema>(schema: S, records: unknown, root: string): Sifted<v.InferOutput<S>> {
	const out: Sifted<v.InferOutput<S>> = { valid: [], skipped: 0, firstProblem: null };
	if (!Array.isArray(records)) return { ...out, skipped: 1, firstProblem: `${root} 应为列表` };
	records.forEach((r, i) => {
		const c = check(schema, r, `${root}[${i}]`);
		if (c.ok) out.valid.push(c.value);
		else {
			out.skipped++;
			out.firstProblem ??= c.message;
		}
	});
	return out;
}

export const siftReviews = (records: unknown) => sift(reviewEntrySchema, records, 'reviews');
export const siftAttempts = (records: unknown) => sift(storedAttemptSchema, records, 'attempts');
export const siftMistakes = (records: unknown) => sift(storedMistakeSchema, records, 'mistakes');
/** A journal left by a page that went away: the writes that pass their check, in order. */
export const readJournal = (records: unknown): JournalEntry[] => sift(journalEntrySchema, records, 'journal').valid;

/** Card states as the store returns them (a map by card id). */
export function siftCardStates(states: ReadonlyMap<string, unknown>): { valid: Map<string, CardState>; skipped: number } {
	const valid = new Map<string, CardState>();
	let skipped = 0;
	for (const [id, s] of states) {
		const c = check(cardStateSchema, s);
		if (c.ok) valid.set(id, c.value);
		else skipped++;
	}
	return { valid, skipped };
}

/**
 * Stored study settings: a damaged field falls back to its default and the others are kept.
 * `bad` names the fields that were reset, so the page can say so.
 */
export function readStudySettings(stored: unknown): { settings: StudySettings; bad: string[] } {
	const settings: StudySettings = { ...DEFAULT_SETTINGS };
	const bad: string[] = [];
	if (stored === undefined || stored === null) return { settings, bad };
	if (typeof stored !== 'object' || Array.isArray(stored)) return { settings, bad: ['study'] };
	const record = stored as Record<string, unknown>;
	for (const key of Object.keys(studySettingsEntries) as (keyof StudySettings)[]) {
		if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
		const c = check(studySettingsEntries[key], record[key]);
		if (c.ok) (settings as unknown as Record<string, unknown>)[key] = c.value;
		else bad.push(key);
	}
	return { settings, bad };
}

/** One stored setting other than the study settings: the checked value, or undefined if damaged. */
export type CheckedSettingKey = 'decks' | 'mistakesClearAfter' | 'practiceResume' | 'mockSetup';

export function readSetting<K extends CheckedSettingKey>(
	key: K,
	stored: unknown
): { value: SettingValue<K> | undefined; damaged: boolean } {
	if (stored === undefined) return { value: undefined, damaged: false };
	const c = check(SETTING_SCHEMAS[key]!, stored);
	return c.ok ? { value: c.value as SettingValue<K>, damaged: false } : { value: undefined, damaged: true };
}

export type SettingValue<K> = K extends 'decks'
	? Deck[]
	: K extends 'mistakesClearAfter'
		? number
		: K extends 'practiceResume'
			? Record<string, number>
			: K extends 'mockSetup'
				? v.InferOutput<typeof mockSetupSchema>
				: never;

export { damagedSettingNotice, settingsNotice, skippedNotice } from './notices';

