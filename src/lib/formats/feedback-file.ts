/**
 * A marked result handed back to a student: their marks per question and the teacher's comments.
 * Static like everything else: the teacher downloads one file per student and sends it, and the
 * student opens it on the site's 查看批阅结果 page. Question text is not in the file (only ids);
 * the page takes it from the question bank, as the assignment link does.
 */
import { check, num, obj, oneOf, str, text, v } from './schema';

export const FEEDBACK_FORMAT = 'crm-study-feedback';
export const FEEDBACK_VERSION = 1;
export const FEEDBACK_MAX_BYTES = 2_000_000;

const feedbackItemSchema = obj({
	questionId: text(1, 200, '题目编号'),
	/** null while the answer is still 待批阅. */
	earned: v.nullable(num()),
	max: num(),
	/** What the student answered, as text (with the letters they saw). */
	response: str(),
	/** The right answer or marking points, as text; absent when the teacher does not show answers. */
	answer: v.optional(str()),
	comment: v.optional(str())
});

export const feedbackFileSchema = obj({
	format: v.literal(FEEDBACK_FORMAT, `应为 "${FEEDBACK_FORMAT}"`),
	version: v.literal(FEEDBACK_VERSION, `应为批阅结果格式版本 ${FEEDBACK_VERSION}`),
	assignment: obj({ id: str(), title: str(), passMark: num() }),
	student: obj({ name: str(), number: str() }),
	finishedAt: str(),
	/** When the teacher wrote this file, ISO 8601. */
	issuedAt: str(),
	total: obj({ earned: num(), max: num(), pendingMax: num(), pass: oneOf(['pass', 'fail', 'pending'], '应为 pass、fail 或 pending') }),
	items: v.pipe(v.array(feedbackItemSchema, '应为列表（[…]）'), v.maxLength(10_000, '不能超过 10000 项'))
});

export type FeedbackFile = v.InferOutput<typeof feedbackFileSchema>;
export type FeedbackItem = FeedbackFile['items'][number];

export type FeedbackParse = { ok: true; feedback: FeedbackFile } | { ok: false; message: string };

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
	const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
	if (!isObj(raw) || raw.format !== FEEDBACK_FORMAT) {
		if (isObj(raw) && raw.format === 'crm-study-result') return fail('这是你交给老师的作答结果文件，不是老师批阅后发回的文件。');
		return fail('这不是本站的批阅结果文件。请打开老师发来的批阅结果（.json）。');
	}
	if (typeof raw.version === 'number' && raw.version > FEEDBACK_VERSION) return fail('文件来自更新版本的本站。请刷新页面（必要时清除浏览器缓存）后再打开。');
	const checked = check(feedbackFileSchema, raw);
	if (!checked.ok) return fail(`文件内容不对：${checked.message}。文件可能不完整或被改动过，请向老师重新索取批阅结果文件。`);
	return { ok: true, feedback: checked.value };
}
