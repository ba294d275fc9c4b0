// Entry of the analytics gadget bundle: the shared root boots, then hands the services to <cx-analytics-app>.
import { startAnalytics } from './start.js';

void startAnalytics();
