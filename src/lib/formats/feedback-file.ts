/**
 * A marked result handed back to a student: their marks per question and the teacher's comments.
 * Static like everything else: the teacher downloads one file per student and sends it, and the
 * student opens it on the site's 查看批阅结果 page. Question text is not in the file (only ids);
 * the page takes it from the question bank, as the assignment link does.
 */
import { isInt, isNum, isObj } from './guards';

export const FEEDBACK_FORMAT = 'crm-study-feedback';
export const FEEDBACK_VERSION = 1;
export const FEEDBACK_MAX_BYTES = 2_000_000;

export interface FeedbackItem {
	questionId: string;
	/** null while the answer is still 待批阅. */
	earned: number | null;
	max: number;
	/** What the student answered, as text (with the letters they saw). */
	response: string;
	/** The right answer or marking points, as text; absent when the teacher does not show answers. */
	answer?: string;
	comment?: string;
}

export interface FeedbackFile {
	format: typeof FEEDBACK_FORMAT;
	version: typeof FEEDBACK_VERSION;
	assignment: { id: string; title: string; passMark: number };
	student: { name: string; number: string };
	finishedAt: string;
	/** When the teacher wrote this file, ISO 8601. */
	issuedAt: string;
	total: { earned: number; max: number; pendingMax: number; pass: 'pass' | 'fail' | 'pending' };
	items: FeedbackItem[];
}

export type FeedbackParse = { ok: true; feedback: FeedbackFile } | { ok: false; message: string };

const isStr = (v: unknown): v is string => typeof v === 'string';

/** Checks every field; the message says what is wrong and what to do, in Chinese. */
export function parseFeedbackFile(text: string, fileName: string): FeedbackParse {
	const fail = (why: string): FeedbackParse => ({ ok: false, message: `无法打开“${fileName}”：${why}` });
	if (text.length > FEEDBACK_MAX_BYTES) return fail('文件太大，不是本站的批阅结果文件。请打开老师发来的 .json 文件。');
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fail('文件不是有效的 JSON，可能下载不完整。请向老师重新索取批阅结果文件。');
	}
	if (!isObj(raw) || raw.format !== FEEDBACK_FORMAT) {
		if (isObj(raw) && raw.format === 'crm-study-result') return fail('这是你交给老师的作答结果文件，不是老师批阅后发回的文件。');
		return fail('这不是本站的批阅结果文件。请打开老师发来的批阅结果（.json）。');
	}
	if (!isInt(raw.version, 1, 1_000)) return fail('文件的格式版本无法识别。');
	if ((raw.version as number) > FEEDBACK_VERSION) return fail('文件来自更新版本的本站。请刷新页面（必要时清除浏览器缓存）后再打开。');
	const a = raw.assignment;
	const s = raw.student;
	const t = raw.total;
	if (!isObj(a) || !isStr(a.id) || !isStr(a.title) || !isNum(a.passMark)) return fail('缺少作业信息，文件可能不完整。');
	if (!isObj(s) || !isStr(s.name) || !isStr(s.number)) return fail('缺少姓名或学号，文件可能不完整。');
	if (!isStr(raw.finishedAt) || !isStr(raw.issuedAt)) return fail('缺少交卷或批阅时间，文件可能不完整。');
	if (!isObj(t) || !isNum(t.earned) || !isNum(t.max) || !isNum(t.pendingMax) || !['pass', 'fail', 'pending'].includes(t.pass as string)) return fail('缺少总分，文件可能不完整。');
	if (!Array.isArray(raw.items)) return fail('缺少各题得分，文件可能不完整。');
	for (const it of raw.items) {
		if (!isObj(it) || !isStr(it.questionId) || !(it.earned === null || isNum(it.earned)) || !isNum(it.max) || !isStr(it.response)) return fail('各题得分的格式不对，文件可能被改动过。');
		if ((it.answer !== undefined && !isStr(it.answer)) || (it.comment !== undefined && !isStr(it.comment))) return fail('评语的格式不对，文件可能被改动过。');
	}
	return { ok: true, feedback: raw as unknown as FeedbackFile };
}
