/**
 * What the service worker has told us about new versions of the app. Kept apart from the
 * registration (src/pwa/updates.ts), which loads after the first screen, so the prompt itself
 * costs the first screen almost nothing.
 */
import { create } from 'zustand'

type UpdateState =
  /** nothing to say */
  | 'none'
  /** a new version is installed and waits for the person to choose it */
  | 'ready'
  /** the person chose it: the new version is taking over, then the page reloads once */
  | 'applying'
  /** another tab of this app took the new version: this one should reload when the person is ready */
  | 'reload-needed'

export const useUpdate = create<{ state: UpdateState; apply: () => void; later: () => void }>()((set) => ({
  state: 'none',
  apply: () => {},
  later: () => set({ state: 'none' }),
}))
