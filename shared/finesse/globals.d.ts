/**
 * Minimal ambient types for the Finesse (finesse.js) and Shindig (gadgets.*) globals — only what adapter.ts uses.
 * Everything is optional: a gadget must survive a container that lacks a feature. Only adapter.ts may touch them.
 */
export {};

declare global {
  namespace FinesseGlobals {
    interface Config {
      id?: string;
      authorization?: string;
      authToken?: string;
      systemAuthMode?: string;
      scheme?: string;
      host?: string;
      hostPort?: string | number;
      locale?: string;
      cceSkillTargetId?: string | number;
    }
    interface Participant {
      mediaAddress?: string;
      mediaAddressType?: string;
      state?: string;
    }
    interface Dialog {
      getId(): string;
      getState(): string;
      getFromAddress?(): string;
      getToAddress?(): string;
      getMediaProperties?(): Record<string, unknown>;
      getParticipants?(): Participant[] | { Participant?: Participant | Participant[] } | undefined;
      getCallType?(): string;
      addHandler?(event: 'change', fn: (d: Dialog) => void): void;
      removeHandler?(event: 'change', fn: (d: Dialog) => void): void;
    }
    interface Dialogs {
      getCollection?(): Record<string, Dialog>;
    }
    interface DialogsOptions {
      onLoad?(dialogs: Dialogs): void;
      onCollectionAdd?(d: Dialog): void;
      onCollectionDelete?(d: Dialog): void;
    }
    interface TeamRef {
      id?: string | number;
      name?: string;
    }
    interface User {
      getId(): string;
      getFirstName?(): string;
      getLastName?(): string;
      getExtension?(): string;
      getTeamId?(): string | number;
      getTeamName?(): string;
      hasSupervisorRole?(): boolean;
      getSupervisedTeams?(): TeamRef[] | { Team?: TeamRef | TeamRef[] } | undefined;
      getDialogs(options: DialogsOptions): Dialogs;
    }
    interface UserCtor {
      new (options: { id?: string; onLoad?(u: User): void; onChange?(u: User): void; onError?(e: { status?: number }): void }): User;
    }
    interface ContainerServices {
      init(): ContainerServices | void;
      addHandler(topic: string, fn: (data?: unknown) => void): void;
      removeHandler?(topic: string, fn: (data?: unknown) => void): void;
      getMyTabId?(): string;
      /** Asks the container to publish ACTIVE_TAB now (Cisco samples call it right after addHandler). */
      makeActiveTabReq?(): void;
      Topics: { ACTIVE_TAB: string };
    }
    interface Finesse {
      gadget?: { Config?: Config };
      clientservices?: { ClientServices?: { init(config: Config, debug?: boolean): void } };
      restservices?: { User?: UserCtor };
      containerservices?: { ContainerServices?: ContainerServices };
      utilities?: { Utilities?: { getAuthHeaderString?(config: Config): string } };
    }
    interface Prefs {
      getString(name: string): string;
      set(name: string, value: string): void;
    }
    interface Gadgets {
      HubSettings?: { onConnect?: (() => void) | null };
      window?: { adjustHeight?(height?: number): void; setTitle?(title: string): void };
      loadingindicator?: { dismiss?(): void };
      Prefs?: new () => Prefs;
      util?: { getUrlParameters?(): Record<string, string> };
    }
  }
}
