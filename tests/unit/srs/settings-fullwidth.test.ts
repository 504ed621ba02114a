import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../src/lib/srs/settings';

const base = { retention: '0.9', newPerDay: '20', dayStartHour: '4', examDate: '', reverseCards: false, minutesPerDay: '30' };

describe('validateSettings with full-width input', () => {
	it('accepts full-width digits for 每日新卡上限 and the other numbers', () => {
		const r = validateSettings({ ...base, newPerDay: '１０', retention: '９０％', dayStartHour: '　５ ', examDate: '２０２６-１２-２５' }, '2026-06-01');
		expect(r).toEqual({ ok: true, value: { retention: 0.9, newPerDay: 10, dayStartHour: 5, examDate: '2026-12-25', reverseCards: false, minutesPerDay: 30 } });
	});

	it('still rejects what is not a whole number, with the message', () => {
		const r = validateSettings({ ...base, newPerDay: '１０.５' }, '2026-06-01');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.newPerDay).toContain('整数');
	});
});
