/**
 * Running from source (tests): each part is a plain import of its module, which registers itself as its built
 * file would. The gadget builds replace this module with an empty map (vite.config.ts), so the gadget scripts
 * do not carry the parts; they load the parts' files instead (loader.ts).
 */
export const PART_SOURCES: Partial<Record<string, () => Promise<unknown>>> = {
  'note-editor': () => import('../../gadgets/journey/note-editor.js'),
  diagnostics: () => import('../ui/diagnostics.js'),
  'answers-fallback': () => import('../../gadgets/analytics/stream-plan.js'),
};
