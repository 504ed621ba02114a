import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseCourse } from '../../../src/lib/content/parse';
import { BLANK_MARK, type Course, type Question } from '../../../src/lib/content/types';
import { ANY_ORDER_NOTE, blankAnswers, categoryPath } from '../../../src/lib/formats/bank';
import { parse as parseGift, type GIFTQuestion } from 'gift-pegjs';
import { escapeCloze, toMoodleXml } from '../../../src/lib/formats/moodle';
import { escapeGift, toGift } from '../../../src/lib/formats/gift';
import { ANKI_HEADER, ankiField, toAnkiText } from '../../../src/lib/formats/anki';
import { readAnkiText } from './anki-reader';
import { exportCounts, exportFile, exportFileNames } from '$lib/server/exports';
import { toCsv } from '../../../src/lib/formats/csv';
import { calcSamples } from '../../../src/lib/quiz/calc';
import { portableRenderer as render } from '../../../src/lib/server/markdown';
import { loadContentFiles } from '../content/load';

const course: Course = parseCourse(loadContentFiles());

type XmlQuestion = {
	'@_type': string;
	name?: { text: string };
	idnumber?: string;
	category?: { text: string };
	questiontext?: { text: string };
	answer?: { '@_fraction': string; text: string }[];
	graderinfo?: { text: string };
	single?: boolean;
	shuffleanswers?: boolean;
	generalfeedback?: { text: string };
};

function parseMoodle(xml: string): XmlQuestion[] {
	expect(XMLValidator.validate(xml)).toBe(true);
	const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'question' || name === 'answer', parseTagValue: false, cdataPropName: false });
	return (parser.parse(xml) as { quiz: { question: XmlQuestion[] } }).quiz.question;
}

/** The blanks of a Cloze question text, each as its accepted answers. */
function clozeBlanks(html: string): string[][] {
	return [...html.matchAll(/\{1:SHORTANSWER:((?:\\.|[^}])*)\}/g)].map((m) => m[1]!.split(/(?<!\\)~/).map((a) => a.replace(/^=/, '').replace(/\\(.)/g, '$1')));
}

