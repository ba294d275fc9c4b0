// PLACEHOLDER until the emulator lands.
import { startEmulator } from './index.js';
const arg = (n: string) => { const i = process.argv.indexOf(n); return i > 0 ? Number(process.argv[i + 1]) : undefined; };
const emu = await startEmulator({ port: arg('--port'), wxmPort: arg('--wxm-port') });
console.log(`Finesse desktop: ${emu.finesseUrl}/`);
console.log(`WxM API: ${emu.wxmUrl}/`);
