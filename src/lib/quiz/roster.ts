/**
 * A class roster: names and student numbers pasted from a spreadsheet or a list, and who on it
 * has (not) handed in. Pure.
 */
import { studentKey } from './collect';

export interface RosterEntry {
	number: string;
	name: string;
}

export interface RosterParse {
	entries: RosterEntry[];
	/** Lines that could not be read, with the reason, in Chinese. */
	problems: string[];
}

export const ROSTER_LIMITS = { maxStudents: 1000, nameMax: 40, numberMax: 32 } as const;

const HEADER = /^(学号|姓名|编号|序号|name|number|id)$/i;
// A student number: letters and digits with at least one digit (2024001, B20-113).
const NUMBER = /^(?=.*\d)[A-Za-z0-9_-]+$/;

/**
 * One student a line, as copied from Excel (tab), a CSV (comma) or typed ("2024001 张三").
 * The order of the two columns does not matter: the one that looks like a number is the number.
 */
export function parseRoster(text: string): RosterParse {
	const entries: RosterEntry[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	lines.forEach((raw, i) => {
		const line = raw.trim();
		if (!line) return;
		const cells = line
			.split(/\t|,|，|;|；|\s+/)
			.map((c) => c.trim().replace(/^"(.*)"$/, '$1'))
			.filter(Boolean);
		if (cells.every((c) => HEADER.test(c))) return;
		const numbers = cells.filter((c) => NUMBER.test(c));
		const names = cells.filter((c) => !NUMBER.test(c));
		// A leading 序号 column (1, 2, 3…) next to a real number: keep the longer one as the number.
		const number = numbers.sort((a, b) => b.length - a.length)[0] ?? '';
		const name = names.join(' ');
		const where = `第 ${i + 1} 行“${line.length > 30 ? line.slice(0, 30) + '…' : line}”`;
		if (!name) return void problems.push(`${where}：缺少姓名。每行写一位学生，例如“2024001 张三”。`);
		if (name.length > ROSTER_LIMITS.nameMax) return void problems.push(`${where}：姓名超过 ${ROSTER_LIMITS.nameMax} 个字。`);
		if (number.length > ROSTER_LIMITS.numberMax) return void problems.push(`${where}：学号超过 ${ROSTER_LIMITS.numberMax} 个字符。`);
		const key = number || `name:${name}`;
		if (seen.has(key)) return void problems.push(`${where}：${number ? `学号 ${number}` : `姓名 ${name}`} 重复，只保留第一次出现的。`);
		if (entries.length >= ROSTER_LIMITS.maxStudents) return void problems.push(`${where}：名单最多 ${ROSTER_LIMITS.maxStudents} 人，之后的行没有读入。`);
		seen.add(key);
		entries.push({ number, name });
	});
	return { entries, problems };
}

/** Adds new students and updates names for known numbers; an imported row replaces the one with its number. */
export function mergeRoster(current: readonly RosterEntry[], incoming: readonly RosterEntry[]): RosterEntry[] {
	const out = [...current];
	for (const s of incoming) {
		const i = out.findIndex((o) => (s.number ? o.number === s.number : !o.number && o.name === s.name));
		if (i >= 0) out[i] = s;
		else out.push(s);
	}
	return out;
}

export interface RosterLine<R> {
	student: RosterEntry;
	/** The gradebook row of this student, or null if they have not handed in. */
	row: R | null;
}

export interface RosterStatus<R> {
	lines: RosterLine<R>[];
	missing: RosterEntry[];
	/** Submissions from people not on the roster (a typo in a number, or a guest). */
	extra: R[];
}

/**
 * Matches submissions to the roster by number (or by name where the roster has no number).
 * A submission whose number is on the roster under another name still matches by number, since
 * numbers are what registrars use; the gradebook already flags the clash.
 */
export function rosterStatus<R extends { name: string; number: string }>(roster: readonly RosterEntry[], rows: readonly R[]): RosterStatus<R> {
	const used = new Set<R>();
	const norm = (s: string) => s.trim();
	const lines = roster.map((student) => {
		const row =
			rows.find((r) => !used.has(r) && studentKey(r) === studentKey(student)) ??
			rows.find((r) => !used.has(r) && (student.number ? norm(r.number) === norm(student.number) : norm(r.name) === norm(student.name))) ??
			null;
		if (row) used.add(row);
		return { student, row };
	});
	return { lines, missing: lines.filter((l) => !l.row).map((l) => l.student), extra: rows.filter((r) => !used.has(r)) };
}
