/**
 * Assignment links. The site has no server, so an assignment travels inside its link:
 * `1.<payload>.<check>` where
 * - `1` is the format version, always first so that any later format can still be told apart;
 * - payload is base64url(UTF-8(JSON of a positional array)) — positions instead of keys keep
 *   links (and their QR codes) short; only question ids travel, never question text;
 * - check is the first 8 hex digits of the payload's SHA-256. Sitting at the end, it makes a
 *   link cut short by a chat app or a partial copy recognisable as *truncated* rather than
 *   merely broken. It detects accidents, not forgery.
 */
import { base64urlnopad } from '@scure/base';
import { ID_PATTERN } from '../content/parse';
import { QUESTION_TYPE_LABELS, type QuestionType } from '../content/types';
import { LATEST_CALC_SET } from '../calc/drill-kinds';
import { sha256Hex } from './digest';
import { fieldPath, int, range, v } from './schema';

export const ASSIGNMENT_VERSION = 1;

/** Question types in the fixed order that per-type arrays (counts, marks) follow. */
export const ASSIGNMENT_TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];

export type AssignmentErrorKind = 'malformed' | 'truncated' | 'newer-version' | 'unknown-questions' | 'invalid';

export interface AssignmentError {
	kind: AssignmentErrorKind;
	/** Simplified Chinese: what is wrong and what to do about it. */
	message: string;
	unknownIds?: string[];
}

export type DecodeResult = { ok: true; assignment: Assignment } | { ok: false; error: AssignmentError };

export const ASSIGNMENT_LIMITS = {
	idMaxLength: 64,
	titleMaxLength: 100,
	maxQuestions: 500,
	marks: { min: 0.5, max: 100 },
	timeLimitMin: { min: 1, max: 600 },
	attempts: { min: 0, max: 10 },
	seedMax: 0xffffffff,
	/** Latest instant a JavaScript Date can hold, in epoch milliseconds. */
	timeMax: 8.64e15
} as const;

const ASSIGNMENT_ID = /^[A-Za-z0-9_-]+$/;
/** Links made before 计算 (the last type) carry one count and one mark fewer; they stay valid. */
const typeCountOk = (n: number) => n === ASSIGNMENT_TYPES.length || n === ASSIGNMENT_TYPES.length - 1;
const CHECK_LENGTH = 8;

// Lone surrogates cannot survive UTF-8, so a title containing one would not round-trip.
const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const L = ASSIGNMENT_LIMITS;
const perType = <S extends v.GenericSchema>(item: S, message: string) =>
	v.pipe(v.array(item, message), v.check((a) => typeCountOk(a.length), `${message}（共 ${ASSIGNMENT_TYPES.length} 项，按 ${ASSIGNMENT_TYPES.join('、')} 的顺序；计算题出现以前的链接少最后一项）`));

/**
 * The assignment as the teacher set it. Each message names the setting in Chinese; the
 * field's own name follows in brackets so a hand-made link or file can be fixed.
 */
