/** Downloading a backup of everything the learner stored: from 备份与恢复, and before 清除学习记录. */
import { app } from './app.svelte';
import { createBackup, type BackupData } from '$lib/formats/backup';
import { saveFile } from '$lib/components/save-file';

/** Saves a backup file; returns its name and contents, or null when the data could not be read. */
export async function downloadBackup(now = Date.now()): Promise<{ name: string; data: BackupData } | null> {
	const store = await app.store();
	const data = await store.read((b) => b.exportAll(), null);
	if (!data) return null;
	const name = `crm-study-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
	saveFile(name, JSON.stringify(createBackup(data, now)), 'application/json');
	return { name, data };
}
