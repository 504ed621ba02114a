/**
 * The IndexedDB schema and its migrations. Migrations are append-only: never edit one that
 * has shipped; add a new entry with the next version number instead.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CardState, ReviewEntry } from '../srs/scheduler';
import type { AttemptData } from '../quiz/attempt';
import type { Mistake } from '../quiz/mistakes';

export const DB_NAME = 'crm-study';

export interface StoredCard {
	id: string;
	state: CardState;
}

/** A quiz attempt. Read back through the record checks in formats/records: a stored one may be damaged. */
export interface StoredAttempt {
	id: string;
	status: 'active' | 'finished';
	kind: string;
	startedAt: number;
	updatedAt: number;
	data: AttemptData;
}

/** One question in the 错题本; read back through the record checks in formats/records. */
export interface StoredMistake {
	questionId: string;
	data: Mistake;
}

/** An assignment the instructor made; the formats module owns the shape of `data`. */
export interface StoredAssignment {
	id: string;
	code: string;
	createdAt: number;
	data: unknown;
}

/** One imported result file of a class; the quiz module owns the shape of `result`. */
export interface StoredClassEntry {
	checksum: string;
	assignmentId: string;
	fileName: string;
	importedAt: number;
	result: unknown;
}

export interface StoredSetting {
	key: string;
	value: unknown;
}

export interface CrmSchema extends DBSchema {
	cards: { key: string; value: StoredCard };
	reviews: { key: string; value: ReviewEntry; indexes: { byCard: string; byTime: number } };
	attempts: { key: string; value: StoredAttempt; indexes: { byStatus: string } };
	mistakes: { key: string; value: StoredMistake };
	settings: { key: string; value: StoredSetting };
	assignments: { key: string; value: StoredAssignment };
	classResults: { key: string; value: StoredClassEntry; indexes: { byAssignment: string } };
}

export type Db = IDBPDatabase<CrmSchema>;
export type UpgradeTx = IDBPTransaction<CrmSchema, StoreNames<CrmSchema>[], 'versionchange'>;

export interface Migration {
	version: number;
	migrate(db: Db, tx: UpgradeTx): void | Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		migrate(db) {
			db.createObjectStore('cards', { keyPath: 'id' });
			const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
			reviews.createIndex('byCard', 'cardId');
			reviews.createIndex('byTime', 'review');
			const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
			attempts.createIndex('byStatus', 'status');
			db.createObjectStore('mistakes', { keyPath: 'questionId' });
			db.createObjectStore('settings', { keyPath: 'key' });
		}
	},
	{
		// Instructors: the assignments they made and the result files they imported.
		version: 2,
		migrate(db) {
			db.createObjectStore('assignments', { keyPath: 'id' });
			const results = db.createObjectStore('classResults', { keyPath: 'checksum' });
			results.createIndex('byAssignment', 'assignmentId');
		}
	}
];

export const DB_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Runs, in order, exactly the migrations newer than the version the database had. */
export async function runMigrations(db: Db, oldVersion: number, newVersion: number, tx: UpgradeTx, migrations = MIGRATIONS) {
	for (const m of migrations) {
		if (m.version > oldVersion && m.version <= newVersion) await m.migrate(db, tx);
	}
}
