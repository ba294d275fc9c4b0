/**
 * What the build emits: the gadget XML files, which script each one loads, and where each goes in the
 * Finesse desktop layout. The plugin, the validator and the docs all follow this one list.
 */

/** A gadget bundle (one classic script each). */
export type BundleName = 'journey' | 'analytics';

export interface UserPrefSpec {
  name: string;
  defaultValue: string;
}

export interface GadgetXmlSpec {
  /** File name in dist/, e.g. "journey.xml". */
  file: string;
  bundle: BundleName;
  title: string;
  description: string;
  /** Hidden UserPrefs (datatype="hidden") with their defaults. */
  userPrefs: UserPrefSpec[];
}

export const GADGET_XMLS: readonly GadgetXmlSpec[] = [
  {
    file: 'journey.xml',
    bundle: 'journey',
    title: 'Customer Experience Journey',
    description: 'Survey feedback history (Webex Experience Management) of the caller on the current call.',
    userPrefs: [],
  },
  {
    file: 'analytics-agent.xml',
    bundle: 'analytics',
    title: 'Customer Experience Analytics',
    description: "The agent's own NPS, CSAT and CES from Webex Experience Management surveys.",
    userPrefs: [{ name: 'filterTags', defaultValue: 'cc_AgentId' }],
  },
  {
    file: 'analytics-team.xml',
    bundle: 'analytics',
    title: 'Customer Experience Analytics',
    description: "The supervised team's NPS, CSAT and CES from Webex Experience Management surveys.",
    userPrefs: [{ name: 'filterTags', defaultValue: 'cc_TeamId' }],
  },
];

export const LAYOUT_FILE = 'layout-snippet.xml';
export const FINESSE_LAYOUT_NS = 'http://www.cisco.com/vtg/finesse';

export type Role = 'Agent' | 'Supervisor';

export interface LayoutTab {
  /** Finesse's tab id (the admin's existing tab of that id receives the gadget). */
  id: string;
  label: string;
  gadgetFile: string;
  /** Gadget URL query parameters (before wxmBaseUrl). */
  params: Record<string, string>;
}

export const LAYOUT: ReadonlyArray<{ role: Role; tabs: LayoutTab[] }> = [
  {
    role: 'Agent',
    tabs: [
      { id: 'home', label: 'finesse.container.tabs.agent.homeLabel', gadgetFile: 'journey.xml', params: {} },
      {
        id: 'myStatistics',
        label: 'finesse.container.tabs.agent.myStatisticsLabel',
        gadgetFile: 'analytics-agent.xml',
        params: { filterTags: 'cc_AgentId' },
      },
    ],
  },
  {
    role: 'Supervisor',
    tabs: [
      { id: 'home', label: 'finesse.container.tabs.supervisor.homeLabel', gadgetFile: 'journey.xml', params: {} },
      {
        id: 'teamData',
        label: 'finesse.container.tabs.supervisor.teamDataLabel',
        gadgetFile: 'analytics-team.xml',
        params: { filterTags: 'cc_TeamId' },
      },
    ],
  },
];

/** The features finesse.js and our gadgets need, in every gadget XML. */
export const REQUIRED_FEATURES = ['settitle', 'dynamic-height', 'pubsub-2', 'setprefs', 'loadingindicator'] as const;

/** The Finesse library, loaded from the Finesse host in this order before our script (paths on that host). */
export const FINESSE_SCRIPTS = ['/desktop/assets/js/jquery.min.js', '/desktop/assets/js/finesse.js'] as const;

/**
 * The Finesse host as a gadget served from elsewhere names it (Cisco, "Import Finesse JavaScript API"): the
 * container fills the hidden UserPrefs scheme, host and hostPort, and Shindig substitutes `__UP_name__`.
 */
export const FINESSE_HOST_PREFS = ['scheme', 'host', 'hostPort'] as const;
export const FINESSE_FROM_PREFS = '__UP_scheme__://__UP_host__:__UP_hostPort__';

/** Where Finesse serves uploaded gadget files (the 3rdpartygadget SFTP account's /files). */
export const FINESSE_GADGET_PATH = '/3rdpartygadget/';

/**
 * Whether files under this base URL are served by the Finesse server itself: root-relative (whichever Finesse
 * node serves the desktop) or an absolute URL on Finesse's 3rdpartygadget path.
 */
export function servedByFinesse(baseUrl: string | undefined): boolean {
  if (!baseUrl) return false;
  if (baseUrl.startsWith('/') && !baseUrl.startsWith('//')) return true;
  return new URL(baseUrl).pathname.startsWith(FINESSE_GADGET_PATH);
}
