/**
 * A student's result file: what they answered for an assignment, with a checksum so that
 * casual edits (a changed score in a text editor) are detected on import. Anyone who reads
 * this code can recompute the checksum; a static site cannot stop a determined forger, and
 * the teacher's page says so.
 */
import { validateAssignment, type Assignment } from './assignment-link';
import { sha256Hex } from './digest';
import { isObj, isNum } from './guards';

export const RESULT_FORMAT = 'crm-study-result';
export const RESULT_VERSION = 1;

export interface ResultFile {
	format: typeof RESULT_FORMAT;
	version: typeof RESULT_VERSION;
	assignment: Assignment;
	/** The link code the student opened, so the teacher can match results to assignments. */
	assignmentCode: string;
	student: { name: string; number: string };
	/** ISO 8601. */
	startedAt: string;
	finishedAt: string;
	/** The seed the student's paper was built from; with the assignment it rebuilds the paper. */
	seed: number;
	/** The paper's question ids in order, so a paper that cannot be rebuilt is noticed. */
	questionIds: string[];
	/** Keyed by question id; the quiz module owns the shape of each answer. */
	answers: Record<string, unknown>;
	score: { earned: number; max: number };
	/** Hex SHA-256 of the canonical JSON of every other field. */
	checksum: string;
}

export type ResultFileBody = Omit<ResultFile, 'checksum'>;

export type ResultErrorKind = 'malformed' | 'foreign' | 'newer-version' | 'tampered';

export type ParseResult = { ok: true; result: ResultFile } | { ok: false; error: { kind: ResultErrorKind; message: string } };

/**
 * JSON with object keys sorted at every level and no whitespace, so the checksum does not
 * depend on key order or pretty-printing. Follows JSON.stringify for everything else
 * (undefined properties dropped, undefined array slots and non-finite numbers become null).
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		const s = JSON.stringify(value);
		return s === undefined ? 'null' : s;
	}
	// Dates and the like serialise through toJSON; hash what the file will actually contain.
	const withToJson = value as { toJSON?: () => unknown };
	if (typeof withToJson.toJSON === 'function') return canonicalJson(withToJson.toJSON());
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of Object.keys(obj).sort()) {
		const v = obj[key];
		if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
		parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
	}
	return `{${parts.join(',')}}`;
}

// Domain separation: the same JSON hashed for another purpose gives a different checksum.
const CHECKSUM_PREFIX = 'crm-study-result/v1\n';

/** Synchronous and pure. Any `checksum` property on the input is ignored. */
export function computeChecksum(body: ResultFileBody): string {
	const rest: Record<string, unknown> = { ...body };
	delete rest.checksum;
	return sha256Hex(CHECKSUM_PREFIX + canonicalJson(rest));
}

export function createResultFile(body: ResultFileBody): ResultFile {
	return { ...body, checksum: computeChecksum(body) };
}

const isIsoTime = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/** Checks a result file completely; the message names the file and says what to do. */
export function parseResultFile(text: string, fileName: string): ParseResult {
	const fail = (kind: ResultErrorKind, why: string): ParseResult => ({ ok: false, error: { kind, message: `无法导入“${fileName}”：${why}已导入的成绩没有改动。` } });
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fail('malformed', '文件不是有效的 JSON，可能已损坏或下载不完整。请让学生重新下载结果文件后再发送。');
	}
	if (!isObj(raw) || raw.format !== RESULT_FORMAT) {
		return fail('foreign', '这不是本站的作业结果文件。请选择学生提交作业后下载的结果文件（.json）。');
	}
	if (!isNum(raw.version) || !Number.isInteger(raw.version) || raw.version < 1) return fail('malformed', '文件的格式版本无法识别，文件可能被改动过。');
	if (raw.version > RESULT_VERSION) {
		return fail('newer-version', `结果文件来自更新版本的本站（格式版本 ${raw.version}），当前页面无法读取。请刷新页面（必要时清除浏览器缓存）后再导入。`);
	}
	const problem = validateAssignment(raw.assignment);
	if (problem) return fail('malformed', `文件中的作业设置有误：${problem}文件可能被改动过或不完整。`);
	if (typeof raw.assignmentCode !== 'string' || raw.assignmentCode === '') return fail('malformed', '缺少作业链接代码，文件可能被截断或改动过。');
	const st = raw.student;
	if (!isObj(st) || typeof st.name !== 'string' || typeof st.number !== 'string') return fail('malformed', '缺少学生姓名或学号，文件可能被截断或改动过。');
	if (!isIsoTime(raw.startedAt) || !isIsoTime(raw.finishedAt)) return fail('malformed', '开始或交卷时间格式不对，文件可能被改动过。');
	if (!Number.isInteger(raw.seed) || (raw.seed as number) < 0 || (raw.seed as number) > 0xffffffff) return fail('malformed', '试卷种子缺失或格式不对，文件可能被改动过。');
	if (!Array.isArray(raw.questionIds) || !raw.questionIds.every((id) => typeof id === 'string')) return fail('malformed', '缺少试卷题目列表，文件可能被截断或改动过。');
	if (!isObj(raw.answers)) return fail('malformed', '缺少作答记录，文件可能被截断或改动过。');
	const sc = raw.score;
	if (!isObj(sc) || !isNum(sc.earned) || !isNum(sc.max)) return fail('malformed', '缺少得分，文件可能被截断或改动过。');
	if (typeof raw.checksum !== 'string' || raw.checksum === '') return fail('tampered', '文件缺少校验码，无法确认内容未被改动。请让学生重新提交原始结果文件。');
	if (computeChecksum(raw as unknown as ResultFileBody) !== raw.checksum) {
		return fail('tampered', '文件内容与校验码不符：结果在提交后被修改过（哪怕只改了一个字符）。请让学生重新提交未经修改的原始结果文件。');
	}
	return { ok: true, result: raw as unknown as ResultFile };
}
