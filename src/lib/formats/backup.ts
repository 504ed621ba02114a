/**
 * Backup files: everything the learner has stored, as one JSON file they can keep or move to
 * another browser. Parsing checks every field of every record against the schema before
 * anything is written, so a restored backup can never leave a record that breaks a page.
 */
import { describeIssue, isoTime, int, obj, arr, v } from './schema';
import { reviewEntrySchema, sift, storedAttemptSchema, storedCardSchema, storedMistakeSchema, storedSettingSchema } from './records';

export const BACKUP_FORMAT = 'crm-study-backup';
export const BACKUP_VERSION = 1;

const records = {
	cards: storedCardSchema,
	reviews: reviewEntrySchema,
	attempts: storedAttemptSchema,
	mistakes: storedMistakeSchema,
	settings: storedSettingSchema
};

export const backupSchema = obj({
	format: v.literal(BACKUP_FORMAT, `应为 "${BACKUP_FORMAT}"`),
	version: int(1, BACKUP_VERSION, `应为备份格式版本（1–${BACKUP_VERSION} 的整数）`),
	exportedAt: isoTime(),
	cards: arr(records.cards),
	reviews: arr(records.reviews),
	attempts: arr(records.attempts),
	mistakes: arr(records.mistakes),
	settings: arr(records.settings)
});

export type BackupFile = v.InferOutput<typeof backupSchema>;
export type BackupData = Omit<BackupFile, 'format' | 'version' | 'exportedAt'>;

/** What each section holds, to say "第 3 条复习记录" rather than only "reviews[2]". */
const NOUNS: Record<keyof BackupData, string> = { cards: '张卡片', reviews: '条复习记录', attempts: '条测验记录', mistakes: '道错题', settings: '项设置' };

/**
 * The file for what the store holds. A record the store holds but the schema rejects (left
 * by an old bug) is left out, as every page skips it, so that the file can always be restored.
 */
export function createBackup(data: BackupData, now: number): BackupFile {
	const keep = <K extends keyof BackupData>(key: K) => sift(records[key], data[key], key).valid as BackupData[K];
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date(now).toISOString(),
		cards: keep('cards'),
		reviews: keep('reviews'),
		attempts: keep('attempts'),
		mistakes: keep('mistakes'),
		settings: keep('settings')
	};
}

export type BackupResult = { ok: true; backup: BackupFile } | { ok: false; message: string };

const FIX = '请选择从本站“导出备份”下载、未经修改的备份文件；如果文件是手动改过的，请改回原样或重新导出一份。';

/** Checks a backup file completely; the message names the file, the field and what to do. */
export function parseBackup(text: string, fileName: string): BackupResult {
	const fail = (why: string): BackupResult => ({ ok: false, message: `无法导入“${fileName}”：${why}原有的学习进度没有改动。` });
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fail('文件不是有效的 JSON，可能已损坏或不完整。请重新从“导出备份”下载一份。');
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as Record<string, unknown>).format !== BACKUP_FORMAT) {
		return fail('这不是本站导出的备份文件。请选择文件名形如 crm-study-backup-2026-06-01.json 的文件。');
	}
	const version = (raw as Record<string, unknown>).version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		return fail(`备份来自更新版本的本站（格式版本 ${version}），当前版本无法读取。请先刷新页面更新本站。`);
	}
	const r = v.safeParse(backupSchema, raw, { abortEarly: true });
	if (!r.success) {
		const [section, index] = r.issues[0].path ?? [];
		const noun = section && typeof section.key === 'string' && Object.prototype.hasOwnProperty.call(NOUNS, section.key) ? NOUNS[section.key as keyof BackupData] : null;
		const where = noun && index && typeof index.key === 'number' ? `第 ${index.key + 1} ${noun}有误：` : '';
		return fail(`${where}${describeIssue(r.issues)}。${FIX}`);
	}
	return { ok: true, backup: r.output };
}
