import { afterEach, describe, expect, it } from 'vitest';
import { createLead } from './commands';
import { CommandHistory } from './history';
import { forgetHistory } from './import-commands';
import { getLead } from './repositories';
import { closeAll, workspaceDb } from './test-util';

afterEach(closeAll);

describe('forgetHistory', () => {
	it('leaves nothing to undo or redo, and the data as it was', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		const a = await h.run(createLead({ name: 'A' }));
		const b = await h.run(createLead({ name: 'B' }));
		await h.undo();
		expect(h.canUndo && h.canRedo).toBe(true);
		await h.run(forgetHistory());
		expect(h.canUndo).toBe(false);
		expect(h.canRedo).toBe(false);
		expect(await h.undo()).toBe(false);
		expect((await getLead(db, a.id))?.name).toBe('A');
		expect(await getLead(db, b.id)).toBeUndefined();
	});
});
