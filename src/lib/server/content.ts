/**
 * The one place that reads content/ (through Vite's import.meta.glob, so edits trigger rebuilds).
 * Parsing errors are thrown here, which makes `vite build` fail with file:line messages.
 */
import { parseCourse } from '$lib/content/parse';
import { BLANK_MARK, type Chapter, type Concept, type Course, type Question } from '$lib/content/types';
import type { SearchEntry } from '$lib/content/search';
import { renderFormula, renderInline, renderMarkdown } from './markdown';
import { pinyinKeys } from './pinyin';
import { markOptionRefs } from '$lib/quiz/option-refs';
import type { QuestionIndexRow } from '$lib/quiz/paper';

const raw = import.meta.glob('/content/[0-9]*.md', { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

let cached: Course | null = null;

export function getCourse(): Course {
	cached ??= parseCourse(Object.entries(raw).map(([path, text]) => ({ path: path.replace(/^\//, ''), text })));
	return cached;
}

export interface ConceptSummary {
	id: string;
	name: string;
	english: string | null;
	kind: Concept['kind'];
	/** 'extension' marks 教材拓展 material, which students may choose to skip. */
	source: Concept['source'];
}

export interface ConceptView extends ConceptSummary {
	chapter: Pick<Chapter, 'id' | 'title' | 'order'>;
	tags: string[];
	/** Rendered at build time from author content. */
	html: string;
	noteHtml: string;
	itemsHtml: string[];
	formulaHtml: string;
	related: ConceptSummary[];
	/** Concepts that list this one as related, so links work in both directions. */
	backlinks: ConceptSummary[];
	prev: ConceptSummary | null;
	next: ConceptSummary | null;
	questionCount: number;
}

const summary = (c: Concept): ConceptSummary => ({
	id: c.id,
	name: c.name,
	english: c.english,
	kind: c.kind,
	source: c.source
});

export function chapterOf(id: string): Chapter {
	const chapter = getCourse().chapters.find((c) => c.id === id);
	if (!chapter) throw new Error(`unknown chapter ${id}`);
	return chapter;
}

export function conceptView(id: string): ConceptView | null {
	const course = getCourse();
	const concept = course.concepts.find((c) => c.id === id);
	if (!concept) return null;
	const byId = new Map(course.concepts.map((c) => [c.id, c]));
	const siblings = course.concepts.filter((c) => c.chapter === concept.chapter);
	const index = siblings.indexOf(concept);
	const chapter = chapterOf(concept.chapter);
	return {
		...summary(concept),
		chapter: { id: chapter.id, title: chapter.title, order: chapter.order },
		tags: concept.tags,
		html: concept.text ? renderMarkdown(concept.text) : '',
		noteHtml: concept.note ? renderMarkdown(concept.note) : '',
		itemsHtml: concept.items.map(renderInline),
		formulaHtml: concept.formula ? renderFormula(concept.formula) : '',
		related: concept.related.flatMap((r) => (byId.has(r) ? [summary(byId.get(r)!)] : [])),
		backlinks: course.concepts.filter((c) => c.related.includes(concept.id) && !concept.related.includes(c.id)).map(summary),
		prev: index > 0 ? summary(siblings[index - 1]!) : null,
		next: index < siblings.length - 1 ? summary(siblings[index + 1]!) : null,
		questionCount: course.questions.filter((q) => q.concepts.includes(concept.id)).length
	};
}

export interface ChapterListing extends Pick<Chapter, 'id' | 'title' | 'order' | 'summary'> {
	concepts: (ConceptSummary & SearchEntry)[];
	questionCount: number;
}

export function chapterListings(): ChapterListing[] {
	const course = getCourse();
	return course.chapters.map((ch) => ({
		id: ch.id,
		title: ch.title,
		order: ch.order,
		summary: ch.summary,
		questionCount: course.questions.filter((q) => q.chapter === ch.id).length,
		concepts: course.concepts
			.filter((c) => c.chapter === ch.id)
			.map((c) => ({ ...summary(c), chapter: ch.id, ...pinyinKeys(c.name) }))
	}));
}

/** Fill stems show numbered blanks, matching the numbered answer boxes under them. */
function numberBlanks(stem: string): string {
	let n = 0;
	return stem.replaceAll(BLANK_MARK, () => `<span class="blank">（${++n}）${BLANK_MARK}</span>`);
}

/** The public JSON schema documented in content/README.md. */
export function conceptsJson() {
	const course = getCourse();
	return {
		version: 1,
		chapters: course.chapters.map(({ id, title, order, summary }) => ({ id, title, order, summary })),
		concepts: course.concepts.map((c) => ({
			id: c.id,
			kind: c.kind,
			chapter: c.chapter,
			name: c.name,
			english: c.english,
			related: c.related,
			tags: c.tags,
			source: c.source,
			text: c.text,
			...(c.kind === 'list' ? { items: c.items } : {}),
			...(c.kind === 'formula' ? { formula: c.formula } : {}),
			html: (c.formula ? renderFormula(c.formula) : '') + (c.text ? renderMarkdown(c.text) : '')
		}))
	};
}

export function questionsJson() {
	return {
		version: 1,
		questions: getCourse().questions.map((q: Question) => ({
			id: q.id,
			chapter: q.chapter,
			type: q.type,
			stem: q.stem,
			stemHtml: renderMarkdown(q.type === 'fill' ? numberBlanks(q.stem) : q.stem),
			options: q.options.map((o) => ({ key: o.key, text: o.text, html: renderInline(o.text) })),
			answer: q.answer,
			explanation: q.explanation,
			explanationHtml: q.explanation ? renderMarkdown(markOptionRefs(q.explanation, q.options.map((o) => o.key))) : '',
			concepts: q.concepts,
			source: q.source,
			tags: q.tags,
			pos: q.pos
		}))
	};
}

/**
 * /data/question-index.json: what choosing and assembling a paper reads, in bank order, one
 * `[id, chapter, type, source, option keys]` row per question (rows, not objects: a tenth of the bank).
 */
export function questionIndexJson(): { version: 1; questions: QuestionIndexRow[] } {
	return { version: 1, questions: getCourse().questions.map((q) => [q.id, q.chapter, q.type, q.source, q.options.map((o) => o.key).join('')]) };
}
