/**
 * CSV for spreadsheets (the gradebook export). RFC 4180 quoting and CRLF line ends, with a
 * UTF-8 byte-order mark because Excel otherwise opens the file in the system code page and
 * garbles the Chinese.
 */

export type CsvCell = string | number | null;

/**
 * A text cell that starts like a formula would be evaluated by Excel or LibreOffice (a student
 * could type `=HYPERLINK(...)` as their name). OWASP's advice: prefix such cells with an
 * apostrophe so they stay text. Tab and CR are included because some spreadsheets strip them and
 * then see the formula. Numbers are real numbers and are never prefixed, so -3 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
	let text: string;
	if (value === null) text = '';
	else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
	else text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every row ends with CRLF, the last one too. Non-finite numbers become empty cells. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(cell).join(',') + '\r\n').join('');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A moment as local wall-clock time, `2026-11-30 01:37:09`: Excel and LibreOffice read this form
 * as a date-time cell, whereas an ISO string with `Z` stays text and shows UTC. The offset
 * (minutes, as Date#getTimezoneOffset gives it) is a parameter so tests can pin the zone.
 */
export function spreadsheetDateTime(ms: number, offsetMin = new Date(ms).getTimezoneOffset()): string {
	if (!Number.isFinite(ms)) return '';
	const d = new Date(ms - offsetMin * 60_000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
