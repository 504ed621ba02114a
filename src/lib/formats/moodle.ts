/**
 * The question bank as Moodle XML (Question bank → Import → Moodle XML format).
 *
 * Mapping, chosen so that Moodle marks exactly as this app does:
 * - single   → multichoice, single answer; the right option 100 %, the others 0.
 * - multiple → multichoice, several answers, with the fractions of multipleChoiceFractions
 *              (a share per right option, −100 % for a wrong one: the app's partial credit).
 * - judge    → truefalse.
 * - fill     → one blank: shortanswer with every accepted spelling at 100 %; several blanks:
 *              multianswer (Cloze) with a SHORTANSWER sub-question per blank. Cloze cannot say
 *              "any order", so 顺序: 任意 blanks are asked in the textbook order and the text says
 *              so (ANY_ORDER_NOTE; see blankAnswers).
 * - define / short → essay; the model answer and the marking points go to the grader
 *              information, which Moodle shows to whoever grades the essay.
 * A question's <name> is a short preview of its stem, for people browsing the bank; the id is
 * its <idnumber>. Each chapter becomes a category under $course$/客户关系管理. Texts are HTML made by the caller's
 * renderer (at build time), so this module stays pure.
 */
import { BLANK_MARK, QUESTION_TYPE_LABELS, type Course, type Question } from '../content/types';
import { DEFAULT_MAKEUP } from '../quiz/types';
import { namesOptionLetters } from '../quiz/option-refs';
import { ANY_ORDER_NOTE, blankAnswers, categoryPath, questionName, fractionText, multipleChoiceFractions, selectedQuestions, type ExportOptions } from './bank';

export interface HtmlRenderer {
	/** Markdown block → HTML. */
	block(md: string): string;
	/** Markdown inline → HTML. */
	inline(md: string): string;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** CDATA cannot contain "]]>", so that sequence is split across two sections. */
const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const htmlText = (html: string) => `<text>${cdata(html)}</text>`;

/** Cloze answers escape the characters that structure a sub-question. */
export function escapeCloze(text: string): string {
	return text.replace(/[\\}#~/"]/g, (c) => `\\${c}`);
}

/** The course's own exam marks per type, so a Moodle quiz built from the bank weighs questions alike. */
const grade = (q: Question) => DEFAULT_MAKEUP.find((r) => r.type === q.type)!.marks;

const SOURCE_TAG = { course: '来源-课程资料', authored: '来源-自编', extension: '来源-教材拓展' } as const;

function head(q: Question, type: string, render: HtmlRenderer, questionHtml: string, marks = grade(q)): string[] {
	return [
		`  <question type="${type}">`,
		`    <name><text>${xmlText(questionName(q.stem) || q.id)}</text></name>`,
		`    <questiontext format="html">${htmlText(questionHtml)}</questiontext>`,
		`    <generalfeedback format="html">${htmlText(q.explanation ? render.block(q.explanation) : '')}</generalfeedback>`,
		`    <defaultgrade>${marks}</defaultgrade>`,
		`    <penalty>0.3333333</penalty>`,
		`    <hidden>0</hidden>`,
		`    <idnumber>${xmlText(q.id)}</idnumber>`
	];
}

function tail(q: Question): string[] {
	const tags = [SOURCE_TAG[q.source], QUESTION_TYPE_LABELS[q.type], ...q.tags];
	return [`    <tags>${tags.map((t) => `<tag><text>${xmlText(t)}</text></tag>`).join('')}</tags>`, `  </question>`];
}

const answer = (fraction: string, html: string, format = 'html') => `    <answer fraction="${fraction}" format="${format}">${htmlText(html)}<feedback format="html"><text></text></feedback></answer>`;

function questionXml(q: Question, render: HtmlRenderer): string[] {
	const stem = render.block(q.stem);
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const keys = q.options.map((o) => o.key);
			const fractions = q.type === 'single' ? keys.map((k) => (k === q.answer ? 100 : 0)) : multipleChoiceFractions(keys, q.answer);
			return [
				...head(q, 'multichoice', render, stem),
				`    <single>${q.type === 'single'}</single>`,
				// Moodle letters options in display order, so an explanation that names a letter ("D 错") needs them unshuffled.
				`    <shuffleanswers>${!namesOptionLetters(q.explanation, keys)}</shuffleanswers>`,
				`    <answernumbering>ABCD</answernumbering>`,
				...q.options.map((o, i) => answer(fractionText(fractions[i]!), render.inline(o.text))),
				...tail(q)
			];
		}
		case 'judge':
			return [...head(q, 'truefalse', render, stem), answer(q.answer ? '100' : '0', 'true', 'moodle_auto_format'), answer(q.answer ? '0' : '100', 'false', 'moodle_auto_format'), ...tail(q)];
		case 'fill': {
			const accepted = blankAnswers(q.answer);
			if (accepted.length === 1) {
				return [
					...head(q, 'shortanswer', render, render.block(q.stem.replace(BLANK_MARK, '\\_\\_\\_\\_\\_\\_'))),
					`    <usecase>0</usecase>`,
					...accepted[0]!.map((a) => answer('100', xmlText(a), 'moodle_auto_format')),
					...tail(q)
				];
			}
			// Moodle sums the sub-questions' weights (1 each) into the grade. Cloze markers replace the blanks after rendering, so Markdown cannot mangle their syntax.
			const marker = (i: number) => `CLOZEBLANK${i}END`;
			let i = 0;
			let html = render.block(q.stem.replaceAll(BLANK_MARK, () => marker(i++)) + (q.answer.anyOrder ? ANY_ORDER_NOTE : ''));
			accepted.forEach((alts, k) => {
				html = html.replace(marker(k), `{1:SHORTANSWER:${alts.map((a) => `=${escapeCloze(a)}`).join('~')}}`);
			});
			return [...head(q, 'multianswer', render, html, accepted.length), ...tail(q)];
		}
		case 'define':
		case 'short': {
			const points = q.answer.points.length ? `<p>评分要点：</p><ol>${q.answer.points.map((p) => `<li>${render.inline(p)}</li>`).join('')}</ol>` : '';
			const model = q.answer.model ? `<p>参考答案：</p>${render.block(q.answer.model)}` : '';
			return [
				...head(q, 'essay', render, stem),
				`    <responseformat>editor</responseformat>`,
				`    <responserequired>1</responserequired>`,
				`    <responsefieldlines>${q.type === 'define' ? 5 : 10}</responsefieldlines>`,
				`    <attachments>0</attachments>`,
				`    <graderinfo format="html">${htmlText(model + points)}</graderinfo>`,
				`    <responsetemplate format="html"><text></text></responsetemplate>`,
				...tail(q)
			];
		}
		case 'calc':
			return numericalXml(q, render);
	}
}

