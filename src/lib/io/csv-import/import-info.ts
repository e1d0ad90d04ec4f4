// What the import service reports back to the page (through the import worker): the shapes of
// its answers, apart from the service so the UI can name them without the service's code.

import type { MergeCounts } from '../merge';
import type { FileProblem } from '../problems';
import type { RecordListName, Records, Rep, Workspace } from '../../domain/types';
import type { ImportProblem } from './convert';
import type { Encoding } from './detect';
import type { ParseOptions, ParsedTable, TableSummary } from './table';
import type { WorkbookSheet } from './workbook';

export type Progress = (phase: 'read' | 'parse' | 'check' | 'write', fraction: number) => void;

export interface ReadInfo {
	fileName: string;
	encoding: Encoding;
	bom: boolean;
	delimiter: ParsedTable['delimiter'];
	hasHeader: boolean;
	headers: string[];
	/** The first rows as cells, for the mapping step. */
	sample: string[][];
	rowCount: number;
	summary: TableSummary;
	csvErrors: ParsedTable['csvErrors'];
	/** The file is one of Tragt's own CSV tables (its columns are that list's, with id). */
	tragtList?: RecordListName;
	/** A workbook: its sheets and the one read. */
	workbook?: { sheets: WorkbookSheet[]; sheet: string };
}

export interface ReadCsvOptions extends ParseOptions {
	encoding?: Encoding;
}

export interface ConvertInfo {
	ok: boolean;
	problems: ImportProblem[];
	problemCount: number;
	rows: number;
	counts: Partial<Record<RecordListName, number>>;
	newReps: string[];
	newCampaigns: string[];
	/** The first records as they will be stored. */
	preview: Partial<Records>;
}

export interface TeamFileInfo {
	fileName: string;
	ok: boolean;
	problems: FileProblem[];
	exportedAt?: string;
	/** The newest `updatedAt` of its records: when its data last changed. */
	newestChange?: string;
	reps: Pick<Rep, 'id' | 'name'>[];
	/** What merging this file alone would do, per record list. */
	counts?: Record<RecordListName, MergeCounts>;
}

export interface SharedInfo {
	ok: boolean;
	problems: FileProblem[];
	warnings: string[];
	fileName: string;
	version?: number;
	workspace?: Workspace;
	exportedAt?: string;
	reps: Pick<Rep, 'id' | 'name'>[];
	counts?: Record<RecordListName, MergeCounts>;
}
export interface ExportInfo {
	/** The file's bytes (UTF-8 JSON). */
	blob: Blob;
	workspace: Workspace;
	counts: Record<RecordListName, number>;
}
