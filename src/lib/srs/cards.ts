/**
 * Flashcards derived from the course. Card ids are built from content ids (never positions),
 * so progress survives edits, reordering and new chapters.
 */
import type { Course } from '../content/types';

export type CardKind = 'term' | 'reverse' | 'item' | 'cloze' | 'formula' | 'compare' | 'list';

export const CARD_KIND_LABELS: Record<CardKind, string> = {
	term: '术语 → 定义',
	reverse: '定义 → 术语',
	list: '列表',
	item: '列表挖空',
	formula: '公式',
	compare: '对比',
	cloze: '填空挖空'
};

export interface CardSpec {
	id: string;
	kind: CardKind;
	chapter: string;
	/** The concept the card teaches (for fill clozes: the question's first concept, if any). */
	concept: string | null;
	/** For cloze cards from questions. */
	question: string | null;
	/** For list-item cards: which item is hidden. */
	itemIndex: number | null;
	tags: string[];
	/** course: from the course's own documents; authored: a cloze of a question written for the app; extension: 教材拓展. */
	source: CardSource;
}

export type CardSource = 'course' | 'authored' | 'extension';

/** What pages count, plan and filter cards by: a card without its faces. */
export interface CardMeta {
	id: string;
	kind: CardKind;
	chapter: string;
	concept: string | null;
	source: CardSource;
	tags: string[];
}

/**
 * One card in /data/card-index.json. Rows rather than objects: the file is a third smaller and
 * parses faster, which counts with a bank ten times this course's size.
 */
export type CardIndexRow = [id: string, kind: CardKind, chapter: string, concept: string | null, source: CardSource, tags: string[]];

export function toCardIndexRow({ id, kind, chapter, concept, source, tags }: CardMeta): CardIndexRow {
	return [id, kind, chapter, concept, source, tags];
}

export function fromCardIndexRow([id, kind, chapter, concept, source, tags]: CardIndexRow): CardMeta {
	return { id, kind, chapter, concept, source, tags };
}

/** FNV-1a: a short, stable fingerprint so a list item keeps its card when items are reordered. */
export function fingerprint(text: string): string {
	let h = 0x811c9dc5;
	for (const ch of text.normalize('NFKC')) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36);
}

/** The key phrase of a list item: the part before a colon, used for hiding and fingerprints. */
export function itemKey(item: string): string {
	return item.split(/[：:]/)[0]!.trim();
}

export function buildCards(course: Course): CardSpec[] {
	const cards: CardSpec[] = [];
	const base = { question: null, itemIndex: null };
	for (const chapter of course.chapters) {
		for (const c of course.concepts.filter((x) => x.chapter === chapter.id)) {
			const common = { ...base, chapter: c.chapter, concept: c.id, tags: c.tags, source: c.source };
			const primaryKind: CardKind = c.kind === 'list' ? 'list' : c.kind;
			cards.push({ ...common, id: `${c.id}:card`, kind: primaryKind });
			if (c.kind === 'term') cards.push({ ...common, id: `${c.id}:reverse`, kind: 'reverse' });
			if (c.kind === 'list' && c.items.length > 1) {
				const seen = new Set<string>();
				c.items.forEach((item, i) => {
					let key = fingerprint(itemKey(item));
					while (seen.has(key)) key += 'x';
					seen.add(key);
					cards.push({ ...common, id: `${c.id}:item-${key}`, kind: 'item', itemIndex: i });
				});
			}
		}
		for (const q of course.questions.filter((x) => x.chapter === chapter.id && x.type === 'fill')) {
			cards.push({ id: `${q.id}:cloze`, kind: 'cloze', chapter: q.chapter, concept: q.concepts[0] ?? null, question: q.id, itemIndex: null, tags: q.tags, source: q.source });
		}
	}
	return cards;
}
