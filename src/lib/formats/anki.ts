/**
 * Flashcards as an Anki text import file (Anki 2.1.55+ reads the `#key:value` header lines).
 * Columns: 1 GUID, 2 deck, 3 front, 4 back, 5 tags. The card id as GUID means re-importing an
 * updated file updates the notes instead of duplicating them. There is no `#columns:` line on
 * purpose: column names are matched against the note type's field names, which are translated
 * (正面/背面 in a Chinese Anki), so named columns put the GUID in 正面 there. Without names, Anki
 * fills the fields in order from the columns that are not GUID, deck or tags: 3 and 4.
 */

export interface AnkiCard {
	id: string;
	chapter: string;
	/** HTML. */
	front: string;
	/** HTML. */
	back: string;
	tags: string[];
}

export const ANKI_DECK_ROOT = 'CRM 客户关系管理';

export const ANKI_HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#deck column:2', '#tags column:5'];

const BLOCK = 'p|div|ul|ol|li|table|thead|tbody|tr|td|th|h[1-6]|blockquote|pre|hr|dl|dt|dd|figure|section';
// A line break next to a block tag is only source formatting: as <br> it would add an empty line in Anki.
const BLOCK_BREAK_AFTER = new RegExp(`(<\\/?(?:${BLOCK})\\b[^>]*>)[ \\t]*(?:\\r\\n|\\r|\\n)\\s*`, 'gi');
const BLOCK_BREAK_BEFORE = new RegExp(`\\s*(?:\\r\\n|\\r|\\n)[ \\t]*(?=<\\/?(?:${BLOCK})\\b)`, 'gi');

/**
 * One field. Tabs would split the field and newlines the note, so they become a space and
 * <br>. Anki's reader honours CSV quoting even with tabs, so a field with a double quote is
 * quoted and its quotes doubled (replacing them by &quot; would break HTML attributes).
 */
export function ankiField(text: string): string {
	const flat = text
		.replace(BLOCK_BREAK_AFTER, '$1')
		.replace(BLOCK_BREAK_BEFORE, '')
		.replace(/\r\n|\r|\n/g, '<br>')
		.replace(/\t/g, ' ');
	return flat.includes('"') ? `"${flat.replaceAll('"', '""')}"` : flat;
}

/** Anki separates tags by spaces and treats "::" as hierarchy, so spaces inside a tag become "_". */
export function ankiTag(tag: string): string {
	return tag.trim().replace(/\s+/g, '_');
}

/** "::" nests decks in Anki, so a chapter title must not contain it. */
export function ankiDeck(chapter: string, chapterTitles: Readonly<Record<string, string>>): string {
	const title = (chapterTitles[chapter] ?? chapter).replace(/::/g, '：').replace(/[\t\r\n]+/g, ' ').trim();
	return `${ANKI_DECK_ROOT}::${title}`;
}

/** UTF-8 text (no BOM: Anki reads UTF-8 by default), one note per line, LF line ends. */
export function toAnkiText(cards: readonly AnkiCard[], chapterTitles: Readonly<Record<string, string>>): string {
	const lines = cards.map((c) =>
		[ankiField(c.id), ankiField(ankiDeck(c.chapter, chapterTitles)), ankiField(c.front), ankiField(c.back), ankiField(c.tags.map(ankiTag).filter(Boolean).join(' '))].join('\t')
	);
	return [...ANKI_HEADER, ...lines].join('\n') + '\n';
}