export const assignmentSchema = v.strictObject(
	{
		v: v.literal(1, '作业格式版本应为 1'),
		id: v.pipe(v.string('作业编号应为文字'), v.regex(ASSIGNMENT_ID, '作业编号应由英文字母、数字、“-”或“_”组成'), v.maxLength(L.idMaxLength, `作业编号不能超过 ${L.idMaxLength} 个字符`)),
		title: v.pipe(v.string('作业标题应为文字'), v.maxLength(L.titleMaxLength, `作业标题不能超过 ${L.titleMaxLength} 个字`)),
		questionIds: v.optional(v.pipe(v.array(v.string('题目编号应为文字'), '手选题目应为题目编号的列表'), v.maxLength(L.maxQuestions, `手选题目不能超过 ${L.maxQuestions} 道`))),
		draw: v.optional(
			v.object(
				{
					chapters: v.array(v.string('章节编号应为文字'), '抽题的章节应为章节编号的列表'),
					counts: perType(int(0, L.maxQuestions, `各题型的抽题数量应为 0–${L.maxQuestions} 的整数`), '各题型的抽题数量应为列表')
				},
				'抽题设置应为对象'
			)
		),
		marks: perType(range(L.marks.min, L.marks.max, `每题分值应在 ${L.marks.min}–${L.marks.max} 分之间`), '每题分值应为列表'),
		partialCredit: v.boolean('“多选题部分得分”应为 true 或 false'),
		timeLimitMin: v.nullable(int(L.timeLimitMin.min, L.timeLimitMin.max, `限时应为 ${L.timeLimitMin.min}–${L.timeLimitMin.max} 分钟的整数，或不限时（null）`)),
		passMark: range(0, 100, '及格线应在 0–100 之间'),
		attempts: int(L.attempts.min, L.attempts.max, '允许作答次数应为 1–10 的整数，或 0 表示不限'),
		showAnswers: v.boolean('“提交后显示答案”应为 true 或 false'),
		seed: v.nullable(int(0, L.seedMax, `试卷种子应为 0–${L.seedMax} 的整数，或留空表示每位学生随机`)),
		/*
		 * Optional window, epoch milliseconds. Absent in links made before it existed; such links
		 * encode and decode exactly as before (11 positions), so old links and result files still work.
		 */
		opensAt: v.optional(int(0, L.timeMax, '开放时间格式不对')),
		closesAt: v.optional(int(0, L.timeMax, '截止时间格式不对')),
		/*
		 * Which set of calculators drawn 计算 questions come from (CALC_SETS). Absent means set 0,
		 * the calculators that existed before the field: links made then keep drawing the same papers.
		 */
		calcSet: v.optional(int(1, LATEST_CALC_SET, `计算题范围应为 1–${LATEST_CALC_SET} 的整数，或不填`))
	},
	(issue) => (issue.expected === 'never' ? '作业设置中有未知的项' : '作业设置缺失')
);

export type Assignment = v.InferOutput<typeof assignmentSchema>;
export type AssignmentDraw = NonNullable<Assignment['draw']>;

/**
 * The first thing wrong with an assignment, in Chinese, or null if it is valid. Shared by the
 * link decoder, result-file parsing and the teacher's form. Schema first, then the rules
 * that relate fields to each other.
 */
export function validateAssignment(input: unknown): string | null {
	const c = checkAssignment(input);
	return c.ok ? null : c.message;
}

/** The checked assignment, or the first thing wrong with it (as validateAssignment says). */
export function checkAssignment(input: unknown): { ok: true; value: Assignment } | { ok: false; message: string } {
	const r = v.safeParse(assignmentSchema, input, { abortEarly: true });
	if (!r.success) {
		const path = fieldPath(r.issues[0]);
		return { ok: false, message: `${r.issues[0].message}${path ? `（${path}）` : ''}。` };
	}
	const problem = assignmentRules(r.output);
	return problem ? { ok: false, message: problem } : { ok: true, value: r.output };
}

/** The rules that relate fields to each other, once each field has the right type. */
function assignmentRules(a: Assignment): string | null {
	if (a.title.trim() === '') return '作业标题不能为空（title）。';
	if (hasLoneSurrogate(a.title)) return '作业标题中含有无法识别的字符（title）。';
	if ((a.questionIds === undefined) === (a.draw === undefined)) return '作业应当“手选题目”（questionIds）或“按章节和题型抽题”（draw）二选一。';
	if (a.questionIds) {
		const ids = a.questionIds;
		if (ids.length === 0) return '手选题目列表不能为空（questionIds）。';
		const bad = ids.findIndex((id) => !ID_PATTERN.test(id));
		if (bad >= 0) return `题目编号“${ids[bad]}”格式不对（questionIds[${bad}]）。`;
		const seen = new Set<string>();
		const dup = ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
		if (dup !== undefined) return `题目“${dup}”重复出现（questionIds）。`;
	} else if (a.draw) {
		const bad = a.draw.chapters.findIndex((c) => !ID_PATTERN.test(c));
		if (bad >= 0) return `抽题的章节编号“${a.draw.chapters[bad]}”格式不对（draw.chapters[${bad}]）。`;
		const total = a.draw.counts.reduce((x, y) => x + y, 0);
		if (total === 0) return '至少要抽 1 道题：请给某个题型填上数量（draw.counts）。';
		if (total > L.maxQuestions) return `抽题总数不能超过 ${L.maxQuestions} 道（当前 ${total} 道，draw.counts）。`;
	}
	if (a.opensAt !== undefined && a.closesAt !== undefined && a.closesAt <= a.opensAt) return '截止时间应晚于开放时间（closesAt）。';
	return null;
}

