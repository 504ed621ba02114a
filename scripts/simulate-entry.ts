// Bundled and run by scripts/simulate.js: simulated students follow the exam plan on the real course.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCourse } from '../src/lib/content/parse';
import { buildCards } from '../src/lib/srs/cards';
import { PROFILES, simulateStudent, type SimulationResult } from '../src/lib/srs/simulate';

export interface Scenario {
	days: number;
	minutesPerDay: number;
	secondsPerCard: number;
}

export function run(root: string, scenarios: Scenario[], seeds: number[]) {
	const dir = join(root, 'content');
	const files = readdirSync(dir)
		.filter((name) => /^[0-9].*\.md$/.test(name))
		.map((name) => ({ path: `content/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
	const cards = buildCards(parseCourse(files)).filter((c) => c.kind !== 'reverse');
	const out: { scenario: Scenario; profile: string; results: SimulationResult[] }[] = [];
	for (const scenario of scenarios) {
		for (const profile of PROFILES) {
			const results = seeds.map((seed) =>
				simulateStudent({
					cards,
					profile,
					...scenario,
					studyHour: 19,
					dayStartHour: 4,
					utcOffsetMinutes: 480,
					start: Date.UTC(2026, 11, 1, 11),
					seed
				})
			);
			out.push({ scenario, profile: profile.name, results });
		}
	}
	return { cards: cards.length, out };
}
