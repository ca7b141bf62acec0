/**
 * The draft editor's autosave as a pure state machine. Edits are saved after a quiet moment
 * (debounced), never while an input method is composing (a Japanese word being converted is not
 * yet what the user typed), one save at a time, and a save that finds the draft changed elsewhere
 * (409: another tab, a co-PI) stops autosave in a conflict that only the user resolves: reload
 * the other version, or keep their own text to copy. Nothing is overwritten silently.
 */

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'conflict'; readonly currentVersion: number | undefined };

export interface AutosaveState {
  /** Edits not yet sent. */
  readonly dirty: boolean;
  /** An input method is composing: wait. */
  readonly composing: boolean;
  /** The quiet time has passed since the last edit. */
  readonly due: boolean;
  readonly status: SaveStatus;
}

export type AutosaveEvent =
  | { readonly type: 'edited' }
  | { readonly type: 'compositionStarted' }
  | { readonly type: 'compositionEnded' }
  | { readonly type: 'quiet' }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saved'; readonly at: string }
  | { readonly type: 'saveFailed'; readonly code: string }
  | { readonly type: 'conflict'; readonly currentVersion: number | undefined }
  | { readonly type: 'resolved' };

export const initialAutosave: AutosaveState = { dirty: false, composing: false, due: false, status: { kind: 'idle' } };

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case 'edited':
      return { ...state, dirty: true, due: false };
    case 'compositionStarted':
      return { ...state, composing: true };
    case 'compositionEnded':
      return { ...state, composing: false };
    case 'quiet':
      return state.dirty ? { ...state, due: true } : state;
    case 'saveStarted':
      // What is being sent is no longer "not yet sent"; an edit during the save marks it dirty again.
      return { ...state, dirty: false, due: false, status: { kind: 'saving' } };
    case 'saved':
      return { ...state, status: { kind: 'saved', at: event.at } };
    case 'saveFailed':
      // Keep the edits: they are sent again with the next edit or the next save.
      return { ...state, dirty: true, status: { kind: 'error', code: event.code } };
    case 'conflict':
      return { ...state, dirty: true, due: false, status: { kind: 'conflict', currentVersion: event.currentVersion } };
    case 'resolved':
      return initialAutosave;
  }
}

/** Whether a save should start now. */
export function shouldSave(state: AutosaveState): boolean {
  return state.dirty && state.due && !state.composing && state.status.kind !== 'saving' && state.status.kind !== 'conflict';
}
