import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { smallBank } from '../fixtures';
import { CALC_SETS, DRILL_KINDS, LATEST_CALC_SET, type DrillKind } from '../../../src/lib/calc/drills';
import { CALC_KINDS, judgeCalcField } from '../../../src/lib/quiz/calc-ids';
import { parseCourse } from '../../../src/lib/content/parse';
import { loadContentFiles } from '../content/load';
import type { Course, Question } from '../../../src/lib/content/types';
import { calcQuestion, calcQuestionFromId, calcSamples, parseCalcId, practiceCalc, QuestionIndex, questionIndex } from '../../../src/lib/quiz/calc';
import { assemblePaper, selectQuestions } from '../../../src/lib/quiz/paper';
import { scorePaper } from '../../../src/lib/quiz/marking';
import { correctResponse, markQuestion } from '../../../src/lib/quiz/marking';
import { correctAnswerText, responseText } from '../../../src/lib/quiz/describe';
import { answerEffects } from '../../../src/lib/quiz/attempt';
import { Rating, Scheduler, State, type CardState } from '../../../src/lib/srs/scheduler';
import { toMoodleXml } from '../../../src/lib/formats/moodle';
import { toGift } from '../../../src/lib/formats/gift';
import { portableRenderer as render } from '../../../src/lib/server/markdown';
import { DEFAULT_MAKEUP, type PaperSpec, type Response } from '../../../src/lib/quiz/types';

const rules = { partialCredit: false };

/** smallBank's chapters are a, b, c; 计算 lives in value / satisfaction / segmentation. */
function bankWithCourseChapters(): Question[] {
	return smallBank().map((q) => ({ ...q, chapter: { a: 'value', b: 'satisfaction', c: 'segmentation' }[q.chapter]! }));
}

