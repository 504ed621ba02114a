/**
 * A student's result file: what they answered for an assignment, with a checksum so that
 * casual edits (a changed score in a text editor) are detected on import. Anyone who reads
 * this code can recompute the checksum; a static site cannot stop a determined forger, and
 * the teacher's page says so.
 */
import { assignmentSchema, checkAssignment } from './assignment-link';
import { sha256Hex } from './digest';
import { responseSchema } from './records';
import { describeIssue, int, isoTime, num, obj, text, v } from './schema';

export const RESULT_FORMAT = 'crm-study-result';
export const RESULT_VERSION = 1;

/** Longest name and student number a result file may carry (the student page enforces the same). */
export const STUDENT_LIMITS = { name: 40, number: 30 } as const;

/** Longest comment a teacher may write on one answer. */
export const COMMENT_MAX = 2000;

/** Result files are a few KB; anything this big is the wrong file, and is not even read. */
export const MAX_RESULT_BYTES = 2 * 1024 * 1024;

export const resultFileSchema = obj({
	format: v.literal(RESULT_FORMAT, `应为 "${RESULT_FORMAT}"`),
	version: int(1, RESULT_VERSION, `应为结果文件格式版本（1–${RESULT_VERSION} 的整数）`),
	assignment: assignmentSchema,
	/** The link code the student opened, so the teacher can match results to assignments. */
	assignmentCode: text(1, 20_000, '作业链接代码'),
	student: obj({ name: text(1, STUDENT_LIMITS.name, '姓名'), number: text(0, STUDENT_LIMITS.number, '学号') }),
	/** ISO 8601. */
	startedAt: isoTime(),
	finishedAt: isoTime(),
	/** The seed the student's paper was built from; with the assignment it rebuilds the paper. */
	seed: int(0, 0xffffffff),
	/** The paper's question ids in order, so a paper that cannot be rebuilt is noticed. */
	questionIds: v.pipe(v.array(text(1, 200, '题目编号'), '应为题目编号的列表'), v.maxLength(500, '不能超过 500 道题')),
	/** Keyed by question id. */
	answers: v.record(v.string(), responseSchema, '应为对象（{…}），键为题目编号'),
	score: obj({ earned: num(), max: num() }),
	/** Hex SHA-256 of the canonical JSON of every other field. */
	checksum: text(1, 200, '校验码')
});

/** One imported result file as the teacher's browser keeps it (ClassEntry in quiz/collect). */
export const classEntrySchema = obj({
	checksum: text(1, 200, '校验码'),
	assignmentId: text(1, 64, '作业编号'),
	fileName: v.string('应为文件名'),
	importedAt: num(),
	result: resultFileSchema,
	/** The teacher's ticks per 名词解释/简答 question. */
	marks: v.optional(v.record(v.string(), v.array(int(0, 100), '应为要点序号的列表'), '应为对象（{…}）')),
	/** The teacher's free marks and comments per question (TeacherGrade in quiz/collect). */
	grades: v.optional(
		v.record(
			v.string(),
			obj({ mark: v.optional(num()), comment: v.optional(v.pipe(v.string('应为文字'), v.maxLength(COMMENT_MAX, `不能超过 ${COMMENT_MAX} 个字`))) }),
			'应为对象（{…}）'
		)
	),
	/** Deleted by the teacher (epoch ms); kept so that a deletion is one put. */
	removedAt: v.optional(num())
});

/** The size message, before a byte of the file is read. */
export function sizeProblem(bytes: number): string | null {
	if (bytes <= MAX_RESULT_BYTES) return null;
	return `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），结果文件通常小于 100 KB，请确认选对了文件。`;
}

export type ResultFile = v.InferOutput<typeof resultFileSchema>;

export type ResultFileBody = Omit<ResultFile, 'checksum'>;

export type ResultErrorKind = 'too-large' | 'malformed' | 'foreign' | 'newer-version' | 'tampered';

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

/**
 * Checks a result file completely: size, JSON, the schema (every field), the assignment's own
 * rules, then the checksum. The message names the file and the field, and says what to do.
 */
export function parseResultFile(text: string, fileName: string): ParseResult {
	const fail = (kind: ResultErrorKind, why: string): ParseResult => ({ ok: false, error: { kind, message: `无法导入“${fileName}”：${why}已导入的成绩没有改动。` } });
	// UTF-16 length is a lower bound for the UTF-8 size, and cheap.
	const tooBig = sizeProblem(text.length);
	if (tooBig) return fail('too-large', tooBig);
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fail('malformed', '文件不是有效的 JSON，可能已损坏或下载不完整。请让学生重新下载结果文件后再发送。');
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as Record<string, unknown>).format !== RESULT_FORMAT) {
		return fail('foreign', '这不是本站的作业结果文件。请选择学生提交作业后下载的结果文件（.json）。');
	}
	const record = raw as Record<string, unknown>;
	if (typeof record.version === 'number' && Number.isInteger(record.version) && record.version > RESULT_VERSION) {
		return fail('newer-version', `结果文件来自更新版本的本站（格式版本 ${record.version}），当前页面无法读取。请刷新页面（必要时清除浏览器缓存）后再导入。`);
	}
	if (record.checksum === undefined) return fail('tampered', '文件缺少校验码，无法确认内容未被改动。请让学生重新提交原始结果文件。');
	const r = v.safeParse(resultFileSchema, raw, { abortEarly: true });
	if (!r.success) return fail('malformed', `${describeIssue(r.issues)}。文件可能被改动过或不完整，请让学生重新下载并提交原始结果文件。`);
	const assignment = checkAssignment(r.output.assignment);
	if (!assignment.ok) return fail('malformed', `文件中的作业设置有误：${assignment.message}文件可能被改动过或不完整。`);
	// The checksum covers what was parsed, so a key the schema dropped also counts as a change.
	if (computeChecksum(r.output) !== r.output.checksum) {
		return fail('tampered', '文件内容与校验码不符：结果在提交后被修改过（哪怕只改了一个字符）。请让学生重新提交未经修改的原始结果文件。');
	}
	return { ok: true, result: r.output };
}
