// The import worker: PapaParse, detection, conversion, validation and the database write all
// run here, so a 100k-row file never blocks the page. Comlink exposes one ImportService.
import * as Comlink from 'comlink';
import { reportStalls } from '../db/transaction-guard';
import { ImportService } from '../io/csv-import/import-service';

// A write that never starts (a database the browser left stuck) is told to the page.
reportStalls('import');
Comlink.expose(new ImportService());
