import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseCourse } from '../../../src/lib/content/parse';
import type { QuestionType } from '../../../src/lib/content/types';
import { loadContentFiles } from './load';

// Issue 3: the whole course from the seeds. These counts and facts are the acceptance bar.
const course = parseCourse(loadContentFiles());
const TYPES: QuestionType[] = ['single', 'multiple', 'judge', 'fill', 'define', 'short'];

/** The 12 source 单选题 and the answer letters exactly as the course material gives them. */
const SOURCE_SINGLE_ANSWERS = ['A', 'C', 'A', 'C', 'D', 'B', 'C', 'B', 'D', 'A', 'B', 'C'];

describe('the course content', () => {
	it('has every chapter of the course', () => {
		expect(course.chapters.map((c) => c.id)).toEqual([
			'overview',
			'customer',
			'development',
			'marketing',
			'segmentation',
			'interaction',
			'satisfaction',
			'loyalty',
			'churn',
			'value',
			'data-mining',
			'crm-system',
			'implementation',
			'partner'
		]);
	});

	it('has at least 300 questions, and at least 15 in every chapter', () => {
		expect(course.questions.length).toBeGreaterThanOrEqual(300);
		for (const ch of course.chapters) {
			expect(course.questions.filter((q) => q.chapter === ch.id).length, ch.id).toBeGreaterThanOrEqual(15);
		}
	});

	it('every chapter can be quizzed in every question type', () => {
		for (const ch of course.chapters) {
			const types = new Set(course.questions.filter((q) => q.chapter === ch.id).map((q) => q.type));
			for (const t of TYPES) expect(types.has(t), `${ch.id} lacks ${t}`).toBe(true);
		}
	});

	it('contains the 12 source single-choice questions with their source answers', () => {
		SOURCE_SINGLE_ANSWERS.forEach((answer, i) => {
			const id = `src-single-${String(i + 1).padStart(2, '0')}`;
			const q = course.questions.find((x) => x.id === id);
			expect(q, id).toBeDefined();
			expect(q!.type, id).toBe('single');
			expect(q!.answer, id).toBe(answer);
			expect(q!.source, id).toBe('course');
		});
		// The 12th is cut off in the source: its options were completed, and the explanation says so.
		expect(course.questions.find((q) => q.id === 'src-single-12')!.explanation).toMatch(/补|完整|截断|缺/);
	});

	it('turns all 54 numbered statements into fill-in-the-blank questions from the course material', () => {
		for (let n = 1; n <= 54; n++) {
			const id = `src-stmt-${String(n).padStart(2, '0')}`;
			const q = course.questions.find((x) => x.id === id);
			expect(q, id).toBeDefined();
			expect(q!.type, id).toBe('fill');
			expect(q!.source, id).toBe('course');
		}
	});

	it('every self-written question explains its answer and links to a concept card', () => {
		for (const q of course.questions.filter((x) => x.source === 'authored')) {
			if (q.type !== 'define' && q.type !== 'short') expect(q.explanation.length, q.id).toBeGreaterThan(5);
			expect(q.concepts.length, q.id).toBeGreaterThan(0);
		}
	});

	it('is free of PDF garbling, site boilerplate and off-topic passages', () => {
		const dir = 'content';
		const text = readdirSync(dir)
			.filter((f) => f.endsWith('.md') && f !== 'README.md')
			.map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
			.join('\n');
		expect(text).not.toMatch(/[\u2F00-\u2FDF]/);
		for (const marker of ['原创力文档', 'VIP', '下载', 'book118', '惊醒比较']) expect(text, marker).not.toContain(marker);
		for (const offTopic of ['理财经理', '公关部', '供应链的八', '营销的六个步骤', '营销六步', '分公司']) expect(text, offTopic).not.toContain(offTopic);
	});

	it('has concept cards of every kind, including the required lists, formulas and contrasts', () => {
		const ids = new Set(course.concepts.map((c) => c.id));
		for (const id of [
			'relationship-marketing-features',
			'marketing-4p-4c-4r',
			'idic-model',
			'diamond-model',
			'customer-lifecycle',
			'crm-system-types',
			'call-center-technologies',
			'loyalty-types',
			'complaint-handling-steps',
			'crm-failure-reasons',
			'cdv-formula',
			'satisfaction-ratio',
			'service-quality-conditions',
			'pareto-principle',
			'retention-economics',
			'loyalty-satisfaction-function',
			'churn-no-special-attention',
			'customer-vs-client',
			'satisfaction-vs-loyalty',
			'loyal-vs-habitual-buyer',
			'transaction-vs-relationship-marketing',
			'recovery-vs-complaint-management',
			'perceived-quality-vs-satisfaction'
		]) {
			expect(ids.has(id), id).toBe(true);
		}
	});
});