// ---- encoding ----

const fingerprint = (payload: string) => sha256Hex(payload).slice(0, CHECK_LENGTH);

type Positional = [string, string, string[] | 0, [string[], number[]] | 0, number[], 0 | 1, number | null, number, number, 0 | 1, number | null, ...(number | null)[]];

/** Throws on an invalid assignment: the teacher's form must validate before sharing. */
export function encodeAssignment(a: Assignment): string {
	const problem = validateAssignment(a);
	if (problem) throw new Error(`invalid assignment: ${problem}`);
	const positional: Positional = [
		a.id,
		a.title,
		a.questionIds ?? 0,
		a.draw ? [a.draw.chapters, a.draw.counts] : 0,
		a.marks,
		a.partialCredit ? 1 : 0,
		a.timeLimitMin,
		a.passMark,
		a.attempts,
		a.showAnswers ? 1 : 0,
		a.seed
	];
	// The window travels in two extra positions and the 计算 set in a third, only when set, so links without them are unchanged.
	if (a.opensAt !== undefined || a.closesAt !== undefined || a.calcSet !== undefined) positional.push(a.opensAt ?? null, a.closesAt ?? null);
	if (a.calcSet !== undefined) positional.push(a.calcSet);
	const payload = base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(positional)));
	return `${ASSIGNMENT_VERSION}.${payload}.${fingerprint(payload)}`;
}

const FIX_LINK = '请向老师重新索取完整的作业链接（或重新扫描二维码）。';

function fail(kind: AssignmentErrorKind, message: string, unknownIds?: string[]): DecodeResult {
	return { ok: false, error: { kind, message, ...(unknownIds ? { unknownIds } : {}) } };
}

function fromPositional(p: unknown): Record<string, unknown> | null {
	if (!Array.isArray(p) || (p.length !== 11 && p.length !== 13 && p.length !== 14)) return null;
	const [id, title, ids, draw, marks, partialCredit, timeLimitMin, passMark, attempts, showAnswers, seed, opensAt, closesAt, calcSet] = p as unknown[];
	if ((showAnswers !== 0 && showAnswers !== 1) || (partialCredit !== 0 && partialCredit !== 1)) return null;
	if (ids !== 0 && !Array.isArray(ids)) return null;
	if (draw !== 0 && (!Array.isArray(draw) || draw.length !== 2)) return null;
	const a: Record<string, unknown> = { v: 1, id, title };
	if (ids !== 0) a.questionIds = ids;
	if (Array.isArray(draw)) a.draw = { chapters: draw[0], counts: draw[1] };
	Object.assign(a, { marks, partialCredit: partialCredit === 1, timeLimitMin, passMark, attempts, showAnswers: showAnswers === 1, seed });
	if (opensAt !== undefined && opensAt !== null) a.opensAt = opensAt;
	if (closesAt !== undefined && closesAt !== null) a.closesAt = closesAt;
	if (calcSet !== undefined) a.calcSet = calcSet;
	return a;
}

/**
 * Reads an assignment code. Whitespace is ignored because mail clients wrap long links.
 * Unknown question ids are reported all at once so the teacher sees the whole problem.
 */
