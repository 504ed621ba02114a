/**
 * The files instructors take to other tools, built at build time: the question bank as Moodle XML
 * and GIFT, the flashcards as Anki text. Whole course, and one set per chapter.
 */
import { toAnkiText } from '$lib/formats/anki';
import { toGift } from '$lib/formats/gift';
import { toMoodleXml } from '$lib/formats/moodle';
import { calcSamples } from '$lib/quiz/calc';
import { cardFaces } from './cards';
import { getCourse } from './content';
import { portableRenderer } from './markdown';
import { buildCards } from '$lib/srs/cards';

export type ExportKind = 'questions.moodle.xml' | 'questions.gift.txt' | 'flashcards.anki.txt';
export const EXPORT_KINDS: ExportKind[] = ['questions.moodle.xml', 'questions.gift.txt', 'flashcards.anki.txt'];

export const EXPORT_TYPES: Record<ExportKind, string> = {
	'questions.moodle.xml': 'application/xml; charset=utf-8',
	'questions.gift.txt': 'text/plain; charset=utf-8',
	'flashcards.anki.txt': 'text/plain; charset=utf-8'
};

/** File names: `questions.gift.txt` for the whole course, `<chapter>.questions.gift.txt` for one chapter. */
export function exportFileNames(): string[] {
	const chapters = getCourse().chapters.map((c) => c.id);
	return EXPORT_KINDS.flatMap((kind) => [kind, ...chapters.map((c) => `${c}.${kind}`)]);
}

export function exportFile(name: string): { body: string; type: string } | null {
	// 计算 questions are generated, so the bank files carry a fixed sample of each calculator's drills.
	const course = { ...getCourse(), questions: [...getCourse().questions, ...calcSamples()] };
	const kind = EXPORT_KINDS.find((k) => name === k || name.endsWith(`.${k}`));
	if (!kind) return null;
	const chapter = name === kind ? null : name.slice(0, -kind.length - 1);
	if (chapter !== null && !course.chapters.some((c) => c.id === chapter)) return null;
	const options = chapter ? { chapters: [chapter] } : {};
	const titles = Object.fromEntries(course.chapters.map((c) => [c.id, c.title]));
	let body: string;
	if (kind === 'questions.moodle.xml') body = toMoodleXml(course, portableRenderer, options);
	else if (kind === 'questions.gift.txt') body = toGift(course, options);
	else {
		const cards = cardFaces(portableRenderer).filter((c) => chapter === null || c.chapter === chapter);
		body = toAnkiText(
			cards.map((c) => ({ id: c.id, chapter: c.chapter, front: c.front, back: c.back, tags: ['CRM', ...c.tags] })),
			titles
		);
	}
	return { body, type: EXPORT_TYPES[kind] };
}

/** Bank questions and cards per scope ('*' = whole course), and how many GIFT questions the bank becomes (one per blank of a many-blank fill question). */
export function exportCounts(): Record<string, { questions: number; gift: number; cards: number }> {
	const course = getCourse();
	const cards = buildCards(course);
	const gift = (qs: typeof course.questions) => qs.reduce((n, q) => n + (q.type === 'fill' ? q.answer.blanks.length : 1), 0);
	const counts: Record<string, { questions: number; gift: number; cards: number }> = { '*': { questions: course.questions.length, gift: gift(course.questions), cards: cards.length } };
	for (const c of course.chapters) {
		const qs = course.questions.filter((q) => q.chapter === c.id);
		counts[c.id] = { questions: qs.length, gift: gift(qs), cards: cards.filter((x) => x.chapter === c.id).length };
	}
	return counts;
}
