/**
 * A reader that follows Anki's text import (2.1.55+, rslib import_export/text/csv) closely enough
 * to check what our file turns into: the `#key:value` header lines, CSV records with the header's
 * separator (quoted fields, doubled quotes, `#` comment lines, ragged rows allowed), and the way
 * columns are mapped to a note type's fields:
 * - with no `#columns:` names, fields take the columns in order, skipping the GUID, deck, notetype
 *   and tags columns;
 * - with names, each field takes the column of the same name, and the first field falls back to
 *   column 1 (so in a Chinese Anki, whose Basic fields are 正面/背面, an English-named file puts
 *   column 1 in 正面).
 */

export interface AnkiMeta {
	separator: string | null;
	html: boolean | null;
	columns: string[];
	guidColumn: number;
	deckColumn: number;
	tagsColumn: number;
	notetypeColumn: number;
}

export interface AnkiNote {
	fields: string[];
	guid: string | null;
	deck: string | null;
	tags: string[];
}

const SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };

function parseRecords(text: string, sep: string): string[][] {
	const rows: string[][] = [];
	let i = 0;
	const n = text.length;
	while (i < n) {
		// A comment line (csv crate's comment(b'#')) is skipped whole.
		if (text[i] === '#') {
			while (i < n && text[i] !== '\n') i++;
			i++;
			continue;
		}
		const row: string[] = [];
		let field = '';
		let quoted = false;
		let atStart = true;
		for (;;) {
			if (i >= n) {
				row.push(field);
				break;
			}
			const c = text[i]!;
			if (quoted) {
				if (c === '"') {
					if (text[i + 1] === '"') ((field += '"'), (i += 2));
					else ((quoted = false), i++);
				} else ((field += c), i++);
				continue;
			}
			if (c === '"' && atStart) {
				quoted = true;
				atStart = false;
				i++;
				continue;
			}
			if (c === sep) {
				row.push(field);
				field = '';
				atStart = true;
				i++;
				continue;
			}
			if (c === '\n' || c === '\r') {
				row.push(field);
				i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
				break;
			}
			field += c;
			atStart = false;
			i++;
		}
		if (!(row.length === 1 && row[0] === '')) rows.push(row);
	}
	return rows;
}

export function readAnkiText(text: string, noteFields: readonly string[]): { meta: AnkiMeta; notes: AnkiNote[] } {
	const meta: AnkiMeta = { separator: null, html: null, columns: [], guidColumn: 0, deckColumn: 0, tagsColumn: 0, notetypeColumn: 0 };
	const lines = text.split('\n');
	let body = 0;
	for (const line of lines) {
		if (!line.startsWith('#')) break;
		body++;
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const key = line.slice(1, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).replace(/\r$/, '');
		const num = Number.parseInt(value.trim(), 10);
		if (key === 'separator') meta.separator = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : null);
		else if (key === 'html') meta.html = value.trim().toLowerCase() === 'true' ? true : value.trim().toLowerCase() === 'false' ? false : null;
		else if (key === 'columns') meta.columns = value.split(meta.separator ?? '\t');
		else if (key === 'guid column') meta.guidColumn = num;
		else if (key === 'deck column') meta.deckColumn = num;
		else if (key === 'tags column') meta.tagsColumn = num;
		else if (key === 'notetype column') meta.notetypeColumn = num;
	}
	if (!meta.separator) throw new Error('no #separator: Anki would guess');
	const records = parseRecords(lines.slice(body).join('\n'), meta.separator);
	const metaColumns = new Set([meta.guidColumn, meta.deckColumn, meta.tagsColumn, meta.notetypeColumn].filter((c) => c > 0));
	const width = meta.columns.length || (records[0]?.length ?? 0);
	const fieldColumns = noteFields.map(() => 0);
	fieldColumns[0] = 1;
	if (meta.columns.every((c) => c === '')) {
		let f = 0;
		for (let col = 1; col <= width && f < fieldColumns.length; col++) if (!metaColumns.has(col)) fieldColumns[f++] = col;
	} else {
		noteFields.forEach((name, f) => {
			const col = meta.columns.findIndex((label, i) => label === name && !metaColumns.has(i + 1));
			if (col >= 0) fieldColumns[f] = col + 1;
		});
	}
	const at = (r: string[], col: number) => (col > 0 ? (r[col - 1] ?? '') : '');
	const notes = records.map((r) => ({
		fields: fieldColumns.map((c) => at(r, c)),
		guid: meta.guidColumn ? at(r, meta.guidColumn) : null,
		deck: meta.deckColumn ? at(r, meta.deckColumn) : null,
		tags: meta.tagsColumn ? at(r, meta.tagsColumn).split(/\s+/).filter(Boolean) : []
	}));
	return { meta, notes };
}
