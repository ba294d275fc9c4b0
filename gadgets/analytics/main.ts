// Entry of the analytics gadget bundle: boot the shared core, provide its services, render the app.
import { startAnalytics } from './start.js';

const host = document.createElement('div');
document.body.append(host);
void startAnalytics(host);
