/**
 * Reads a table pasted from a spreadsheet (Excel / WPS / Numbers put tabs between cells) or
 * typed as CSV, into rows of strings for the calculators. A bad row is reported by its line
 * number and dropped; the good rows are kept, so one typo doesn't throw away the whole paste.
 */
import { parseNumber, type NumberRule } from './common';

export interface PasteColumn<K extends string = string> {
	key: K;
	/** Chinese column name, used in messages. */
	label: string;
	kind: 'text' | 'number';
	/** For number columns: range and example used to check each cell. */
	rule?: NumberRule;
}

export interface PastedRow<K extends string = string> {
	/** 1-based line in the pasted text. */
	line: number;
	/** Cell text, trimmed, keyed by column. */
	cells: Record<K, string>;
}

export interface PasteError {
	line: number;
	message: string;
}

export type Delimiter = 'tab' | 'comma' | 'space';

export interface PasteResult<K extends string = string> {
	rows: PastedRow<K>[];
	errors: PasteError[];
	/** Line of the header row that was skipped, or null if there was none. */
	headerLine: number | null;
	delimiter: Delimiter;
}

/**
 * The delimiter is chosen once for the whole paste, so a tab-separated row with "1,234" in
 * it isn't split at the comma. Tabs win (spreadsheet copy), then commas, then spaces.
 */
export function detectDelimiter(text: string): Delimiter {
	if (text.includes('\t')) return 'tab';
	if (/[,，]/.test(text.replace(/"[^"]*"/g, ''))) return 'comma';
	return 'space';
}

/** Splits one line. Comma mode understands CSV quoting: "1,234" stays one cell, "" is a quote. */
export function splitLine(line: string, delimiter: Delimiter): string[] {
	if (delimiter === 'tab') return line.split('\t').map(unquote);
	if (delimiter === 'space') return line.trim().split(/\s+/).map(unquote);
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"' && cell.trim() === '') {
			quoted = true;
			cell = '';
		} else if (ch === ',' || ch === '，') {
			cells.push(cell.trim());
			cell = '';
		} else cell += ch;
	}
	cells.push(cell.trim());
	return cells;
}

function unquote(cell: string): string {
	const t = cell.trim();
	return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}

const looksNumeric = (cell: string) => 'value' in parseNumber('', cell, { label: '', percent: 'fraction', example: '' });

/**
 * Parses pasted text against the expected columns. The first non-blank line is taken as a
 * header when none of its number columns holds a number (so a data row with one typo is
 * still reported rather than silently skipped). Blank lines are ignored.
 */
export function parsePastedTable<K extends string>(text: string, columns: readonly PasteColumn<K>[]): PasteResult<K> {
	const delimiter = detectDelimiter(text);
	const lines = text.split(/\r\n|\r|\n/);
	const rows: PastedRow<K>[] = [];
	const errors: PasteError[] = [];
	let headerLine: number | null = null;
	let seenContent = false;
	const numberCols = columns.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'number');
	const names = columns.map((c) => c.label).join('、');
	lines.forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '' || /^[\s,，\t]*$/.test(raw)) return;
		let cells = splitLine(raw, delimiter);
		// Spreadsheets often leave trailing empty cells; they are not extra columns.
		while (cells.length > columns.length && cells.at(-1) === '') cells = cells.slice(0, -1);
		if (!seenContent) {
			seenContent = true;
			if (numberCols.length > 0 && numberCols.every(([, i]) => cells[i] === undefined || !looksNumeric(cells[i]!))) {
				headerLine = line;
				return;
			}
		}
		if (cells.length !== columns.length) {
			errors.push({ line, message: `第 ${line} 行：应有 ${columns.length} 列（${names}），这一行有 ${cells.length} 列。` });
			return;
		}
		const problems: string[] = [];
		const out = {} as Record<K, string>;
		columns.forEach((col, i) => {
			const cell = cells[i]!;
			out[col.key] = cell;
			if (col.kind === 'number') {
				const rule = col.rule ?? { label: col.label, example: '100' };
				const parsed = parseNumber(col.key, cell, rule);
				if ('error' in parsed) problems.push(parsed.error.message.replace(/。$/, ''));
			}
		});
		if (problems.length) errors.push({ line, message: `第 ${line} 行：${problems.join('；')}。` });
		else rows.push({ line, cells: out });
	});
	return { rows, errors, headerLine, delimiter };
}

/**
 * Rows in one URL query parameter, as "cell:cell:cell;cell:cell:cell" (the format the CSI
 * rows already use). ':' and ';' inside a cell become spaces, since they can't be escaped.
 */
export function encodeRowsParam<K extends string>(rows: readonly Record<K, string>[], keys: readonly K[]): string {
	return rows.map((row) => keys.map((k) => (row[k] ?? '').replace(/[:;]/g, ' ')).join(':')).join(';');
}

export function decodeRowsParam<K extends string>(text: string, keys: readonly K[]): Record<K, string>[] {
	return text
		.split(';')
		.filter((r) => r.trim() !== '')
		.map((r) => {
			const cells = r.split(':');
			return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ''])) as Record<K, string>;
		});
}
