/** Study settings: defaults, validation with Chinese messages, and the exam-date conversion. */

export interface StudySettings {
	/** Desired retention for FSRS. */
	retention: number;
	newPerDay: number;
	/** Local hour at which a new study day begins. */
	dayStartHour: number;
	/** Exam date as YYYY-MM-DD, or null. */
	examDate: string | null;
	/** Also make definition → term cards. */
	reverseCards: boolean;
	/** Minutes a day the learner can study, for the exam plan. */
	minutesPerDay: number;
	/** Chapter ids the learner left out of the exam plan. */
	planExcluded: string[];
	/** FSRS parameters fitted to this learner's reviews, or null for the defaults. */
	fsrsWeights: number[] | null;
	/** "今天多学 N 张": extra new cards for one study day (its index), on top of the plan. */
	extraNew: { day: number; count: number } | null;
	/** 只看课程资料: leave 教材拓展 cards out of every deck and of the exam plan. */
	courseOnly: boolean;
}

export const DEFAULT_SETTINGS: StudySettings = {
	retention: 0.9,
	newPerDay: 20,
	dayStartHour: 4,
	examDate: null,
	reverseCards: false,
	minutesPerDay: 30,
	planExcluded: [],
	fsrsWeights: null,
	extraNew: null,
	courseOnly: false
};

/** The settings the 设置 form edits; the others are set by their own controls. */
export type FormKey = 'retention' | 'newPerDay' | 'dayStartHour' | 'examDate' | 'reverseCards' | 'minutesPerDay';
export type FormSettings = Pick<StudySettings, FormKey>;
export type SettingsInput = { [K in FormKey]: string | boolean };
export type SettingsErrors = Partial<Record<FormKey, string>>;

export function validateSettings(input: SettingsInput, today: string): { ok: true; value: FormSettings } | { ok: false; errors: SettingsErrors } {
	const errors: SettingsErrors = {};
	// NFKC: full-width digits typed with a Chinese IME (３０) read as 30.
	const num = (v: string | boolean) => (typeof v === 'string' && v.trim() !== '' ? Number(v.normalize('NFKC').trim().replace(/%$/, '')) : NaN);

	let retention = num(input.retention);
	if (typeof input.retention === 'string' && /[%％]\s*$/.test(input.retention)) retention /= 100;
	if (!Number.isFinite(retention) || retention < 0.7 || retention > 0.99) {
		errors.retention = '目标记忆保持率应在 0.70 到 0.99 之间，例如 0.9（表示 90%）。';
	}
	const newPerDay = num(input.newPerDay);
	if (!Number.isInteger(newPerDay) || newPerDay < 0 || newPerDay > 500) {
		errors.newPerDay = '每日新卡数应为 0 到 500 之间的整数，例如 20。';
	}
	const dayStartHour = num(input.dayStartHour);
	if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
		errors.dayStartHour = '每日开始时间应为 0 到 23 之间的整点，例如 4 表示凌晨 4:00。';
	}
	const minutesPerDay = num(input.minutesPerDay);
	if (!Number.isInteger(minutesPerDay) || minutesPerDay < 5 || minutesPerDay > 600) {
		errors.minutesPerDay = '每天复习时间应为 5 到 600 之间的整数（分钟），例如 30。';
	}
	let examDate: string | null = null;
	if (typeof input.examDate === 'string' && input.examDate.trim()) {
		examDate = input.examDate.normalize('NFKC').trim();
		if (!/^\d{4}-\d{2}-\d{2}$/.test(examDate) || Number.isNaN(Date.parse(examDate))) {
			errors.examDate = '考试日期格式应为 年-月-日，例如 2026-12-25。';
		} else if (examDate < today) {
			errors.examDate = `考试日期 ${examDate} 已经过去。请填写今天（${today}）或以后的日期，或清空此项。`;
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, value: { retention, newPerDay, dayStartHour, examDate, reverseCards: input.reverseCards === true, minutesPerDay } };
}

/** The moment recall matters: the start of the exam day's study day, in local time. */
export function examTime(examDate: string | null, dayStartHour: number, utcOffsetMinutes: number): number | null {
	if (!examDate) return null;
	const [y, m, d] = examDate.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d, dayStartHour) - utcOffsetMinutes * 60_000;
}

/** Today's date (YYYY-MM-DD) in local time. */
export function localDate(now: number, utcOffsetMinutes: number): string {
	return new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
