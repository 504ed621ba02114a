import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));

// Flags keep a headless system Chromium quiet on a machine without general network access.
const args = [
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])
];

// Ports can be moved so that two checkouts can run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const basePort = Number(process.env.E2E_BASE_PORT ?? port + 1);

const rootOnly = !!process.env.E2E_ROOT_ONLY;

const use = { ...devices['Desktop Chrome'], channel: undefined, launchOptions: { executablePath, args } };

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	// On 2 cores, a third worker fills the time the others spend waiting (networkidle, service-worker
	// installs): 7.0–7.2 min against 7.5–7.7 with two, run back to back on 30 Nov, no retries.
	workers: 3,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	// Generous: a 2-core CI machine builds two sites first, and a slow run is not a failing one.
	timeout: 90_000,
	expect: { timeout: 15_000 },
	// The suite is CPU-bound. Every fresh context would otherwise install the service worker and
	// precache the whole site (a third of the suite's time; the offline, update and console
	// journeys allow it), and recording a trace of every test costs a sixth: a failing test is
	// traced on its retry.
	use: { trace: 'on-first-retry', serviceWorkers: 'block' },
	projects: [
		{ name: 'chromium', testIgnore: '**/base-path.e2e.ts', use: { ...use, baseURL: `http://localhost:${port}` } },
		{ name: 'base-path', testMatch: '**/base-path.e2e.ts', use: { ...use, baseURL: `http://localhost:${basePort}` } }
	],
	// The first server builds both sites at once (scripts/e2e-server.js); the second only serves the
	// /crm build. E2E_ROOT_ONLY=1 skips the /crm variant when only the root project runs.
	webServer: [
		{
			command: `node scripts/e2e-server.js --port ${port}${rootOnly ? ' --root-only' : ''}`,
			url: `http://localhost:${port}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 600_000
		},
		...(rootOnly
			? []
			: [
					{
						command: `npx vite preview --port ${basePort} --strictPort`,
						env: { BASE_PATH: '/crm' },
						url: `http://localhost:${basePort}/crm/`,
						reuseExistingServer: !process.env.CI,
						timeout: 60_000
					}
				])
	]
});
