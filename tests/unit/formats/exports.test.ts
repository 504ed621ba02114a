import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseCourse } from '../../../src/lib/content/parse';
import { BLANK_MARK, type Course, type Question } from '../../../src/lib/content/types';
import { acceptedBlankAnswers, categoryPath } from '../../../src/lib/formats/bank';
import { escapeCloze, toMoodleXml } from '../../../src/lib/formats/moodle';
import { escapeGift, toGift } from '../../../src/lib/formats/gift';
import { ANKI_HEADER, ankiField, toAnkiText } from '../../../src/lib/formats/anki';
import { toCsv } from '../../../src/lib/formats/csv';
import { portableRenderer as render } from '../../../src/lib/server/markdown';
import { loadContentFiles } from '../content/load';

const course: Course = parseCourse(loadContentFiles());

type XmlQuestion = {
	'@_type': string;
	name?: { text: string };
	category?: { text: string };
	questiontext?: { text: string };
	answer?: { '@_fraction': string; text: string }[];
	graderinfo?: { text: string };
	single?: boolean;
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
			const q = byId.get(x.name!.text)!;
			expect(q, x.name!.text).toBeDefined();
			expect(q.chapter).toBe(chapter);
			seen.push(q.id);
		}
		expect(seen).toEqual(course.chapters.flatMap((c) => course.questions.filter((q) => q.chapter === c.id).map((q) => q.id)));
		expect(parsed.filter((x) => x['@_type'] === 'category')).toHaveLength(course.chapters.length);
	});

	it('maps every type faithfully, with the same answers', () => {
		const expectedType: Record<Question['type'], string> = { single: 'multichoice', multiple: 'multichoice', judge: 'truefalse', fill: 'shortanswer', define: 'essay', short: 'essay', calc: 'numerical' };
		for (const x of parsed.filter((p) => p['@_type'] !== 'category')) {
			const q = byId.get(x.name!.text)!;
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
					const accepted = acceptedBlankAnswers(q.answer).map((b) => [...b.own, ...b.others]);
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
		{ id: 'c2:card', chapter: 'churn', front: 'say "hi"', back: 'b', tags: [] }
	];
	const text = toAnkiText(cards, { loyalty: '客户忠诚', churn: '客户流失与挽回' });
	const lines = text.split('\n');

	it('starts with the header lines Anki reads', () => {
		expect(lines.slice(0, ANKI_HEADER.length)).toEqual(ANKI_HEADER);
		expect(lines).toContain('#separator:tab');
		expect(lines).toContain('#html:true');
		expect(lines.some((l) => /^#tags column:\d+$/.test(l))).toBe(true);
		expect(text.charCodeAt(0)).not.toBe(0xfeff);
	});

	it('has one note per line with GUID, a deck per chapter, front, back and tags columns', () => {
		const notes = lines.slice(ANKI_HEADER.length).filter(Boolean);
		expect(notes).toHaveLength(2);
		const cols = notes[0]!.split('\t');
		expect(cols).toEqual(['c1:card', 'CRM 客户关系管理::客户忠诚', '<p>客户忠诚</p>', 'line1<br>line2 with tab', 'CRM 名词_解释']);
		const tagsColumn = Number(ANKI_HEADER.find((h) => h.startsWith('#tags column:'))!.split(':')[1]);
		expect(cols[tagsColumn - 1]).toBe('CRM 名词_解释');
		expect(notes[1]!.split('\t')[1]).toBe('CRM 客户关系管理::客户流失与挽回');
		expect(ankiField('say "hi"')).toBe('"say ""hi"""');
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