export function decodeAssignment(code: string, known: { questionIds: ReadonlySet<string>; chapterIds: ReadonlySet<string> }): DecodeResult {
	const s = code.replace(/\s+/g, '');
	if (s === '') return fail('malformed', `作业链接中没有作业内容。${FIX_LINK}`);
	if (s.includes('%')) return fail('malformed', `作业链接中有残缺的“%”转义字符，链接可能在复制或转发时被截断或改动。${FIX_LINK}`);
	const head = /^(\d+)(?:\.|$)/.exec(s);
	if (!head) return fail('malformed', `这不是本站生成的作业链接，或链接已损坏。${FIX_LINK}`);
	const version = Number(head[1]);
	if (version > ASSIGNMENT_VERSION) {
		return fail('newer-version', `这个作业链接由更新版本的本站生成（格式版本 ${version}），当前页面只能读取版本 ${ASSIGNMENT_VERSION}。请刷新页面（必要时清除浏览器缓存）后再打开链接。`);
	}
	if (version !== ASSIGNMENT_VERSION) return fail('malformed', `作业链接的格式版本“${head[1]}”无法识别。${FIX_LINK}`);
	const rest = s.slice(head[0].length);
	const dot = rest.lastIndexOf('.');
	const payload = dot < 0 ? rest : rest.slice(0, dot);
	const check = dot < 0 ? '' : rest.slice(dot + 1);
	if (!/^[A-Za-z0-9_-]*$/.test(payload) || !/^[0-9a-f]*$/.test(check)) return fail('malformed', `作业链接中含有不该出现的字符，可能被改动过。${FIX_LINK}`);
	if (check.length < CHECK_LENGTH) return fail('truncated', `作业链接不完整：末尾被截掉了一部分，常见于聊天软件折行或复制时没有选全。${FIX_LINK}`);
	if (check.length > CHECK_LENGTH || check !== fingerprint(payload)) return fail('malformed', `作业链接已损坏：内容与校验码不符，可能在转发时被改动过。${FIX_LINK}`);

	let positional: unknown;
	try {
		positional = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64urlnopad.decode(payload)));
	} catch {
		return fail('malformed', `作业链接的内容无法解读。${FIX_LINK}`);
	}
	const unchecked = fromPositional(positional);
	if (!unchecked) return fail('malformed', `作业链接的内容结构不对。${FIX_LINK}`);
	const checked = checkAssignment(unchecked);
	if (!checked.ok) return fail('invalid', `作业链接中的设置不合法：${checked.message}请老师在教师页检查设置后重新生成链接。`);
	const assignment = checked.value;
	const unknownChapters = (assignment.draw?.chapters ?? []).filter((id) => !known.chapterIds.has(id));
	if (unknownChapters.length) {
		return fail(
			'unknown-questions',
			`作业要从本站没有的章节（${unknownChapters.join('、')}）抽题。可能是本站内容已经更新：请先刷新页面再打开链接；如果仍然出现，请老师重新生成作业链接。`,
			unknownChapters
		);
	}
	const unknown = (assignment.questionIds ?? []).filter((id) => !known.questionIds.has(id));
	if (unknown.length) {
		return fail(
			'unknown-questions',
			`作业包含 ${unknown.length} 道本站题库中没有的题目（${unknown.join('、')}）。可能是本站题库已经更新：请先刷新页面再打开链接；如果仍然出现，请老师用当前题库重新生成作业链接。`,
			unknown
		);
	}
	return { ok: true, assignment };
}

/** An assignment as the teacher's browser keeps it (see storage/schema StoredAssignment). */
export const storedAssignmentSchema = v.object(
	{ id: assignmentSchema.entries.id, code: v.string('作业链接代码应为文字'), createdAt: v.pipe(v.number('创建时间应为数字'), v.finite('创建时间应为数字')), data: assignmentSchema },
	'应为对象（{…}）'
);

/** The page a student opens: `<site>/assignment?a=<code>`. */
export function assignmentUrl(siteRoot: string, code: string): string {
	return `${siteRoot.replace(/\/$/, '')}/assignment?a=${code}`;
}

/**
 * Accepts a whole link (as pasted from a chat), a link with the code in `?a=`, or the bare code.
 * A broken percent-escape (`%`, or `%E0%A4%A` cut short) is left as it is, for
 * decodeAssignment to explain, instead of throwing a URIError.
 */
export function extractCode(text: string): string {
	const t = text.trim();
	const m = /[?&#]a=([^&#\s]+)/.exec(t);
	if (!m) return t;
	try {
		return decodeURIComponent(m[1]!);
	} catch {
		return m[1]!;
	}
}

export type AssignmentWindowState = 'not-yet' | 'open' | 'closed';

/** Where `now` falls in the assignment's window (open when it has none). */
export function windowState(a: Pick<Assignment, 'opensAt' | 'closesAt'>, now: number): AssignmentWindowState {
	if (a.opensAt !== undefined && now < a.opensAt) return 'not-yet';
	if (a.closesAt !== undefined && now > a.closesAt) return 'closed';
	return 'open';
}
