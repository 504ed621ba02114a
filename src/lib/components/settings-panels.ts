// The settings page's panels below the form, imported together once the page is up: backups and
// parameter fitting bring the record schemas and ts-fsrs, which the form does not need.
export { default as OptimizePanel } from './OptimizePanel.svelte';
export { default as BackupPanel } from './BackupPanel.svelte';
export { default as StoragePanel } from './StoragePanel.svelte';
