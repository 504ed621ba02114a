/**
 * Backup files: everything the learner has stored, as one JSON file they can keep or move to
 * another browser. Parsing validates the whole file before anything is written.
 */
import type { CardState, ReviewEntry } from '../srs/scheduler';
import { isObj, isNum } from './guards';

export const BACKUP_FORMAT = 'crm-study-backup';
export const BACKUP_VERSION = 1;

export interface BackupData {
	cards: { id: string; state: CardState }[];
	reviews: ReviewEntry[];
	attempts: { id: string; status: 'active' | 'finished'; kind: string; startedAt: number; updatedAt: number; data: unknown }[];
	mistakes: { questionId: string; data: unknown }[];
	settings: { key: string; value: unknown }[];
}

export interface BackupFile extends BackupData {
	format: typeof BACKUP_FORMAT;
	version: number;
	exportedAt: string;
}

export function createBackup(data: BackupData, now: number): BackupFile {
	return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), ...data };
}

export type BackupResult = { ok: true; backup: BackupFile } | { ok: false; message: string };


function validCardState(s: unknown): boolean {
	if (!isObj(s)) return false;
	const numbers = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'];
	return numbers.every((k) => isNum(s[k])) && (s.last_review === null || isNum(s.last_review)) && [0, 1, 2, 3].includes(s.state as number);
}

/** Checks a backup file completely; the message names the file and the first problem found. */
export function parseBackup(text: string, fileName: string): BackupResult {
	const fail = (why: string): BackupResult => ({ ok: false, message: `无法导入“${fileName}”：${why}原有的学习进度没有改动。` });
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return fail('文件不是有效的 JSON，可能已损坏或不完整。请重新从“导出备份”下载一份。');
	}
	if (!isObj(raw) || raw.format !== BACKUP_FORMAT) return fail('这不是本站导出的备份文件。请选择文件名形如 crm-study-backup-2026-06-01.json 的文件。');
	if (!isNum(raw.version) || raw.version > BACKUP_VERSION) return fail(`备份来自更新版本的本站（格式版本 ${String(raw.version)}），当前版本无法读取。请先刷新页面更新本站。`);
	for (const key of ['cards', 'reviews', 'attempts', 'mistakes', 'settings'] as const) {
		if (!Array.isArray(raw[key])) return fail(`缺少“${key}”部分，文件可能被截断或修改过。`);
	}
	const cards = raw.cards as unknown[];
	const badCard = cards.findIndex((c) => !isObj(c) || typeof c.id !== 'string' || !validCardState(c.state));
	if (badCard >= 0) return fail(`第 ${badCard + 1} 张卡片的记录格式不对。`);
	const reviews = raw.reviews as unknown[];
	const badReview = reviews.findIndex((r) => !isObj(r) || typeof r.id !== 'string' || typeof r.cardId !== 'string' || !isNum(r.review) || !isNum(r.rating));
	if (badReview >= 0) return fail(`第 ${badReview + 1} 条复习记录格式不对。`);
	const attempts = raw.attempts as unknown[];
	const badAttempt = attempts.findIndex((a) => !isObj(a) || typeof a.id !== 'string' || (a.status !== 'active' && a.status !== 'finished') || !isObj(a.data));
	if (badAttempt >= 0) return fail(`第 ${badAttempt + 1} 条测验记录格式不对。`);
	const mistakes = raw.mistakes as unknown[];
	if (mistakes.some((m) => !isObj(m) || typeof m.questionId !== 'string')) return fail('错题本记录格式不对。');
	const settings = raw.settings as unknown[];
	if (settings.some((s) => !isObj(s) || typeof s.key !== 'string')) return fail('设置记录格式不对。');
	return { ok: true, backup: raw as unknown as BackupFile };
}
