// The import worker: PapaParse, detection, conversion, validation and the database write all
// run here, so a 100k-row file never blocks the page. Comlink exposes one ImportService.
import * as Comlink from 'comlink';
import { ImportService } from '../io/csv-import/import-service';

Comlink.expose(new ImportService());
