/**
 * The Chinese notices for damaged stored records. Apart from the record checks (records.ts) so
 * that the app state every page loads can show them without loading the schemas.
 */
import type { StudySettings } from '../srs/settings';

/** The notice a page shows after skipping damaged records, e.g. "有 2 条测验记录已损坏，已跳过". */
export function skippedNotice(count: number, what: string): string {
	return `有 ${count} 条${what}已损坏，已跳过；其余数据不受影响。如需找回，可以在“设置”中导入之前导出的备份。`;
}

/** The notice for another stored setting that was damaged and is read as never set. */
export function damagedSettingNotice(what: string): string {
	return `保存的${what}已损坏，已改用默认值；重新设置一次即可恢复。`;
}

/** The study settings by the names the 设置 page gives them. */
const SETTING_LABELS: Record<keyof StudySettings | 'study', string> = {
	study: '全部学习设置',
	retention: '目标记忆保持率',
	newPerDay: '每日新卡上限',
	dayStartHour: '每日开始时间',
	examDate: '考试日期',
	reverseCards: '反向卡片',
	minutesPerDay: '每日学习时间',
	planExcluded: '考试计划不含的章节',
	fsrsWeights: '个人化的 FSRS 参数',
	extraNew: '今天多学的新卡',
	courseOnly: '只看课程资料'
};

/** The notice for study settings whose damaged fields fell back to their defaults. */
export function settingsNotice(bad: readonly string[]): string {
	const names = bad.map((k) => (Object.prototype.hasOwnProperty.call(SETTING_LABELS, k) ? SETTING_LABELS[k as keyof typeof SETTING_LABELS] : k));
	return `学习设置中有 ${bad.length} 项已损坏（${names.join('、')}），已恢复为默认值；其余设置保持不变。请到“设置”页检查后保存一次。`;
}
