import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64urlnopad } from '@scure/base';
import { decodeAssignment, encodeAssignment, validateAssignment, windowState, type Assignment } from '../../../src/lib/formats/assignment-link';
import { smallBank } from '../fixtures';
import { sha256Hex } from '../../../src/lib/formats/digest';

const bank = smallBank();
const known = { questionIds: new Set(bank.map((q) => q.id)), chapterIds: new Set(['a', 'b', 'c']) };

const picked: Assignment = {
	v: 1,
	id: 'k3x9-ab',
	title: '第七章 客户忠诚 随堂测验',
	questionIds: ['a-single-0', 'b-multiple-1', 'c-fill-2'],
	marks: [2, 2, 1, 1, 5, 10],
	partialCredit: true,
	timeLimitMin: 20,
	passMark: 60,
	attempts: 1,
	showAnswers: false,
	seed: 12345
};
const drawn: Assignment = { ...picked, id: 'draw1', questionIds: undefined, draw: { chapters: ['a', 'c'], counts: [3, 2, 0, 1, 0, 1] }, seed: null, timeLimitMin: null };
delete (drawn as Partial<Assignment>).questionIds;

function decode(code: string) {
	return decodeAssignment(code, known);
}

describe('assignment links', () => {
	it('round-trips hand-picked and drawn assignments exactly', () => {
		for (const a of [picked, drawn]) {
			const result = decode(encodeAssignment(a));
			expect(result).toEqual({ ok: true, assignment: a });
		}
	});

	it('carries question ids but no question text, and stays short enough for a QR code', () => {
		const code = encodeAssignment(picked);
		expect(code).toMatch(/^1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
		expect(code.length).toBeLessThan(300);
		const json = new TextDecoder().decode(Uint8Array.from(atob(code.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
		expect(json).toContain('a-single-0');
		expect(json).not.toContain('stem');
	});

	it('round-trips any valid assignment (property)', () => {
		const arb = fc.record({
			title: fc.string({ minLength: 1, maxLength: 100 }).filter((t) => t.trim() !== '' && validateAssignment({ ...picked, title: t }) === null),
			ids: fc.uniqueArray(fc.constantFrom(...bank.map((q) => q.id)), { minLength: 1, maxLength: 40 }),
			passMark: fc.integer({ min: 0, max: 100 }),
			attempts: fc.integer({ min: 0, max: 10 }),
			seed: fc.option(fc.integer({ min: 0, max: 0xffffffff })),
			time: fc.option(fc.integer({ min: 1, max: 600 }))
		});
		fc.assert(
			fc.property(arb, (x) => {
				const a: Assignment = { ...picked, title: x.title, questionIds: x.ids, passMark: x.passMark, attempts: x.attempts, seed: x.seed, timeLimitMin: x.time };
				expect(decode(encodeAssignment(a))).toEqual({ ok: true, assignment: a });
			})
		);
	});

	it('refuses to encode an invalid assignment', () => {
		expect(() => encodeAssignment({ ...picked, title: ' ' })).toThrow(/标题/);
		expect(() => encodeAssignment({ ...picked, passMark: 120 })).toThrow(/及格线/);
	});

	describe('bad links, each with its own Chinese message', () => {
		const code = encodeAssignment(picked);

		it('empty or foreign text is malformed', () => {
			for (const bad of ['', 'hello', 'https://example.com', 'x.abc.def']) {
				const r = decode(bad);
				expect(r.ok).toBe(false);
				if (!r.ok) expect(r.error.kind).toBe('malformed');
			}
		});

		it('a link cut short is truncated', () => {
			const r = decode(code.slice(0, -3));
			expect(r.ok || r.error.kind).toBe('truncated');
			const r2 = decode(code.slice(0, code.indexOf('.', 2)));
			expect(r2.ok || r2.error.kind).toBe('truncated');
		});

		it('a changed character breaks the check', () => {
			const i = 10;
			const changed = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
			const r = decode(changed);
			expect(r.ok || r.error.kind).toBe('malformed');
			if (!r.ok) expect(r.error.message).toMatch(/校验码/);
		});

		it('a link from a newer version says to refresh', () => {
			const r = decode('2' + code.slice(1));
			expect(r.ok || r.error.kind).toBe('newer-version');
			if (!r.ok) expect(r.error.message).toMatch(/更新版本.*刷新/);
		});

		it('unknown question ids and chapters are listed', () => {
			const r = decode(encodeAssignment({ ...picked, questionIds: ['a-single-0', 'zz-gone-1', 'zz-gone-2'] }));
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.kind).toBe('unknown-questions');
				expect(r.error.unknownIds).toEqual(['zz-gone-1', 'zz-gone-2']);
				expect(r.error.message).toContain('zz-gone-1');
			}
			const r2 = decode(encodeAssignment({ ...drawn, draw: { chapters: ['nope'], counts: [1, 0, 0, 0, 0, 0] } }));
			expect(r2.ok || r2.error.kind).toBe('unknown-questions');
		});

		it('a well-formed payload with impossible settings is invalid', () => {
			// Re-sign a payload whose pass mark is 500, as a hand-made link would be.
			const payload = btoa(JSON.stringify(['x', 't', ['a-single-0'], 0, [2, 2, 1, 1, 5, 10], 0, null, 500, 1, 0, null])).replace(/=+$/, '');
			return import('../../../src/lib/formats/digest').then(({ sha256Hex }) => {
				const r = decode(`1.${payload}.${sha256Hex(payload).slice(0, 8)}`);
				expect(r.ok || r.error.kind).toBe('invalid');
				if (!r.ok) expect(r.error.message).toMatch(/及格线/);
			});
		});

		it('whitespace from wrapped mail links is ignored', () => {
			expect(decode(code.slice(0, 20) + '\n  ' + code.slice(20)).ok).toBe(true);
		});
	});
});

describe('open and close times', () => {
	const opens = Date.parse('2026-12-01T00:00:00Z');
	const closes = Date.parse('2026-12-08T16:00:00Z');
	const timed: Assignment = { ...picked, opensAt: opens, closesAt: closes };

	it('round-trips the window, and a link without one is unchanged (older links still decode)', () => {
		const decoded = decodeAssignment(encodeAssignment(timed), known);
		expect(decoded).toEqual({ ok: true, assignment: timed });
		const plain = encodeAssignment(picked);
		const payload = JSON.parse(new TextDecoder().decode(base64urlnopad.decode(plain.split('.')[1]!)));
		expect(payload).toHaveLength(11);
		expect(decodeAssignment(plain, known)).toEqual({ ok: true, assignment: picked });
		expect(decodeAssignment(encodeAssignment({ ...picked, closesAt: closes }), known)).toEqual({ ok: true, assignment: { ...picked, closesAt: closes } });
	});

	it('refuses a close time before the open time', () => {
		expect(validateAssignment({ ...timed, closesAt: opens - 1 })).toContain('截止时间应晚于开放时间');
		expect(validateAssignment({ ...timed, opensAt: 'soon' })).toContain('开放时间格式不对');
	});

	it('says whether the assignment is open at a moment', () => {
		expect(windowState(timed, opens - 1)).toBe('not-yet');
		expect(windowState(timed, opens)).toBe('open');
		expect(windowState(timed, closes)).toBe('open');
		expect(windowState(timed, closes + 1)).toBe('closed');
		expect(windowState(picked, 0)).toBe('open');
	});
});

describe('the 计算 set', () => {
	const withCalc: Assignment = { ...drawn, draw: { chapters: ['a'], counts: [1, 0, 0, 0, 0, 0, 3] }, marks: [2, 2, 1, 1, 5, 10, 5], calcSet: 1 };
	const payloadOf = (code: string) => JSON.parse(new TextDecoder().decode(base64urlnopad.decode(code.split('.')[1]!)));
	const handMade = (positional: unknown[]) => {
		const payload = base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(positional)));
		return `1.${payload}.${sha256Hex(payload).slice(0, 8)}`;
	};

	it('travels in a fourteenth position, after an empty window, and only when set', () => {
		const code = encodeAssignment(withCalc);
		expect(payloadOf(code).slice(11)).toEqual([null, null, 1]);
		expect(decodeAssignment(code, known)).toEqual({ ok: true, assignment: withCalc });
		const { calcSet: _, ...old } = withCalc;
		expect(payloadOf(encodeAssignment(old))).toHaveLength(11);
		const timed = { ...withCalc, closesAt: Date.parse('2026-12-08T16:00:00Z') };
		expect(payloadOf(encodeAssignment(timed)).slice(11)).toEqual([null, timed.closesAt, 1]);
		expect(decodeAssignment(encodeAssignment(timed), known)).toEqual({ ok: true, assignment: timed });
	});

	it('a hand-made set that does not exist is explained, not guessed', () => {
		const base = payloadOf(encodeAssignment(withCalc)).slice(0, 11);
		for (const bad of [0, 2, 'all']) {
			const r = decodeAssignment(handMade([...base, null, null, bad]), known);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toMatchObject({ kind: 'invalid', message: expect.stringContaining('计算题范围') });
		}
		expect(decodeAssignment(handMade([...base, null, null, 1, 1]), known)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
	});
});