/**
 * 计算 → numerical with the drill's absolute tolerance and its unit (units shown but not graded,
 * as the app does not mark units). Several answer fields → multianswer (Cloze) with a NUMERICAL
 * sub-question per field, each worth one share, as the app marks each field.
 */
function numericalXml(q: Question & { type: 'calc' }, render: HtmlRenderer): string[] {
	const fields = q.answer.fields;
	const num = (n: number) => String(Number(n.toFixed(6)));
	if (fields.length === 1) {
		const f = fields[0]!;
		return [
			...head(q, 'numerical', render, render.block(q.stem)),
			`    <answer fraction="100" format="moodle_auto_format"><text>${num(f.value)}</text><feedback format="html"><text></text></feedback><tolerance>${num(f.tolerance)}</tolerance></answer>`,
			...(f.unit ? [`    <units><unit><multiplier>1</multiplier><unit_name>${xmlText(f.unit)}</unit_name></unit></units>`] : []),
			`    <unitgradingtype>0</unitgradingtype>`,
			`    <unitpenalty>0.1000000</unitpenalty>`,
			`    <showunits>${f.unit ? 2 : 3}</showunits>`,
			`    <unitsleft>0</unitsleft>`,
			...tail(q)
		];
	}
	const boxes = fields.map((f) => `<p>${xmlText(f.label)}：{1:NUMERICAL:=${num(f.value)}:${num(f.tolerance)}} ${xmlText(f.unit)}</p>`).join('');
	return [...head(q, 'multianswer', render, render.block(q.stem) + boxes, fields.length), ...tail(q)];
}

export function toMoodleXml(course: Course, render: HtmlRenderer, options: ExportOptions = {}): string {
	const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!-- 客户关系管理（CRM）题库，由 crm-study 导出。Moodle：题库 → 导入 → Moodle XML 格式。 -->', '<quiz>'];
	for (const { chapter, questions } of selectedQuestions(course, options)) {
		out.push(`  <question type="category">`, `    <category><text>${xmlText(categoryPath(chapter.title))}</text></category>`, `    <info format="html">${htmlText(xmlText(chapter.summary))}</info>`, `  </question>`);
		for (const q of questions) out.push(...questionXml(q, render));
	}
	out.push('</quiz>');
	return out.join('\n') + '\n';
}
