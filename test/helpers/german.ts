/**
 * The German texts, registered as the loaded locale file would (shared/i18n/translations.ts): tests run the
 * sources, which carry English only; the build puts German beside each script (test/build covers that path).
 */
import { addTranslations } from '../../shared/i18n/catalogue.js';
import { de as journeyDe } from '../../gadgets/journey/messages.de.js';
import { de as analyticsDe } from '../../gadgets/analytics/messages.de.js';

addTranslations('de', { ...journeyDe, ...analyticsDe });