describe('计算 questions', () => {
	it('are rebuilt from their id alone, identically', () => {
		for (const kind of DRILL_KINDS) {
			const q = calcQuestion(kind, 4242);
			expect(parseCalcId(q.id)).toEqual({ kind, seed: 4242 });
			expect(calcQuestionFromId(q.id)).toEqual(q);
			expect(q.answer.fields.length).toBeGreaterThan(0);
			expect(q.answer.solution.length).toBeGreaterThan(0);
			expect(q.answer.calculator.path).toMatch(/^\/calculators\//);
		}
		expect(parseCalcId('calc-nope-1')).toBeNull();
		expect(parseCalcId('calc-cdv-99999999999')).toBeNull();
		expect(parseCalcId('value-single-1')).toBeNull();
	});

	it('an index without the generator knows the bank but no 计算 id; with it, both', () => {
		const bank = bankWithCourseChapters();
		const id = calcQuestion('clv', 8).id;
		const bare = new QuestionIndex<Question>(bank, (q) => q, null);
		expect(bare.get(bank[0]!.id)).toBe(bank[0]);
		expect(bare.has(id)).toBe(false);
		expect(bare.get(id)).toBeUndefined();
		const full = questionIndex(bank);
		expect(full.has(id)).toBe(true);
		expect(full.get(id)).toEqual(calcQuestion('clv', 8));
		expect(full.get(id)).toBe(full.get(id));
		expect(full.get('calc-nope-1')).toBeUndefined();
	});

	it('CDV asks for total value, total cost and the CDV, which add up', () => {
		const q = [...Array(30).keys()].map((s) => calcQuestion('cdv', s)).find((x) => x.answer.fields.length === 3)!;
		const [tcv, tcc, cdv] = q.answer.fields;
		expect([tcv!.label, tcc!.label, cdv!.label]).toEqual(['客户总价值', '客户总成本', '客户让渡价值']);
		expect(cdv!.value).toBeCloseTo(tcv!.value - tcc!.value, 9);
		expect(q.stem).toContain('依次写出');
	});

	it('marks within the tolerance, each field its share, full-width digits and 80% included', () => {
		const q = [...Array(30).keys()].map((s) => calcQuestion('cdv', s)).find((x) => x.answer.fields.length === 3)!;
		const f = q.answer.fields;
		const right = markQuestion(q, correctResponse(q), 6, rules);
		expect(right.status).toBe('correct');
		const near = f.map((x) => String(x.value + x.tolerance * 0.9));
		expect(markQuestion(q, { type: 'calc', values: near }, 6, rules).status).toBe('correct');
		const off = [String(f[0]!.value), String(f[1]!.value + 50), ''];
		const m = markQuestion(q, { type: 'calc', values: off }, 6, rules);
		expect(m).toEqual({ earned: 2, max: 6, status: 'partial', blanks: ['correct', 'wrong', 'empty'] });
		const wide = String(f[2]!.value).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
		expect(markQuestion(q, { type: 'calc', values: ['', '', wide] }, 6, rules).blanks).toEqual(['empty', 'empty', 'correct']);
		expect(markQuestion(q, { type: 'calc', values: ['abc', '', ''] }, 6, rules).status).toBe('wrong');
		expect(markQuestion(q, { type: 'calc', values: ['', '', ''] }, 6, rules).status).toBe('unanswered');

		const pct = calcQuestion('satisfied-rate', 7);
		expect(markQuestion(pct, { type: 'calc', values: [`${pct.answer.fields[0]!.value}%`] }, 5, rules).status).toBe('correct');
		expect(correctAnswerText(pct)).toMatch(/^满意率 [\d.]+%$/);
		expect(responseText(pct, { type: 'calc', values: ['75'] })).toBe('满意率 75');
	});

	it('a paper with 计算, rebuilt from its seed, marks the same', () => {
		const spec: PaperSpec = { rows: DEFAULT_MAKEUP.map((r) => (r.type === 'calc' ? { ...r, count: 4 } : r)), chapters: [], shuffleOptions: true, rules };
		fc.assert(
			fc.property(fc.nat(2 ** 31 - 1), fc.array(fc.oneof(fc.constant('right'), fc.constant('wrong'), fc.constant('blank')), { minLength: 4, maxLength: 4 }), (seed, plan) => {
				const first = assemblePaper(bankWithCourseChapters(), spec, seed).paper;
				const calcItems = first.items.filter((i) => i.type === 'calc');
				expect(calcItems).toHaveLength(4);
				// The student's side: questions looked up (generated) from the ids on their paper.
				const theirs = questionIndex(bankWithCourseChapters());
				const answers: Record<string, Response> = {};
				calcItems.forEach((item, k) => {
					const q = theirs.get(item.questionId)!;
					if (plan[k] === 'right') answers[q.id] = correctResponse(q);
					else if (plan[k] === 'wrong') answers[q.id] = { type: 'calc', values: q.type === 'calc' ? q.answer.fields.map((f) => String(f.value * 2 + 1)) : [] };
				});
				const scored = scorePaper(first, theirs, answers);
				// The teacher's side: only the seed and the answers.
				const rebuilt = assemblePaper(bankWithCourseChapters(), spec, seed).paper;
				expect(rebuilt).toEqual(first);
				expect(scorePaper(rebuilt, questionIndex(bankWithCourseChapters()), JSON.parse(JSON.stringify(answers)))).toEqual(scored);
				expect(scored.byType.calc!.earned).toBe(5 * plan.filter((p) => p === 'right').length);
			}),
			{ numRuns: 12 }
		);
	}, 30_000);

	it('draws 计算 only from chapters that have a calculator, and says when it cannot', () => {
		const spec: PaperSpec = { rows: [{ type: 'calc', count: 3, marks: 5 }], chapters: ['satisfaction'], shuffleOptions: false, rules };
		const { paper } = assemblePaper(bankWithCourseChapters(), spec, 3);
		expect(paper.items.every((i) => /^calc-(satisfaction|satisfied-rate|csi|nps)-/.test(i.questionId))).toBe(true);
		const none = assemblePaper(bankWithCourseChapters(), { ...spec, chapters: ['overview'] }, 3);
		expect(none.paper.items).toEqual([]);
		expect(none.shortfalls).toEqual([{ type: 'calc', wanted: 3, available: 0 }]);
	});

	it('the default mock exam has the 计算 row switched off, so old papers are unchanged', () => {
		expect(DEFAULT_MAKEUP.find((r) => r.type === 'calc')).toEqual({ type: 'calc', count: 0, marks: 5 });
		const spec: PaperSpec = { rows: DEFAULT_MAKEUP, chapters: [], shuffleOptions: false, rules };
		expect(assemblePaper(bankWithCourseChapters(), spec, 9).paper.items.some((i) => i.type === 'calc')).toBe(false);
	});

	it('practice offers two of each calculator in scope when 计算 is chosen', () => {
		expect(practiceCalc({ chapters: [], types: ['single'] }, 1)).toEqual([]);
		const all = practiceCalc({ chapters: ['value'], types: ['calc'] }, 1);
		expect(all.map((q) => q.answer.kind).sort()).toEqual(['cdv', 'cdv', 'clv', 'clv', 'cohort', 'cohort']);
		expect(practiceCalc({ chapters: ['value'], types: ['calc'] }, 1)).toEqual(all);
	});

	it('a wrong 计算 brings its formula card forward; a right one does not', () => {
		const q = calcQuestion('clv', 5);
		const scheduler = new Scheduler({ retention: 0.9 });
		const now = Date.UTC(2026, 5, 1, 8);
		const first = scheduler.rate('clv-formula:card', null, Rating.Good, new Date(now - 30 * 86_400_000)).state;
		const reviewed: CardState = { ...scheduler.rate('clv-formula:card', first, Rating.Good, new Date(now - 29 * 86_400_000)).state, state: State.Review, due: now + 20 * 86_400_000 };
		const cards = new Map([['clv-formula:card', reviewed]]);
		const wrong = markQuestion(q, { type: 'calc', values: ['1'] }, 5, rules);
		const fx = answerEffects([{ question: q, mark: wrong, response: { type: 'calc', values: ['1'] } }], new Map(), cards, scheduler, now, 2);
		expect(fx.reviews.map((r) => r.entry.cardId)).toEqual(['clv-formula:card']);
		expect(fx.reviews[0]!.state.due).toBeLessThan(now + 86_400_000);
		expect(fx.mistakesPut.map((m) => m.questionId)).toEqual([q.id]);
		const right = markQuestion(q, correctResponse(q), 5, rules);
		expect(answerEffects([{ question: q, mark: right, response: correctResponse(q) }], new Map(), cards, scheduler, now, 2).reviews).toEqual([]);
	});
});

describe('计算 from the cohort, CSI, NPS and RFM calculators', () => {
	const NEW: DrillKind[] = ['cohort', 'csi', 'nps', 'rfm'];

	it('belong to a chapter and cards that exist in the course', () => {
		const course = parseCourse(loadContentFiles());
		const concepts = new Set(course.concepts.map((c) => c.id));
		const chapters = new Set(course.chapters.map((c) => c.id));
		for (const kind of DRILL_KINDS) {
			expect(chapters.has(CALC_KINDS[kind].chapter), kind).toBe(true);
			for (const id of CALC_KINDS[kind].concepts) expect(concepts.has(id), `${kind}: ${id}`).toBe(true);
		}
	});

	it('mark the key right, each field on its own, for any seed', () => {
		fc.assert(
			fc.property(fc.constantFrom(...NEW), fc.nat(2 ** 31 - 1), (kind, seed) => {
				const q = calcQuestion(kind, seed);
				expect(calcQuestionFromId(q.id)).toEqual(q);
				const f = q.answer.fields;
				expect(f.length).toBe({ cohort: 3, csi: 1, nps: 3, rfm: 4 }[kind as 'cohort']);
				for (const x of f) {
					expect(Number.isFinite(x.value)).toBe(true);
					expect(judgeCalcField(String(Math.round(x.value * 100) / 100), x)).toBe('correct');
					expect(judgeCalcField(String(x.value + x.tolerance * 1.5), x)).toBe('wrong');
					expect(judgeCalcField(' ', x)).toBe('empty');
				}
				expect(markQuestion(q, correctResponse(q), f.length * 2, rules)).toMatchObject({ earned: f.length * 2, status: 'correct' });
				// Only the first part right: that part's share of the marks.
				const firstOnly = { type: 'calc' as const, values: f.map((x, i) => String(i === 0 ? x.value : x.value + 10 * x.tolerance + 1)) };
				if (f.length > 1) expect(markQuestion(q, firstOnly, f.length * 2, rules)).toMatchObject({ earned: 2, status: 'partial' });
				expect(q.stem).toContain(f.length > 1 ? '请依次写出' : '');
				expect(q.explanation.length).toBeGreaterThan(20);
			}),
			{ numRuns: 80 }
		);
	});

	it('NPS accepts 20 and 20% alike (the key is in percentage points)', () => {
		const q = calcQuestion('nps', 3);
		const nps = q.answer.fields[2]!;
		expect(nps.unit).toBe('%');
		expect(judgeCalcField(`${nps.value}%`, nps)).toBe('correct');
		expect(judgeCalcField(String(nps.value), nps)).toBe('correct');
	});

	it('an old link (no 计算 set) draws exactly the ids it drew before the new calculators', async () => {
		const { assignmentPaper } = await import('../../../src/lib/quiz/assignment');
		const { encodeAssignment, decodeAssignment } = await import('../../../src/lib/formats/assignment-link');
		const base = { v: 1 as const, id: 'hw-old', title: '旧作业', partialCredit: false, timeLimitMin: null, passMark: 60, attempts: 0, showAnswers: true, seed: null };
		const old = { ...base, draw: { chapters: [], counts: [2, 0, 0, 0, 0, 0, 6] }, marks: [2, 2, 1, 1, 5, 10, 6] };
		const known = { questionIds: new Set<string>(), chapterIds: new Set<string>() };
		const decoded = decodeAssignment(encodeAssignment(old), known);
		expect(decoded).toEqual({ ok: true, assignment: old });
		// Recorded with the code as it was before cohort / CSI / NPS / RFM existed.
		expect(assignmentPaper(decoded.ok ? decoded.assignment : old, bankWithCourseChapters(), 31).paper.items.map((i) => i.questionId)).toEqual([
			'b-single-0',
			'a-single-1',
			'calc-abc-2055118774',
			'calc-cdv-1406620972',
			'calc-clv-1363192560',
			'calc-satisfaction-75096841',
			'calc-satisfied-rate-371464821',
			'calc-abc-385420221'
		]);
		// An old print link (no calc=) likewise: set 0.
		const spec: PaperSpec = { rows: [{ type: 'calc', count: 7, marks: 5 }], chapters: [], shuffleOptions: false, rules, calcSet: 0 };
		expect(assemblePaper(bankWithCourseChapters(), spec, 12345).paper.items.map((i) => i.questionId)).toEqual([
			'calc-abc-658745472',
			'calc-cdv-1039823225',
			'calc-clv-1756500776',
			'calc-satisfaction-1093989093',
			'calc-satisfied-rate-746190138',
			'calc-abc-158393115',
			'calc-cdv-1645823881'
		]);
	});

	it('a new link carries the latest set, round-trips, and draws from all nine calculators', async () => {
		const { assignmentPaper } = await import('../../../src/lib/quiz/assignment');
		const { encodeAssignment, decodeAssignment } = await import('../../../src/lib/formats/assignment-link');
		const base = { v: 1 as const, id: 'hw-new', title: '新作业', partialCredit: false, timeLimitMin: null, passMark: 60, attempts: 0, showAnswers: true, seed: null };
		const a = { ...base, draw: { chapters: [], counts: [0, 0, 0, 0, 0, 0, 18] }, marks: [2, 2, 1, 1, 5, 10, 6], calcSet: LATEST_CALC_SET };
		const known = { questionIds: new Set<string>(), chapterIds: new Set<string>() };
		expect(decodeAssignment(encodeAssignment(a), known)).toEqual({ ok: true, assignment: a });
		// With a window as well: both extras travel together.
		const windowed = { ...a, opensAt: 1_800_000_000_000 };
		expect(decodeAssignment(encodeAssignment(windowed), known)).toEqual({ ok: true, assignment: windowed });
		const kinds = assignmentPaper(a, bankWithCourseChapters(), 77).paper.items.map((i) => parseCalcId(i.questionId)!.kind);
		// 18 in turn from nine kinds: each kind twice.
		expect([...kinds].sort()).toEqual([...CALC_SETS[LATEST_CALC_SET]!, ...CALC_SETS[LATEST_CALC_SET]!].sort());
		// The same assignment without the set is an old link: only the first five.
		const { calcSet: _, ...asOld } = a;
		expect(assignmentPaper(asOld, bankWithCourseChapters(), 77).paper.items.every((i) => CALC_SETS[0]!.includes(parseCalcId(i.questionId)!.kind))).toBe(true);
		expect(() => encodeAssignment({ ...a, calcSet: LATEST_CALC_SET + 1 })).toThrow(/计算题范围/);
	});

	it('a paper with the new kinds, rebuilt from its seed, marks the same', () => {
		const spec: PaperSpec = { rows: [{ type: 'calc', count: 9, marks: 4 }], chapters: [], shuffleOptions: false, rules: { partialCredit: true } };
		fc.assert(
			fc.property(fc.nat(2 ** 31 - 1), fc.array(fc.constantFrom('right', 'half', 'blank'), { minLength: 9, maxLength: 9 }), (seed, plan) => {
				const first = assemblePaper(bankWithCourseChapters(), spec, seed).paper;
				expect(new Set(first.items.map((i) => parseCalcId(i.questionId)!.kind)).size).toBe(9);
				const theirs = questionIndex(bankWithCourseChapters());
				const answers: Record<string, Response> = {};
				first.items.forEach((item, k) => {
					const q = theirs.get(item.questionId)!;
					if (q.type !== 'calc') return;
					if (plan[k] === 'right') answers[q.id] = correctResponse(q);
					else if (plan[k] === 'half') answers[q.id] = { type: 'calc', values: q.answer.fields.map((f, i) => (i === 0 ? String(f.value) : '-99999')) };
				});
				const scored = scorePaper(first, theirs, answers);
				const rebuilt = assemblePaper(bankWithCourseChapters(), spec, seed).paper;
				expect(rebuilt).toEqual(first);
				expect(scorePaper(rebuilt, questionIndex(bankWithCourseChapters()), JSON.parse(JSON.stringify(answers)))).toEqual(scored);
				expect(scored.items.filter((i) => plan[first.items.findIndex((x) => x.questionId === i.questionId)] === 'right').every((i) => i.earned === 4)).toBe(true);
			}),
			{ numRuns: 10 }
		);
	}, 30_000);

	it('the export samples include every kind', () => {
		expect(new Set(calcSamples(1).map((q) => q.answer.kind))).toEqual(new Set(DRILL_KINDS));
	});
});

describe('只看课程资料', () => {
	const bank = smallBank().map((q, i) => (i % 3 === 0 ? { ...q, source: 'extension' as const } : q));
	it('leaves extension questions out of practice selections and papers', () => {
		const all = selectQuestions(bank, { chapters: [], types: [] });
		const course = selectQuestions(bank, { chapters: [], types: [], courseOnly: true });
		expect(course.length).toBe(all.filter((q) => q.source !== 'extension').length);
		expect(course.length).toBeLessThan(all.length);
		const spec: PaperSpec = { rows: [{ type: 'single', count: 18, marks: 1 }], chapters: [], shuffleOptions: false, rules, courseOnly: true };
		const { paper, shortfalls } = assemblePaper(bank, spec, 4);
		const byId = new Map(bank.map((q) => [q.id, q]));
		expect(paper.items.every((i) => byId.get(i.questionId)!.source !== 'extension')).toBe(true);
		expect(shortfalls).toEqual([{ type: 'single', wanted: 18, available: 12 }]);
		expect(assemblePaper(bank, { ...spec, courseOnly: false }, 4).shortfalls).toEqual([]);
	});
});

describe('计算 exports', () => {
	const samples = calcSamples(2);
	const course: Course = {
		chapters: ['segmentation', 'satisfaction', 'value'].map((id, i) => ({ id, title: `第${i}章 ${id}`, order: i + 1, summary: '', file: `${id}.md` })),
		concepts: [],
		questions: samples
	};

	it('Moodle XML: numerical questions with the tolerance parse back to the same numbers', () => {
		const xml = toMoodleXml(course, render);
		expect(XMLValidator.validate(xml)).toBe(true);
		type X = { '@_type': string; name?: { text: string }; idnumber?: string; questiontext?: { text: string }; answer?: { '@_fraction': string; text: string; tolerance: string }[]; units?: { unit: { unit_name: string } } };
		const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'question' || n === 'answer', parseTagValue: false });
		const parsed = (parser.parse(xml) as { quiz: { question: X[] } }).quiz.question.filter((x) => x['@_type'] !== 'category');
		expect(parsed).toHaveLength(samples.length);
		for (const x of parsed) {
			// The question's id is kept in <idnumber>; <name> is a readable stem preview.
			const q = samples.find((s) => s.id === x.idnumber)!;
			const fields = q.answer.fields;
			if (fields.length === 1) {
				expect(x['@_type']).toBe('numerical');
				expect(x.answer).toHaveLength(1);
				expect(x.answer![0]!['@_fraction']).toBe('100');
				expect(Number(x.answer![0]!.text)).toBeCloseTo(fields[0]!.value, 5);
				expect(Number(x.answer![0]!.tolerance)).toBeCloseTo(fields[0]!.tolerance, 5);
				if (fields[0]!.unit) expect(x.units!.unit.unit_name).toBe(fields[0]!.unit);
			} else {
				expect(x['@_type']).toBe('multianswer');
				const subs = [...x.questiontext!.text.matchAll(/\{1:NUMERICAL:=([-\d.]+):([\d.]+)\}/g)];
				expect(subs.map((m) => Number(m[1]))).toEqual(fields.map((f) => Number(f.value.toFixed(6))));
				expect(subs.map((m) => Number(m[2]))).toEqual(fields.map((f) => Number(f.tolerance.toFixed(6))));
			}
		}
	});

	it('GIFT: numeric questions {#answer:tolerance}, one per field', () => {
		const gift = toGift(course);
		const numeric = [...gift.matchAll(/^::([^:]+)::\[markdown\][^\n]*? \{#(-?[\d.]+):([\d.]+)\n\t####[^\n]*\n\}$/gm)];
		expect(numeric).toHaveLength(samples.reduce((s, q) => s + q.answer.fields.length, 0));
		for (const m of numeric) {
			const [, title, value, tol] = m;
			const [id, part] = title!.split('_f');
			const q = samples.find((s) => s.id === id)!;
			const f = q.answer.fields[part ? Number(part) - 1 : 0]!;
			expect(Number(value)).toBeCloseTo(f.value, 5);
			expect(Number(tol)).toBeCloseTo(f.tolerance, 5);
		}
	});
});

describe('计算 in assignments', () => {
	const base = { v: 1 as const, id: 'hw-calc', title: '计算作业', partialCredit: false, timeLimitMin: null, passMark: 60, attempts: 0, showAnswers: true, seed: null };

	it('a drawn assignment with 计算 regrades from the seed and the answers alone; six-type links still work', async () => {
		const { regrade, assignmentPaper } = await import('../../../src/lib/quiz/assignment');
		const { encodeAssignment, decodeAssignment } = await import('../../../src/lib/formats/assignment-link');
		const a = { ...base, draw: { chapters: ['value'], counts: [1, 0, 0, 0, 0, 0, 2] }, marks: [2, 2, 1, 1, 5, 10, 6] };
		const bank = bankWithCourseChapters();
		const known = { questionIds: new Set(bank.map((q) => q.id)), chapterIds: new Set(['value']) };
		expect(decodeAssignment(encodeAssignment(a), known)).toEqual({ ok: true, assignment: a });
		const { paper } = assignmentPaper(a, bank, 31);
		const calc = paper.items.filter((i) => i.type === 'calc');
		expect(calc.map((i) => i.marks)).toEqual([6, 6]);
		const q = questionIndex(bank).get(calc[0]!.questionId)!;
		const answers = JSON.parse(JSON.stringify({ [q.id]: correctResponse(q), [calc[1]!.questionId]: { type: 'calc', values: ['-1'] } }));
		const graded = regrade(a, 31, paper.items.map((i) => i.questionId), answers, bank);
		expect(graded.ok && graded.score.byType.calc).toEqual({ earned: 6, max: 12, count: 2 });

		const old = { ...base, draw: { chapters: ['value'], counts: [2, 0, 0, 0, 0, 0] }, marks: [2, 2, 1, 1, 5, 10] };
		const decoded = decodeAssignment(encodeAssignment(old), known);
		expect(decoded.ok).toBe(true);
		expect(assignmentPaper(old, bank, 3).paper.items.map((i) => i.type)).toEqual(['single', 'single']);
	});
});
