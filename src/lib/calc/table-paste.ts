/**
 * Rows pasted from a spreadsheet (tab-separated) or typed as CSV. Bad rows are reported by
 * line number and skipped; good rows are kept, so one typo never throws away the rest.
 */
export interface PastedRows<T> {
	rows: T[];
	problems: { line: number; message: string }[];
}

export function parsePasted<T>(text: string, columns: number, build: (cells: string[], line: number) => T | string): PastedRows<T> {
	const out: PastedRows<T> = { rows: [], problems: [] };
	text.replace(/\r\n?/g, '\n')
		.split('\n')
		.forEach((raw, i) => {
			const line = i + 1;
			if (!raw.trim()) return;
			const cells = (raw.includes('\t') ? raw.split('\t') : raw.split(/[,，]/)).map((c) => c.trim());
			if (cells.length < columns) {
				out.problems.push({ line, message: `第 ${line} 行只有 ${cells.length} 列，应有 ${columns} 列（用制表符或逗号分隔）。` });
				return;
			}
			const built = build(cells, line);
			if (typeof built === 'string') {
				// A first line that does not parse is taken to be a header row.
				if (line === 1 && out.rows.length === 0) return;
				out.problems.push({ line, message: built });
			} else out.rows.push(built);
		});
	return out;
}

export function num(cell: string): number | null {
	const t = cell.normalize('NFKC').replace(/[\s,，]/g, '');
	if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
	return Number(t);
}
