/**
 * Everything a part (loader.ts) uses from the main script, one instance of each: Lit's templates (one Lit per
 * gadget), the error class the gadget tests with instanceof, the log, the message catalogue (locale and loaded
 * translations), the session's diagnostic notes, and registerPart. The main script puts this module under `self.cxParts`; a part's build maps
 * its imports of this module onto that object and fails if the part bundles a stateful module of its own or
 * imports a name this module does not export (vite.config.ts). Stateless helpers the part needs (note-write.ts,
 * the JSON checks it calls) are bundled into the part instead.
 */
export { html, nothing } from 'lit';
export { AppError, isAbort, toAppError } from '../errors.js';
export { log, redact } from '../log.js';
export { defineMessages } from '../i18n/catalogue.js';
export { errorMessage } from '../i18n/messages.js';
export { markWritesRefused } from '../wxm/notes.js';
export { diagnosticNotes } from '../ui/diagnostic-notes.js';
export { registerPart } from './loader.js';
