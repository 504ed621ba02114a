#!/usr/bin/env node
// `npm run simulate`: simulated students who follow the exam plan (pure modules, no browser).
// Usage: npm run simulate [-- --days 14 --minutes 40 --seconds 10 --seeds 3]
import { build } from 'vite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(
	process.argv
		.slice(2)
		.join(' ')
		.split('--')
		.filter(Boolean)
		.map((s) => s.trim().split(/\s+/))
		.map(([k, v]) => [k, Number(v)])
);
const days = args.days || 14;
const minutes = args.minutes || 40;
const seconds = args.seconds || 10;
const seeds = Array.from({ length: args.seeds || 3 }, (_, i) => i + 1);

// Inside node_modules so that the bundle's own imports (ts-fsrs) resolve.
const out = join(process.cwd(), 'node_modules', '.crm-simulate');
await build({
	configFile: false,
	logLevel: 'warn',
	build: { outDir: out, emptyOutDir: true, ssr: 'scripts/simulate-entry.ts', rollupOptions: { output: { format: 'es', entryFileNames: 'simulate.mjs' } } }
});
/** @type {{ run: (root: string, scenarios: object[], seeds: number[]) => { cards: number, out: { scenario: { days: number, minutesPerDay: number, secondsPerCard: number }, profile: string, results: { days: Record<string, number>[], seen: number, total: number, recallTrue: number, recallPredicted: number, atLeast90: number }[] }[] } }} */
const { run } = await import(pathToFileURL(join(out, 'simulate.mjs')).href);
const scenarios = [{ days, minutesPerDay: minutes, secondsPerCard: seconds }];
if (!args.days && !args.minutes) scenarios.push({ days: 7, minutesPerDay: 40, secondsPerCard: 10 }, { days: 28, minutesPerDay: 20, secondsPerCard: 10 });
const result = run(process.cwd(), scenarios, seeds);

/** @param {number} x */
const pct = (x) => `${(x * 100).toFixed(1)}%`;
/** @param {number[]} xs */
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`课程卡片（不含反向卡）：${result.cards} 张；每种情形 ${seeds.length} 个随机种子取平均。`);
for (const { scenario, profile, results } of result.out) {
	const s = scenario;
	console.log(`\n== ${s.days} 天 · 每天 ${s.minutesPerDay} 分钟（每张 ${s.secondsPerCard} 秒，约 ${Math.floor((s.minutesPerDay * 60) / s.secondsPerCard)} 次评分）· 学生：${profile}`);
	const first = results[0];
	console.log('   天  评分  新卡  考前加强');
	first.days.forEach((d, i) => {
		/** @param {string} k */
		const avg = (k) => Math.round(mean(results.map((r) => r.days[i]?.[k] ?? 0)));
		console.log(`  ${String(d.day).padStart(3)} ${String(avg('ratings')).padStart(5)} ${String(avg('newCards')).padStart(5)} ${String(avg('extras')).padStart(9)}`);
	});
	console.log(`  见过的卡片：${Math.round(mean(results.map((r) => r.seen)))} / ${first.total}`);
	console.log(`  考试当天的平均记忆概率：真实 ${pct(mean(results.map((r) => r.recallTrue)))}，应用预测 ${pct(mean(results.map((r) => r.recallPredicted)))}；记忆概率 ≥ 90% 的卡片 ${pct(mean(results.map((r) => r.atLeast90)))}`);
}
