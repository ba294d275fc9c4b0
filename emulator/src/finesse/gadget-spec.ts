/**
 * Reads an OpenSocial gadget spec the way Shindig does for our purposes: title, required features,
 * UserPref defaults, loading-indicator mode and the html Content. Invalid specs raise SpecError with a
 * message a gadget developer can act on.
 */
import { DOMParser } from '@xmldom/xmldom';

/** Features the Finesse library and our gadgets rely on (docs/finesse.md). */
export const REQUIRED_FEATURES = ['settitle', 'dynamic-height', 'pubsub-2', 'setprefs', 'loadingindicator'];

export interface UserPref {
  name: string;
  defaultValue: string;
  datatype: string;
}

export interface GadgetSpec {
  title: string;
  features: string[];
  /** Required features the spec does not declare (the gadget renders, with a warning). */
  missingFeatures: string[];
  manualDismiss: boolean;
  prefs: UserPref[];
  /** Height from ModulePrefs, if any. */
  height?: number;
  content: string;
}

export class SpecError extends Error {}

type El = {
  getAttribute(n: string): string | null;
  getElementsByTagName(n: string): ArrayLike<El>;
  textContent: string | null;
  childNodes: ArrayLike<{ nodeValue: string | null; nodeType: number }>;
};

const list = (x: ArrayLike<El>): El[] => Array.from(x);

export function parseGadgetSpec(xml: string): GadgetSpec {
  let doc;
  try {
    const errors: string[] = [];
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(xml, 'text/xml');
    if (errors.length) throw new SpecError(`gadget XML is not well-formed: ${errors[0]}`);
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError(`gadget XML is not well-formed: ${(e as Error).message.split('\n')[0]}`);
  }
  const root = doc.documentElement as unknown as El & { tagName: string };
  if (!root || root.tagName !== 'Module') throw new SpecError('gadget XML root element must be <Module>');
  const modulePrefs = list(root.getElementsByTagName('ModulePrefs'))[0];
  if (!modulePrefs) throw new SpecError('gadget XML lacks <ModulePrefs>');

  const features: string[] = [];
  let manualDismiss = false;
  for (const tag of ['Require', 'Optional']) {
    for (const el of list(modulePrefs.getElementsByTagName(tag))) {
      const name = el.getAttribute('feature') ?? '';
      if (tag === 'Require') features.push(name);
      if (name === 'loadingindicator') {
        manualDismiss ||= list(el.getElementsByTagName('Param')).some(
          (p) => p.getAttribute('name') === 'manual-dismiss' && (p.textContent ?? '').trim() === 'true',
        );
      }
    }
  }
  const prefs = list(root.getElementsByTagName('UserPref')).map((p) => ({
    name: p.getAttribute('name') ?? '',
    defaultValue: p.getAttribute('default_value') ?? '',
    datatype: p.getAttribute('datatype') ?? 'string',
  }));
  const contents = list(root.getElementsByTagName('Content'));
  const content =
    contents.find((c) => !c.getAttribute('view') || /\b(default|home)\b/.test(c.getAttribute('view') ?? '')) ??
    contents[0];
  if (!content) throw new SpecError('gadget XML lacks <Content type="html">');
  if ((content.getAttribute('type') ?? 'html') !== 'html') {
    throw new SpecError(`<Content type="${content.getAttribute('type')}"> is not supported; use type="html"`);
  }
  const height = Number(modulePrefs.getAttribute('height'));
  return {
    title: modulePrefs.getAttribute('title') ?? '',
    features,
    missingFeatures: REQUIRED_FEATURES.filter((f) => !features.includes(f)),
    manualDismiss,
    prefs: prefs.filter((p) => p.name),
    height: Number.isFinite(height) && height > 0 ? height : undefined,
    content: content.textContent ?? '',
  };
}
