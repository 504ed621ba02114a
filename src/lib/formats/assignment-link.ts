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
import { sha256Hex } from './digest';
import { isObj, isInt } from './guards';

export const ASSIGNMENT_VERSION = 1;

/** Question types in the fixed order that per-type arrays (counts, marks) follow. */
export const ASSIGNMENT_TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];

export interface AssignmentDraw {
	/** Empty = every chapter. */
	chapters: string[];
	/** How many questions of each type, in ASSIGNMENT_TYPES order. */
	counts: number[];
}

export interface Assignment {
	v: 1;
	id: string;
	title: string;
	/** Hand-picked questions, in paper order. Exactly one of questionIds and draw is set. */
	questionIds?: string[];
	/** Questions drawn at random from chapters, so many of each type. */
	draw?: AssignmentDraw;
	/** Marks for one question of each type, in ASSIGNMENT_TYPES order. */
	marks: number[];
	/** 多选: a share of the marks per correct pick (and none for any wrong pick). */
	partialCredit: boolean;
	/** Minutes; null = no limit. */
	timeLimitMin: number | null;
	/** Percentage needed to pass, 0–100. */
	passMark: number;
	/** 1–10, or 0 = unlimited. */
	attempts: number;
	showAnswers: boolean;
	/** Fixed paper for everyone; null = shuffled per student. */
	seed: number | null;
	/**
	 * Optional window, epoch milliseconds. Absent in links made before it existed; such links
	 * encode and decode exactly as before (11 positions), so old links and result files still work.
	 */
	opensAt?: number;
	closesAt?: number;
}

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
	seedMax: 0xffffffff
} as const;

const ASSIGNMENT_ID = /^[A-Za-z0-9_-]+$/;
const CHECK_LENGTH = 8;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
// Lone surrogates cannot survive UTF-8, so a title containing one would not round-trip.
const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/**
 * The first thing wrong with an assignment, in Chinese, or null if it is valid. Shared by the
 * link decoder, result-file parsing and the teacher's form.
 */
export function validateAssignment(a: unknown): string | null {
	const L = ASSIGNMENT_LIMITS;
	if (!isObj(a)) return '作业设置缺失。';
	if (a.v !== 1) return `作业格式版本应为 1（当前为 ${String(a.v)}）。`;
	if (typeof a.id !== 'string' || !ASSIGNMENT_ID.test(a.id) || a.id.length > L.idMaxLength) return '作业编号应由 1–64 个英文字母、数字、“-”或“_”组成。';
	if (typeof a.title !== 'string' || a.title.trim() === '') return '作业标题不能为空。';
	if (a.title.length > L.titleMaxLength) return `作业标题不能超过 ${L.titleMaxLength} 个字（当前 ${a.title.length} 个）。`;
	if (hasLoneSurrogate(a.title)) return '作业标题中含有无法识别的字符。';
	const hasIds = a.questionIds !== undefined;
	const hasDraw = a.draw !== undefined;
	if (hasIds === hasDraw) return '作业应当“手选题目”或“按章节和题型抽题”二选一。';
	if (hasIds) {
		const ids = a.questionIds;
		if (!isStringArray(ids) || ids.length === 0) return '手选题目列表不能为空。';
		if (ids.length > L.maxQuestions) return `手选题目不能超过 ${L.maxQuestions} 道（当前 ${ids.length} 道）。`;
		const bad = ids.find((id) => !ID_PATTERN.test(id));
		if (bad !== undefined) return `题目编号“${bad}”格式不对。`;
		const seen = new Set<string>();
		const dup = ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
		if (dup !== undefined) return `题目“${dup}”重复出现。`;
	} else {
		const d = a.draw;
		if (!isObj(d)) return '抽题设置缺失。';
		if (!isStringArray(d.chapters) || d.chapters.some((c) => !ID_PATTERN.test(c))) return '抽题的章节列表格式不对。';
		if (!Array.isArray(d.counts) || d.counts.length !== ASSIGNMENT_TYPES.length || !d.counts.every((n) => isInt(n, 0, L.maxQuestions))) {
			return `各题型的抽题数量应为 0–${L.maxQuestions} 的整数。`;
		}
		const total = (d.counts as number[]).reduce((a, b) => a + b, 0);
		if (total === 0) return '至少要抽 1 道题：请给某个题型填上数量。';
		if (total > L.maxQuestions) return `抽题总数不能超过 ${L.maxQuestions} 道（当前 ${total} 道）。`;
	}
	if (!Array.isArray(a.marks) || a.marks.length !== ASSIGNMENT_TYPES.length || !a.marks.every((m) => typeof m === 'number' && Number.isFinite(m) && m >= L.marks.min && m <= L.marks.max)) {
		return `每题分值应在 ${L.marks.min}–${L.marks.max} 分之间。`;
	}
	if (typeof a.partialCredit !== 'boolean') return '“多选题部分得分”的设置格式不对。';
	if (a.timeLimitMin !== null && !isInt(a.timeLimitMin, L.timeLimitMin.min, L.timeLimitMin.max)) {
		return `限时应为 ${L.timeLimitMin.min}–${L.timeLimitMin.max} 分钟的整数，或不限时（当前为 ${String(a.timeLimitMin)}）。`;
	}
	if (typeof a.passMark !== 'number' || !Number.isFinite(a.passMark) || a.passMark < 0 || a.passMark > 100) return `及格线应在 0–100 之间（当前为 ${String(a.passMark)}）。`;
	if (!isInt(a.attempts, L.attempts.min, L.attempts.max)) return `允许作答次数应为 1–10 的整数，或 0 表示不限（当前为 ${String(a.attempts)}）。`;
	if (typeof a.showAnswers !== 'boolean') return '“提交后显示答案”的设置格式不对。';
	if (a.seed !== null && !isInt(a.seed, 0, L.seedMax)) return `试卷种子应为 0–${L.seedMax} 的整数，或留空表示每位学生随机（当前为 ${String(a.seed)}）。`;
	for (const k of ['opensAt', 'closesAt'] as const) {
		if (a[k] !== undefined && !isInt(a[k], 0, 8.64e15)) return `${k === 'opensAt' ? '开放' : '截止'}时间格式不对。`;
	}
	if (typeof a.opensAt === 'number' && typeof a.closesAt === 'number' && a.closesAt <= a.opensAt) return '截止时间应晚于开放时间。';
	const known = new Set(['v', 'id', 'title', 'questionIds', 'draw', 'marks', 'partialCredit', 'timeLimitMin', 'passMark', 'attempts', 'showAnswers', 'seed', 'opensAt', 'closesAt']);
	const extra = Object.keys(a).find((k) => !known.has(k));
	if (extra !== undefined) return `作业设置中有未知的项“${extra}”。`;
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
	// The window travels in two extra positions, only when set, so links without one are unchanged.
	if (a.opensAt !== undefined || a.closesAt !== undefined) positional.push(a.opensAt ?? null, a.closesAt ?? null);
	const payload = base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(positional)));
	return `${ASSIGNMENT_VERSION}.${payload}.${fingerprint(payload)}`;
}

