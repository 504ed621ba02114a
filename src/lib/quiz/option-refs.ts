/**
 * Option letters inside explanations. Authors write 解析 against the bank's letters ("D 错"),
 * but a shuffled paper letters its options in display order, so the bank's D may be shown as B.
 * At build time each letter that names an option is wrapped in a marker; on a shuffled paper
 * the marker's text is swapped for the letter the student saw.
 */

const MARKER = /<span class="opt-ref" data-key="([A-Z])">[A-Z]<\/span>/g;

// Math, code spans and raw HTML are never prose: a "C" in $C = B/A$ is not option C.
const NOT_PROSE = /(\$\$[\s\S]+?\$\$|\$[^$\n]+?\$|`[^`\n]*`|<[^>\n]*>)/;

/**
 * Wraps each standalone letter that is one of the question's option keys. A letter touching
 * another Latin letter or a digit belongs to a word (ACD, 4C, B2B) and is left alone, and a
 * quoted letter (“A” of MAN) names a letter, not an option.
 */
export function markOptionRefs(markdown: string, keys: readonly string[]): string {
	if (!keys.length) return markdown;
	const letters = new RegExp(`(?<![A-Za-z0-9“‘"])([${keys.join('')}])(?![A-Za-z0-9”’"])`, 'g');
	return markdown
		.split(NOT_PROSE)
		.map((part, i) => (i % 2 === 1 ? part : part.replace(letters, (_, k: string) => `<span class="opt-ref" data-key="${k}">${k}</span>`)))
		.join('');
}

/** Whether the explanation refers to options by letter, so their order must not change. */
export function namesOptionLetters(markdown: string, keys: readonly string[]): boolean {
	return markOptionRefs(markdown, keys) !== markdown;
}

/** The explanation as a student with this option order should read it. */
export function reletterExplanation(html: string, order?: readonly string[]): string {
	if (!order) return html;
	return html.replace(MARKER, (whole, key: string) => {
		const i = order.indexOf(key);
		return i < 0 ? whole : `<span class="opt-ref" data-key="${key}">${String.fromCharCode(65 + i)}</span>`;
	});
}
