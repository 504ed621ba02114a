/**
 * The question bank in Moodle's GIFT format. Text is written as [markdown] because the course
 * content is Markdown; Moodle renders it.
 *
 * Mapping:
 * - single   → `{=right ~wrong …}`
 * - multiple → `{~%50%right ~%50%right ~%-100%wrong}`: the weights of multipleChoiceFractions,
 *              which reproduce the app's partial credit (see bank.ts).
 * - judge    → `{T}` / `{F}`
 * - fill     → GIFT allows one answer set per question, so a question with one blank becomes a
 *              missing-word question with `{=a =b}` in place of the blank, and a question with n
 *              blanks becomes n questions titled `<id>_b1 … <id>_bn`, each asking for one blank and
 *              showing the others as ＿＿＿. ("_" never occurs in content ids, so these titles
 *              cannot collide.) A 顺序: 任意 question asks in the textbook order and says so
 *              (ANY_ORDER_NOTE; see blankAnswers). A blank with no text before it gets a "填空："
 *              lead-in: GIFT parsers disagree on a question that opens with its answer set.
 * - define / short → essay `{}`, with the model answer and the points as general feedback
 *              (GIFT has no grader information).
 * The explanation is the general feedback (`####`).
 */
import { BLANK_MARK, type Course, type Question } from '../content/types';
import { ANY_ORDER_NOTE, blankAnswers, categoryPath, fractionText, multipleChoiceFractions, selectedQuestions, type ExportOptions } from './bank';

/**
 * Escapes GIFT's special characters `~ = # { } :` and the backslash itself, and writes line
 * breaks as `\n`, because a blank line would end the question.
 */
export function escapeGift(text: string): string {
	return text
		.replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
		.replace(/\r\n|\r|\n/g, '\\n');
}

function feedback(text: string): string {
	return text.trim() ? `\n\t####${escapeGift(text)}` : '';
}

function essayFeedback(q: Question & { type: 'define' | 'short' }): string {
	const parts: string[] = [];
	if (q.answer.model.trim()) parts.push(`**参考答案**：${q.answer.model}`);
	if (q.answer.points.length) parts.push(`**评分要点**：\n\n${q.answer.points.map((p, i) => `${i + 1}. ${p}`).join('\n')}`);
	if (q.explanation.trim()) parts.push(`**解析**：${q.explanation}`);
	return parts.join('\n\n');
}

function giftQuestion(q: Question): string[] {
	const title = `::${escapeGift(q.id)}::[markdown]`;
	switch (q.type) {
		case 'single': {
			const lines = q.options.map((o) => `\t${o.key === q.answer ? '=' : '~'}${escapeGift(o.text)}`);
			return [`${title}${escapeGift(q.stem)} {\n${lines.join('\n')}${feedback(q.explanation)}\n}`];
		}
		case 'multiple': {
			const fractions = multipleChoiceFractions(q.options.map((o) => o.key), q.answer);
			const lines = q.options.map((o, i) => `\t~%${fractionText(fractions[i]!)}%${escapeGift(o.text)}`);
			return [`${title}${escapeGift(q.stem)} {\n${lines.join('\n')}${feedback(q.explanation)}\n}`];
		}
		case 'judge':
			return [`${title}${escapeGift(q.stem)} {${q.answer ? 'T' : 'F'}${feedback(q.explanation)}\n}`];
		case 'fill': {
			const accepted = blankAnswers(q.answer);
			const pieces = q.stem.split(BLANK_MARK);
			const n = accepted.length;
			const note = q.answer.anyOrder && n > 1 ? ANY_ORDER_NOTE : '';
			return accepted.map((answers, k) => {
				const set = `{${answers.map((a) => `=${escapeGift(a)}`).join(' ')}${feedback(q.explanation)}}`;
				let text = pieces.map((piece, i) => escapeGift(piece) + (i === pieces.length - 1 ? '' : i === k ? ` ${set} ` : BLANK_MARK)).join('');
				if (text.trimStart().startsWith('{')) text = `填空：${text.trimStart()}`;
				return `::${escapeGift(n === 1 ? q.id : `${q.id}_b${k + 1}`)}::[markdown]${text}${note}`;
			});
		}
		case 'define':
		case 'short':
			return [`${title}${escapeGift(q.stem)} {${feedback(essayFeedback(q))}\n}`];
		case 'calc':
			return giftNumerical(q);
	}
}

/**
 * 计算 → numeric questions `{#value:tolerance}`. GIFT has one answer per question, so a question
 * with several fields becomes one question per field, titled `<id>_f1 …`, each naming its field.
 */
function giftNumerical(q: Question & { type: 'calc' }): string[] {
	const fields = q.answer.fields;
	const num = (n: number) => String(Number(n.toFixed(6)));
	return fields.map((f, k) => {
		const ask = fields.length > 1 || f.unit ? `（${fields.length > 1 ? `第 ${k + 1} 问：${f.label}` : f.label}${f.unit ? `，单位：${f.unit}` : ''}）` : '';
		const id = fields.length === 1 ? q.id : `${q.id}_f${k + 1}`;
		return `::${escapeGift(id)}::[markdown]${escapeGift(q.stem + ask)} {#${num(f.value)}:${num(f.tolerance)}${feedback(q.explanation)}\n}`;
	});
}

export function toGift(course: Course, options: ExportOptions = {}): string {
	const out: string[] = [`// 客户关系管理（CRM）题库，由 crm-study 导出，GIFT 格式，UTF-8。`];
	for (const { chapter, questions } of selectedQuestions(course, options)) {
		out.push(`$CATEGORY: ${categoryPath(chapter.title)}`);
		for (const q of questions) out.push(...giftQuestion(q));
	}
	return out.join('\n\n') + '\n';
}