const FIX_LINK = '请向老师重新索取完整的作业链接（或重新扫描二维码）。';

function fail(kind: AssignmentErrorKind, message: string, unknownIds?: string[]): DecodeResult {
	return { ok: false, error: { kind, message, ...(unknownIds ? { unknownIds } : {}) } };
}

function fromPositional(p: unknown): Assignment | null {
	if (!Array.isArray(p) || (p.length !== 11 && p.length !== 13)) return null;
	const [id, title, ids, draw, marks, partialCredit, timeLimitMin, passMark, attempts, showAnswers, seed, opensAt, closesAt] = p as unknown[];
	if ((showAnswers !== 0 && showAnswers !== 1) || (partialCredit !== 0 && partialCredit !== 1)) return null;
	if (ids !== 0 && !Array.isArray(ids)) return null;
	if (draw !== 0 && (!Array.isArray(draw) || draw.length !== 2)) return null;
	const a: Record<string, unknown> = { v: 1, id, title };
	if (ids !== 0) a.questionIds = ids;
	if (Array.isArray(draw)) a.draw = { chapters: draw[0], counts: draw[1] };
	Object.assign(a, { marks, partialCredit: partialCredit === 1, timeLimitMin, passMark, attempts, showAnswers: showAnswers === 1, seed });
	if (opensAt !== undefined && opensAt !== null) a.opensAt = opensAt;
	if (closesAt !== undefined && closesAt !== null) a.closesAt = closesAt;
	return a as unknown as Assignment;
}

/**
 * Reads an assignment code. Whitespace is ignored because mail clients wrap long links.
 * Unknown question ids are reported all at once so the teacher sees the whole problem.
 */
export function decodeAssignment(code: string, known: { questionIds: ReadonlySet<string>; chapterIds: ReadonlySet<string> }): DecodeResult {
	const s = code.replace(/\s+/g, '');
	if (s === '') return fail('malformed', `作业链接中没有作业内容。${FIX_LINK}`);
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
	const assignment = fromPositional(positional);
	if (!assignment) return fail('malformed', `作业链接的内容结构不对。${FIX_LINK}`);
	const problem = validateAssignment(assignment);
	if (problem) return fail('invalid', `作业链接中的设置不合法：${problem}请老师在教师页检查设置后重新生成链接。`);
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

/** The page a student opens: `<site>/assignment?a=<code>`. */
export function assignmentUrl(siteRoot: string, code: string): string {
	return `${siteRoot.replace(/\/$/, '')}/assignment?a=${code}`;
}

/** Accepts a whole link (as pasted from a chat), a link with the code in `?a=`, or the bare code. */
export function extractCode(text: string): string {
	const t = text.trim();
	const m = /[?&#]a=([^&#\s]+)/.exec(t);
	return m ? decodeURIComponent(m[1]!) : t;
}

export type AssignmentWindowState = 'not-yet' | 'open' | 'closed';

/** Where `now` falls in the assignment's window (open when it has none). */
export function windowState(a: Pick<Assignment, 'opensAt' | 'closesAt'>, now: number): AssignmentWindowState {
	if (a.opensAt !== undefined && now < a.opensAt) return 'not-yet';
	if (a.closesAt !== undefined && now > a.closesAt) return 'closed';
	return 'open';
}