describe('Moodle XML export', () => {
	const xml = toMoodleXml(course, render);
	const parsed = parseMoodle(xml);
	const byId = new Map(course.questions.map((q) => [q.id, q]));

	it('parses back with a category per chapter and every question under its own chapter', () => {
		let chapter: string | null = null;
		const seen: string[] = [];
		for (const x of parsed) {
			if (x['@_type'] === 'category') {
				chapter = course.chapters.find((c) => categoryPath(c.title) === x.category!.text)!.id;
				continue;
			}
			const q = byId.get(x.idnumber!)!;
			expect(q, x.idnumber).toBeDefined();
			expect(q.chapter).toBe(chapter);
			seen.push(q.id);
		}
		expect(seen).toEqual(course.chapters.flatMap((c) => course.questions.filter((q) => q.chapter === c.id).map((q) => q.id)));
		expect(parsed.filter((x) => x['@_type'] === 'category')).toHaveLength(course.chapters.length);
	});

	it('never shuffles the options of a question whose explanation names them by letter', () => {
		// Moodle letters shuffled options in display order, so "D 错" would point at another option.
		const choice = parsed.filter((x) => x['@_type'] === 'multichoice');
		const fixed = choice.filter((x) => String(x.shuffleanswers) === 'false');
		expect(fixed.map((x) => x.idnumber)).toContain('q-cus-039');
		expect(byId.get('q-cus-039')!.explanation).toMatch(/A 是伙伴型/);
		for (const x of choice) {
			const q = byId.get(x.idnumber!)!;
			const namesLetter = /(?<![A-Za-z0-9“])[A-E](?![A-Za-z0-9”])/.test(q.explanation.replace(/\$[^$]*\$/g, ''));
			expect(String(x.shuffleanswers), q.id).toBe(String(!namesLetter));
		}
		expect(fixed.length).toBeLessThan(choice.length / 2);
	});

	it('maps every type faithfully, with the same answers', () => {
		const expectedType: Record<Question['type'], string> = { single: 'multichoice', multiple: 'multichoice', judge: 'truefalse', fill: 'shortanswer', define: 'essay', short: 'essay', calc: 'numerical' };
		for (const x of parsed.filter((p) => p['@_type'] !== 'category')) {
			const q = byId.get(x.idnumber!)!;
			const type = q.type === 'fill' && q.answer.blanks.length > 1 ? 'multianswer' : expectedType[q.type];
			expect(x['@_type'], q.id).toBe(type);
			switch (q.type) {
				case 'single':
				case 'multiple': {
					const right = x.answer!.filter((a) => Number(a['@_fraction']) > 0).map((a) => a.text);
					const keys = q.type === 'single' ? [q.answer] : q.answer;
					expect(right, q.id).toEqual(q.options.filter((o) => keys.includes(o.key)).map((o) => render.inline(o.text)));
					expect(String(x.single), q.id).toBe(String(q.type === 'single'));
					if (q.type === 'multiple') {
						const sum = x.answer!.filter((a) => Number(a['@_fraction']) > 0).reduce((s, a) => s + Number(a['@_fraction']), 0);
						expect(sum).toBeCloseTo(100, 3);
					}
					break;
				}
				case 'judge':
					expect(x.answer!.find((a) => a['@_fraction'] === '100')!.text, q.id).toBe(String(q.answer));
					break;
				case 'fill': {
					const accepted = blankAnswers(q.answer);
					if (accepted.length === 1) expect(x.answer!.map((a) => a.text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'))).toEqual(accepted[0]);
					else expect(clozeBlanks(x.questiontext!.text), q.id).toEqual(accepted);
					expect(x.questiontext!.text).not.toContain(BLANK_MARK);
					break;
				}
				case 'calc':
					break;
				default:
					for (const p of q.answer.points) expect(x.graderinfo!.text, q.id).toContain(render.inline(p));
			}
		}
	});

	it('exports any-order blanks in the textbook order, so one answer typed into every blank cannot earn full marks', () => {
		const anyOrder = parsed.filter((x) => x['@_type'] === 'multianswer').map((x) => ({ x, q: byId.get(x.idnumber!)! })).filter(({ q }) => q.type === 'fill' && q.answer.anyOrder);
		expect(anyOrder.length).toBeGreaterThan(0);
		for (const { x, q } of anyOrder) {
			if (q.type !== 'fill') continue;
			const blanks = clozeBlanks(x.questiontext!.text);
			expect(blanks, q.id).toEqual(q.answer.blanks);
			expect(x.questiontext!.text, q.id).toContain(ANY_ORDER_NOTE);
			// Moodle marks each blank on its own: typing blank 1's answer everywhere earns only the blanks that accept it.
			const typedEverywhere = q.answer.blanks[0]![0]!;
			const credited = blanks.filter((alts) => alts.includes(typedEverywhere)).length;
			expect(credited, q.id).toBeLessThan(blanks.length);
		}
	});

	it('names questions by a short stem preview and keeps the id in idnumber', () => {
		for (const x of parsed.filter((p) => p['@_type'] !== 'category')) {
			const q = byId.get(x.idnumber!)!;
			expect(x.name!.text, q.id).not.toBe(q.id);
			expect(x.name!.text.length, q.id).toBeLessThanOrEqual(31);
			expect(x.name!.text, q.id).not.toMatch(/\*\*|`/);
		}
		const first = course.questions.find((q) => q.type === 'single')!;
		expect(parsed.find((x) => x.idnumber === first.id)!.name!.text.replace(/…$/, '')).toBe(first.stem.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim().slice(0, 30));
	});

	it('exports one chapter on its own', () => {
		const one = parseMoodle(toMoodleXml(course, render, { chapters: ['satisfaction'] }));
		expect(one.filter((x) => x['@_type'] === 'category')).toHaveLength(1);
		expect(one.length - 1).toBe(course.questions.filter((q) => q.chapter === 'satisfaction').length);
	});

	it('keeps formulas as TeX for Moodle’s own MathJax and survives "]]>" in text', () => {
		expect(render.block('当 $Q_1<Q_0$ 时')).toBe('<p>当 \\(Q_1&lt;Q_0\\) 时</p>\n');
		expect(render.formula('C = \\dfrac{B}{A}')).toBe('<p>\\[C = \\dfrac{B}{A}\\]</p>');
		const tricky = parseMoodle(toMoodleXml({ ...course, questions: [{ ...course.questions.find((q) => q.type === 'judge')!, stem: 'a ]]> b & <c>' }] }, render));
		expect(tricky[1]!.questiontext!.text).toContain(']]&gt;');
		expect(escapeCloze('a}b#c~d/e"f\\g')).toBe('a\\}b\\#c\\~d\\/e\\"f\\\\g');
	});
});

/** GIFT questions a file should hold: one per question, and one per blank of a many-blank fill question. */
const giftCount = (questions: readonly Question[]) => questions.reduce((n, q) => n + (q.type === 'fill' ? q.answer.blanks.length : q.type === 'calc' ? q.answer.fields.length : 1), 0);

describe('GIFT export parses in gift-pegjs', () => {
	const files = [{ name: 'questions.gift.txt', chapters: undefined as string[] | undefined }, ...course.chapters.map((c) => ({ name: `${c.id}.questions.gift.txt`, chapters: [c.id] }))];

	it.each(files)('$name parses, with every question and category', ({ chapters }) => {
		const text = toGift(course, chapters ? { chapters } : {});
		let parsed: GIFTQuestion[] = [];
		expect(() => (parsed = parseGift(text))).not.toThrow();
		const questions = course.questions.filter((q) => !chapters || chapters.includes(q.chapter));
		expect(parsed.filter((g) => g.type === 'Category')).toHaveLength(new Set(questions.map((q) => q.chapter)).size);
		const real = parsed.filter((g) => g.type !== 'Category');
		expect(real).toHaveLength(giftCount(questions));
		const byTitle = new Map(real.map((g) => [(g as { title: string }).title, g]));
		for (const q of questions) {
			if (q.type !== 'fill') continue;
			q.answer.blanks.forEach((alts, k) => {
				const g = byTitle.get(q.answer.blanks.length === 1 ? q.id : `${q.id}_b${k + 1}`);
				expect(g?.type, q.id).toBe('Short');
				if (g?.type === 'Short') expect(g.choices.map((c) => c.text.text).sort(), q.id).toEqual(blankAnswers(q.answer)[k]!.map((a) => a.trim()).sort());
			});
		}
	});

	it('gives a blank that opens the question a lead-in, which every parser accepts', () => {
		const first = course.questions.find((q) => q.type === 'fill' && q.stem.trimStart().startsWith(BLANK_MARK));
		const q: Question = first ?? { ...course.questions.find((x) => x.type === 'fill')!, stem: `${BLANK_MARK}之所以重要` };
		const gift = toGift({ ...course, questions: [q] });
		expect(gift).toMatch(/::\[markdown\]填空：\{=/);
		expect(() => parseGift(gift)).not.toThrow();
	});
});

describe('GIFT export', () => {
	it('escapes ~ = # { } : and backslashes, and keeps each question on its own paragraph', () => {
		expect(escapeGift('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
		expect(escapeGift('line1\n\nline2')).toBe('line1\\n\\nline2');
	});

	it('writes every question under its chapter category, with the right answer marks', () => {
		const gift = toGift(course);
		const blocks = gift.split(/\n\n/);
		expect(blocks.filter((b) => b.startsWith('$CATEGORY: '))).toHaveLength(course.chapters.length);
		const q = course.questions.find((x) => x.type === 'single')!;
		const block = blocks.find((b) => b.startsWith(`::${escapeGift(q.id)}::`))!;
		const right = q.options.find((o) => o.key === q.answer)!;
		expect(block).toContain(`\t=${escapeGift(right.text)}`);
		expect(block.match(/\t~/g)).toHaveLength(q.options.length - 1);
		const judge = course.questions.find((x) => x.type === 'judge' && x.answer === false)!;
		expect(blocks.find((b) => b.startsWith(`::${judge.id}::`))).toMatch(/\{F/);
		// No unescaped special character may leak out of a question's text.
		for (const b of blocks.filter((x) => x.startsWith('::'))) expect(b.replace(/\\./g, '')).not.toMatch(/\n\n/);
	});
});

describe('Anki export', () => {
	const cards = [
		{ id: 'c1:card', chapter: 'loyalty', front: '<p>客户忠诚</p>', back: 'line1\nline2\twith tab', tags: ['CRM', '名词 解释'] },
		{ id: 'c2:card', chapter: 'churn', front: 'say "hi"', back: '<p>a</p>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n<p>b\nc</p>', tags: [] }
	];
	const text = toAnkiText(cards, { loyalty: '客户忠诚', churn: '客户流失与挽回' });

	it('starts with the header lines Anki reads, and names no columns', () => {
		expect(text.split('\n').slice(0, ANKI_HEADER.length)).toEqual(ANKI_HEADER);
		expect(text).not.toMatch(/^#columns:/m);
		expect(text.charCodeAt(0)).not.toBe(0xfeff);
	});

	// In any language: the Basic note type is Front/Back in English and 正面/背面 in Chinese.
	it.each([[['Front', 'Back']], [['正面', '背面']]])('imports into a Basic note type with fields %j', (fields) => {
		const { meta, notes } = readAnkiText(text, fields);
		expect(meta).toMatchObject({ separator: '\t', html: true });
		expect(notes).toHaveLength(2);
		expect(notes[0]).toEqual({ guid: 'c1:card', deck: 'CRM 客户关系管理::客户忠诚', fields: ['<p>客户忠诚</p>', 'line1<br>line2 with tab'], tags: ['CRM', '名词_解释'] });
		expect(notes[1]).toMatchObject({ guid: 'c2:card', deck: 'CRM 客户关系管理::客户流失与挽回', fields: ['say "hi"', '<p>a</p><ol><li>x</li><li>y</li></ol><p>b<br>c</p>'], tags: [] });
	});

	it('shows what named columns did in a Chinese Anki: the GUID in 正面 and 背面 empty', () => {
		const old = ['#separator:tab', '#html:true', '#guid column:1', '#deck column:2', '#tags column:5', '#columns:GUID\tDeck\tFront\tBack\tTags', 'c1:card\tdeck\tfront\tback\ttag'].join('\n');
		expect(readAnkiText(old, ['正面', '背面']).notes[0]!.fields).toEqual(['c1:card', '']);
		expect(readAnkiText(old, ['Front', 'Back']).notes[0]!.fields).toEqual(['front', 'back']);
	});

	it('keeps line breaks inside text but drops those between block tags', () => {
		expect(ankiField('<p>a</p>\n<p>b</p>')).toBe('<p>a</p><p>b</p>');
		expect(ankiField('a\nb')).toBe('a<br>b');
		expect(ankiField('say "hi"')).toBe('"say ""hi"""');
	});
});

describe('the published export files', () => {
	const names = exportFileNames();
	const chapterCount = course.chapters.length;

	it('has the whole course and every chapter for each kind', () => {
		expect(names.filter((n) => n.endsWith('questions.gift.txt'))).toHaveLength(chapterCount + 1);
	});

	it.each(names.filter((n) => n.endsWith('.gift.txt')))('%s parses in gift-pegjs', (name) => {
		const { body } = exportFile(name)!;
		const chapter = name === 'questions.gift.txt' ? null : name.split('.')[0]!;
		const parsed = parseGift(body);
		// The published files also carry a fixed sample of generated 计算 questions.
		const bank = [...course.questions, ...calcSamples()];
		expect(parsed.filter((g) => g.type !== 'Category')).toHaveLength(giftCount(bank.filter((q) => !chapter || q.chapter === chapter)));
	});

	it.each(names.filter((n) => n.endsWith('.anki.txt')))('%s imports into 正面/背面 with no GUID in a field and no <br> between blocks', (name) => {
		const { body } = exportFile(name)!;
		const { notes } = readAnkiText(body, ['正面', '背面']);
		expect(notes.length).toBeGreaterThan(0);
		for (const n of notes) {
			expect(n.fields[0]).not.toBe(n.guid);
			expect(n.fields[1]!.length).toBeGreaterThan(0);
			expect(n.deck).toMatch(/^CRM 客户关系管理::/);
			for (const f of n.fields) expect(f).not.toMatch(/<\/?(p|ol|ul|li|div|h\d)\b[^>]*>\s*<br>|<br>\s*<\/?(p|ol|ul|li|div|h\d)\b/);
		}
	});

	it('counts GIFT questions apart from bank questions, since each blank of a many-blank question is one', () => {
		const counts = exportCounts();
		expect(counts['*']).toMatchObject({ questions: course.questions.length, gift: giftCount(course.questions) });
		expect(counts['*']!.gift).toBeGreaterThan(counts['*']!.questions);
	});
});

describe('CSV', () => {
	it('starts with a BOM, quotes where needed and defuses formulas', () => {
		const csv = toCsv([
			['姓名', '分数'],
			['张三, 二班', 95],
			['=HYPERLINK("x")', -3],
			['多行\n文本', null]
		]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('姓名,分数\r\n"张三, 二班",95\r\n"\'=HYPERLINK(""x"")",-3\r\n"多行\n文本",\r\n');
	});
});
