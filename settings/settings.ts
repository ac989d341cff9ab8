import { storage } from '@wxt-dev/storage';
import { ENTITY_TYPES, type EntityType } from '../engine/types';

// The reader's settings: one versioned item in extension storage (never the page's), watched by
// every open tab so a change in the popup applies live. Bump `version` and add a migration when
// the shape changes; migrations are kept forever.

export type MarkStyle = 'underline' | 'background' | 'dotted';
export type UiLanguage = 'auto' | 'ar' | 'en';

export interface Settings {
  enabled: boolean;
  types: EntityType[];
  markStyle: MarkStyle;
  /** Dwell before a hover card shows, ms (work starts at 150 ms). */
  hoverDelay: number;
  language: UiLanguage;
  /** Hosts where the reader turned Hashiya off (it runs by default on the news sites). */
  disabledHosts: string[];
  /** Other hosts the reader turned Hashiya on for (optional permission granted, script registered). */
  enabledHosts: string[];
  /** Hosts where the whole page is marked, not only the article (engine/text/article-scope.ts). */
  wholePageHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  types: [...ENTITY_TYPES],
  markStyle: 'underline',
  hoverDelay: 500,
  language: 'auto',
  disabledHosts: [],
  enabledHosts: [],
  wholePageHosts: [],
};

export const HOVER_DELAY_RANGE = { min: 150, max: 2000 } as const;

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Stored settings completed with defaults (a newer build may add fields an older one lacks). */
export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => cb({ ...DEFAULT_SETTINGS, ...value }));
}

export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(host);
}
